import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/common/SectionCard";
import type { loadFlowTriggers } from "~/services/flow/flow-overview.server";

type Trigger = Awaited<ReturnType<typeof loadFlowTriggers>>[number];

/** Which of Kept's Shopify Flow triggers the shop's workflows use: Kept fires only those (docs/flow.md). */
export function FlowTriggersCard({ triggers }: { triggers: Trigger[] }) {
  const used = triggers.filter((trigger) => trigger.usedSince).length;
  return (
    <SectionCard title="Shopify Flow" gap="300">
      <Text as="p" tone="subdued">
        {used === 0
          ? "No workflow uses Kept's triggers yet. In Shopify Flow, start a workflow with one of these, and Kept sends it from then on."
          : `${used} of Kept's triggers ${used === 1 ? "is" : "are"} used by your workflows. Kept sends only those, once per order.`}
      </Text>
      {triggers.map((trigger) => (
        <BlockStack gap="050" key={trigger.handle}>
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              {trigger.name}
            </Text>
            {trigger.usedSince ? <Badge tone="success">{`In use since ${trigger.usedSince}`}</Badge> : <Badge>Not used</Badge>}
          </InlineStack>
          <Text as="p" variant="bodySm" tone="subdued">
            {trigger.description}
          </Text>
        </BlockStack>
      ))}
    </SectionCard>
  );
}
