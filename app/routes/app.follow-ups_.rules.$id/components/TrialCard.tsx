import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/common/SectionCard";
import { ColumnTable, type TableSpec } from "~/components/common/TableCard";
import type { action as trialAction } from "~/routes/app.follow-ups_.rule-trial";
import type { TrialEntry } from "~/services/follow-ups/follow-up-trial.server";

const TONE: Record<TrialEntry["kind"], "success" | "info" | "attention" | undefined> = {
  send: "success",
  wait: "info",
  skip: "attention",
  cancel: "attention",
  "no-match": undefined,
  "before-rule": undefined,
};

const TRIAL_TABLE: TableSpec<TrialEntry> = {
  noun: "order",
  rowId: (row) => row.orderGid,
  columns: [
    { heading: "Order", cell: (row) => row.name },
    { heading: "Customer", cell: (row) => row.customer ?? "—" },
    { heading: "This rule", cell: (row) => <Badge tone={TONE[row.kind]}>{row.label}</Badge> },
    { heading: "When", cell: (row) => row.when ?? "—" },
    {
      heading: "Why",
      cell: (row) => (
        <Text as="span" variant="bodySm" tone="subdued">
          {row.detail ?? ""}
        </Text>
      ),
    },
  ],
};

/** "Try it on recent orders": what the rule as edited would do for each of the shop's latest orders. */
export function TrialCard({ document, madeAt, disabled }: { document: string; madeAt: string | null; disabled: boolean }) {
  const trial = useFetcher<typeof trialAction>();
  const result = trial.data;
  return (
    <SectionCard title="Try it on recent orders" gap="300">
      <Text as="p" tone="subdued">
        What this rule, as it stands now (saved or not), would do for each of your last 50 orders. Nothing is sent.
      </Text>
      <InlineStack>
        <Button
          disabled={disabled}
          loading={trial.state !== "idle"}
          onClick={() => trial.submit({ document, madeAt: madeAt ?? "" }, { method: "post", action: "/app/follow-ups/rule-trial" })}
        >
          Try it
        </Button>
      </InlineStack>
      {result && result.ok ? (
        <BlockStack gap="200">
          <Text as="p">
            {`Of ${result.summary.orders} orders: ${result.summary.send} would get it, ${result.summary.waiting} wait for their moment, ${result.summary.held} held back, ${result.summary.noMatch} not matching, ${result.summary.before} before the rule starts. Times in ${result.timeZone}.`}
          </Text>
          <ColumnTable table={TRIAL_TABLE} rows={result.entries} />
        </BlockStack>
      ) : null}
      {result && !result.ok ? (
        <Text as="p" tone="critical">
          {result.errors.map((error) => error.message).join(" ")}
        </Text>
      ) : null}
    </SectionCard>
  );
}
