import { Form, Link } from "@remix-run/react";
import { Badge, Button, InlineStack, Text } from "@shopify/polaris";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import type { RuleStatus } from "~/domain/rules/rule-status";
import type { loadInsertsOverview } from "~/services/inserts/inserts-overview.server";
import { formatDateTime } from "~/utils/format";
import { ArchiveRuleButton } from "~/components/rules/ArchiveRuleButton";

type Row = Awaited<ReturnType<typeof loadInsertsOverview>>["rules"][number];

const STATUS_TONE: Record<RuleStatus, "success" | "info" | "attention" | undefined> = {
  active: "success",
  scheduled: "info",
  ended: undefined,
  paused: "attention",
  archived: undefined,
};

function Stock({ row }: { row: Row }) {
  if (row.itemLabel === null)
    return (
      <Text as="span" tone="subdued">
        —
      </Text>
    );
  const left = row.stockLeft === null ? "unlimited" : `${row.stockLeft} left`;
  const isOut = row.stockOutAt !== null || row.stockLeft === 0;
  return (
    <InlineStack gap="100" blockAlign="center">
      <Text as="span">{`${row.itemLabel}: ${left}`}</Text>
      {isOut ? <Badge tone="critical">{row.stockOutAt ? `Out of stock since ${formatDateTime(row.stockOutAt)}` : "Out of stock"}</Badge> : null}
    </InlineStack>
  );
}

/** Moves one rule up or down in evaluation order by submitting the whole new order. */
function MoveButton({ order, index, step, name }: { order: string[]; index: number; step: -1 | 1; name: string }) {
  const target = index + step;
  if (target < 0 || target >= order.length) return null;
  const moved = [...order];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="reorder" />
      <input type="hidden" name="order" value={JSON.stringify(moved)} />
      <Button submit variant="tertiary" accessibilityLabel={`Move ${name} ${step < 0 ? "up" : "down"}`}>
        {step < 0 ? "↑" : "↓"}
      </Button>
    </Form>
  );
}

/** The rules' table; `order` is the rules' ids in evaluation order, for the move buttons when `canReorder`. */
function rulesTable(order: string[], canReorder: boolean): TableSpec<Row> {
  return {
    noun: "rule",
    rowId: (row) => row.id,
    emptyText: "No rules yet. Create one to choose what goes into which parcel.",
    columns: [
      { heading: "Rule", cell: (row) => <Link to={`/app/inserts/rules/${row.id}`}>{row.name}</Link> },
      { heading: "Status", cell: (row) => <Badge tone={STATUS_TONE[row.status]}>{row.status}</Badge> },
      { heading: "Priority", numeric: true, cell: (row) => row.priority },
      { heading: "Physical item", cell: (row) => <Stock row={row} /> },
      { heading: "Matched", numeric: true, cell: (row) => row.matched },
      { heading: "Held out", numeric: true, cell: (row) => row.heldOut },
      { heading: "Version", cell: (row) => `v${row.version} · ${formatDateTime(row.updatedAt)}` },
      {
        heading: "",
        cell: (row) => (
          <InlineStack gap="100" wrap={false}>
            {canReorder ? <MoveButton order={order} index={order.indexOf(row.id)} step={-1} name={row.name} /> : null}
            {canReorder ? <MoveButton order={order} index={order.indexOf(row.id)} step={1} name={row.name} /> : null}
            <ArchiveRuleButton id={row.id} name={row.name} archived={row.status === "archived"} />
          </InlineStack>
        ),
      },
    ],
  };
}

/** The shop's rules in evaluation order (or its archived ones), with status, stock, match counts and versions. */
export function RulesTable({ title, rows, canReorder }: { title: string; rows: Row[]; canReorder: boolean }) {
  const order = rows.map((row) => row.id);
  return <TableCard title={title} table={rulesTable(order, canReorder)} rows={rows} />;
}
