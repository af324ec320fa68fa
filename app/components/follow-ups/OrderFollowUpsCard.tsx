import { Link } from "@remix-run/react";
import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/common/SectionCard";
import type { FollowUpLogRow } from "~/services/follow-ups/follow-up-log.server";

/** The order's follow-ups, in the order they go out: "Review request · Held back · the promise was broken: arrived 2 days late". */
export function OrderFollowUpsCard({ followUps, orderName }: { followUps: FollowUpLogRow[]; orderName: string }) {
  return (
    <SectionCard title="Follow-ups" gap="300">
      {followUps.length === 0 ? (
        <Text as="p" tone="subdued">
          No follow-up emails for this order yet. Rules write here when the order ships, arrives or is late. <Link to="/app/follow-ups">See the rules</Link>.
        </Text>
      ) : (
        followUps.map((row) => (
          <BlockStack gap="100" key={row.id}>
            <InlineStack gap="200" blockAlign="center" wrap>
              <Text as="span" fontWeight="semibold">
                {row.rule}
              </Text>
              <Badge tone={row.tone}>{row.statusLabel}</Badge>
            </InlineStack>
            {row.reason ? (
              <Text as="p" tone="subdued">
                {row.reason.charAt(0).toUpperCase() + row.reason.slice(1)}
              </Text>
            ) : null}
            {row.when ? (
              <Text as="p" variant="bodySm" tone="subdued">
                {row.when}
                {row.subject ? ` · “${row.subject}”` : ""}
              </Text>
            ) : null}
            {row.lastError ? (
              <Text as="p" variant="bodySm" tone="critical">
                {row.lastError}
              </Text>
            ) : null}
          </BlockStack>
        ))
      )}
      {followUps.some((row) => row.canRetry) ? (
        <Text as="p" variant="bodySm">
          <Link to={`/app/follow-ups/log?q=${encodeURIComponent(orderName)}`}>Decide on the failed ones in the send log</Link>
        </Text>
      ) : null}
    </SectionCard>
  );
}
