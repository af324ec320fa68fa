import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, List, Text } from "@shopify/polaris";
import { TableCard, type Column, type TableSpec } from "~/components/common/TableCard";
import type { TrialOutcome, TrialRow } from "~/domain/rules/trial-run";
import type { action as trialAction } from "~/routes/app.inserts.rule-trial";
import { formatDateTime } from "~/utils/format";
import { SectionCard } from "~/components/common/SectionCard";

const SKIP_LABEL: Record<string, string> = {
  "no-match": "no match",
  inactive: "rule paused",
  "outside-window": "outside active dates",
  "out-of-stock": "out of stock",
  "parcel-full": "parcel full",
  stopped: "stopped",
};

function Outcome({ outcome }: { outcome: TrialOutcome }) {
  if (outcome.kind === "gets-it") return <Badge tone="success">gets it</Badge>;
  if (outcome.kind === "held-out") return <Badge tone="info">held out (gets nothing)</Badge>;
  const label = outcome.stoppedBy ? `stopped by "${outcome.stoppedBy}"` : SKIP_LABEL[outcome.reason];
  return <Badge tone={outcome.reason === "out-of-stock" ? "critical" : "attention"}>{label}</Badge>;
}

function Lines({ items }: { items: string[] }) {
  if (items.length === 0)
    return (
      <Text as="span" tone="subdued">
        —
      </Text>
    );
  return (
    <List>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

/** Where the order count, customer tags and product types the rules read came from, under the reasons. */
function Facts({ facts }: { facts: string[] }) {
  if (facts.length === 0) return null;
  return (
    <BlockStack gap="050">
      {facts.map((fact) => (
        <Text as="p" variant="bodySm" tone="subdued" key={fact}>
          {fact}
        </Text>
      ))}
    </BlockStack>
  );
}

/** The columns both tables start with: the order, when it was created, and why (or why not) with the facts read. */
function orderColumns(whyHeading: string, why: (row: TrialRow) => string[]): Column<TrialRow>[] {
  return [
    { heading: "Order", cell: (row) => row.name },
    { heading: "Created (UTC)", cell: (row) => formatDateTime(row.createdAt) },
    {
      heading: whyHeading,
      cell: (row) => (
        <BlockStack gap="100">
          <Lines items={why(row)} />
          <Facts facts={row.facts} />
        </BlockStack>
      ),
    },
  ];
}

const MATCH_TABLE: TableSpec<TrialRow> = {
  noun: "order",
  rowId: (row) => row.orderGid,
  emptyText: "None of these orders match.",
  columns: [
    ...orderColumns("Why", (row) => row.reasons),
    {
      heading: "With your other rules",
      cell: (row) => (
        <BlockStack gap="100">
          <Outcome outcome={row.outcome} />
          {row.warnings.map((warning) => (
            <Text as="p" tone="caution" key={warning}>
              {warning}
            </Text>
          ))}
        </BlockStack>
      ),
    },
    { heading: "Also in the parcel", cell: (row) => row.alongside.join(", ") || "—" },
  ],
};

const MISS_TABLE: TableSpec<TrialRow> = { ...MATCH_TABLE, emptyText: "Every order matches.", columns: orderColumns("Why not", (row) => row.failed) };

function MatchTable({ rows }: { rows: TrialRow[] }) {
  return <TableCard title={`Would match (${rows.length})`} table={MATCH_TABLE} rows={rows} />;
}

function MissTable({ rows }: { rows: TrialRow[] }) {
  return <TableCard title={`Would not match (${rows.length})`} table={MISS_TABLE} rows={rows} />;
}

/** "Test against the last 100 orders" for the rule as it is in the editor, saved or not. */
export function TrialCard({ document, disabled }: { document: string; disabled: boolean }) {
  const fetcher = useFetcher<typeof trialAction>();
  const result = fetcher.data;
  const run = () => fetcher.submit({ document }, { method: "post", action: "/app/inserts/rule-trial" });
  return (
    <BlockStack gap="400">
      <SectionCard title="Test against the last 100 orders">
        <Text as="p" tone="subdued">
          Runs the rule as it is in this editor (saved or not) on your latest orders, with your other rules, today's stock and the parcel limit. Nothing is
          saved or sent. Order counts, customer tags and product types are the ones Shopify gave when each order was decided; where none were stored, Kept
          counts the customer's orders it has recorded since install, and tags and product types are unknown (each row says which).
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Button onClick={run} loading={fetcher.state !== "idle"} disabled={disabled}>
            Test against the last 100 orders
          </Button>
          {disabled ? (
            <Text as="span" tone="subdued">
              Fix the problems above first.
            </Text>
          ) : null}
        </InlineStack>
        {result && !result.ok ? (
          <Text as="p" tone="critical">
            {result.errors.map((error) => error.message).join(" ")}
          </Text>
        ) : null}
        {result?.ok ? (
          <Text as="p">
            {`Of the last ${result.summary.orders} orders, ${result.summary.matched} match the conditions. With your other rules: ${result.summary.getsIt} get it, ${result.summary.heldOut} held out` +
              Object.entries(result.summary.skipped)
                .map(([reason, count]) => `, ${count} ${SKIP_LABEL[reason]}`)
                .join("") +
              "."}
          </Text>
        ) : null}
      </SectionCard>
      {result?.ok ? <MatchTable rows={result.rows.filter((row) => row.matched)} /> : null}
      {result?.ok ? <MissTable rows={result.rows.filter((row) => !row.matched)} /> : null}
    </BlockStack>
  );
}
