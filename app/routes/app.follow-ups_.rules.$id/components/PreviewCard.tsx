import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { SectionCard } from "~/components/common/SectionCard";
import { FOLLOW_UP_LOCALES } from "~/domain/follow-ups/built-in-messages";
import type { action as previewAction } from "~/routes/app.follow-ups_.rule-preview";

type Props = {
  document: string;
  disabled: boolean;
  orders: { orderGid: string; name: string; customer: string | null; locale: string | null }[];
  testAddress: string;
  emailReady: boolean;
};

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
const languageName = (code: string) => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

const LANGUAGES = [{ value: "", label: "The customer's language" }, ...FOLLOW_UP_LOCALES.map((code) => ({ value: code, label: languageName(code) }))];

/** The message as a real order's customer would get it, and "send a test to me". */
export function PreviewCard({ document, disabled, orders, testAddress, emailReady }: Props) {
  const preview = useFetcher<typeof previewAction>();
  const test = useFetcher<typeof previewAction>();
  const [orderGid, setOrderGid] = useState(orders[0]?.orderGid ?? "");
  const [locale, setLocale] = useState("");
  const [to, setTo] = useState(testAddress);
  const options = orders.map((order) => ({
    value: order.orderGid,
    label: `${order.name}${order.customer ? ` · ${order.customer}` : ""}${order.locale ? ` (${order.locale})` : ""}`,
  }));
  const fields = { document, orderGid, locale };
  const shown = preview.data;
  const sent = test.data;
  if (orders.length === 0)
    return (
      <SectionCard title="Preview">
        <Text as="p" tone="subdued">
          The preview shows the email for one of your orders. It appears once Kept has received orders.
        </Text>
      </SectionCard>
    );
  return (
    <SectionCard title="Preview" gap="300">
      <Select label="For order" options={options} value={orderGid} onChange={setOrderGid} />
      <Select label="Language" options={LANGUAGES} value={locale} onChange={setLocale} />
      <InlineStack>
        <Button
          disabled={disabled}
          loading={preview.state !== "idle"}
          onClick={() => preview.submit({ ...fields, intent: "preview" }, { method: "post", action: "/app/follow-ups/rule-preview" })}
        >
          Show the email
        </Button>
      </InlineStack>
      {disabled ? (
        <Text as="p" tone="subdued" variant="bodySm">
          Fix the rule&apos;s problems first.
        </Text>
      ) : null}
      {shown && shown.intent === "preview" && shown.ok ? (
        <BlockStack gap="200">
          <InlineStack gap="100">
            <Badge>{`In ${languageName(shown.localeUsed)}`}</Badge>
            {shown.category === "marketing" ? <Badge tone="attention">Marketing: needs consent</Badge> : <Badge>Service message</Badge>}
          </InlineStack>
          <Text as="p" fontWeight="semibold">
            {shown.subject}
          </Text>
          <Box borderColor="border" borderWidth="025" borderRadius="200" overflowX="hidden" overflowY="hidden">
            <iframe
              title={`Email preview for ${shown.orderName}`}
              sandbox=""
              srcDoc={shown.html}
              style={{ width: "100%", height: 520, border: 0, display: "block" }}
            />
          </Box>
          <details>
            <summary>Plain-text version</summary>
            <pre style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>{shown.text}</pre>
          </details>
        </BlockStack>
      ) : null}
      {shown && !shown.ok ? (
        <Text as="p" tone="critical">
          {shown.message}
        </Text>
      ) : null}
      <BlockStack gap="200">
        <TextField label="Send a test to" type="email" value={to} onChange={setTo} autoComplete="email" placeholder="you@yourshop.com" />
        <InlineStack>
          <Button
            disabled={disabled || !emailReady || to.trim() === ""}
            loading={test.state !== "idle"}
            onClick={() => test.submit({ ...fields, to, intent: "send-test" }, { method: "post", action: "/app/follow-ups/rule-preview" })}
          >
            Send test
          </Button>
        </InlineStack>
        {!emailReady ? (
          <Text as="p" variant="bodySm" tone="subdued">
            Tests can be sent once email sending is switched on.
          </Text>
        ) : null}
        {sent && sent.intent !== "preview" ? (
          <Text as="p" tone={sent.ok ? "success" : "critical"}>
            {sent.message}
          </Text>
        ) : null}
      </BlockStack>
    </SectionCard>
  );
}
