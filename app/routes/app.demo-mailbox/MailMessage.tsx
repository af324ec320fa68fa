import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, DescriptionList, InlineStack, Text } from "@shopify/polaris";
import { emailPreviewDocument } from "~/domain/demo/email-preview";
import { SectionCard } from "~/components/common/SectionCard";

type Props = {
  /** Back to the list alone (the search kept). */
  closeHref: string;
  message: {
    subject: string;
    received: string;
    language: string | null;
    html: string | null;
    text: string | null;
    headers: { name: string; value: string }[];
  };
};

/** One caught message as its recipient's mail client would show it: the HTML part, sandboxed, then the plain text and the key headers. */
export function MailMessage({ message, closeHref }: Props) {
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {message.subject}
              </Text>
              {message.language ? <Badge>{message.language.toUpperCase()}</Badge> : null}
            </InlineStack>
            <Link to={closeHref}>Close</Link>
          </InlineStack>
          <Text as="p" tone="subdued">
            Received {message.received}
          </Text>
          {message.html ? (
            // No scripts, no same-origin access to the admin; links open in a new tab (emailPreviewDocument).
            <iframe
              title={`The email “${message.subject}” as its recipient sees it`}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={emailPreviewDocument(message.html)}
              style={{ width: "100%", height: 560, border: "1px solid var(--p-color-border)", borderRadius: 8, background: "#fff" }}
            />
          ) : (
            <Text as="p" tone="subdued">
              This message has no HTML part.
            </Text>
          )}
        </BlockStack>
      </Card>
      <SectionCard title="Plain-text part" gap="200">
        {message.text ? (
          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "var(--p-font-family-mono)", fontSize: 13 }}>
            {message.text.trim()}
          </pre>
        ) : (
          <Text as="p" tone="subdued">
            This message has no plain-text part.
          </Text>
        )}
      </SectionCard>
      <SectionCard title="Headers" gap="200">
        <DescriptionList
          gap="tight"
          items={message.headers.map((header) => ({
            term: header.name,
            description: <span style={{ overflowWrap: "anywhere" }}>{header.value}</span>,
          }))}
        />
      </SectionCard>
    </BlockStack>
  );
}
