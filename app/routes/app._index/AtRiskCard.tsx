import { Link } from "@remix-run/react";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { BlockStack, Text } from "@shopify/polaris";
import { ordersHref, shortDate, type HomeData } from "./home-format";

type AtRisk = HomeData["atRisk"][number];

const RISK: Record<string, { what: (order: AtRisk) => string; todo: string }> = {
  "not-shipped": {
    what: (order) => `Not shipped; ship-by date ${order.shipBy ? shortDate(order.shipBy) : "—"} has passed`,
    todo: "Ship it today; tell the customer if it may come late",
  },
  "transit-overdue": {
    what: (order) => `In transit past the carrier's latest date (${order.rawLatest ? shortDate(order.rawLatest) : "—"})`,
    todo: "Check the tracking with the carrier",
  },
  "due-soon": { what: () => "Due today or tomorrow, not delivered yet", todo: "Nothing yet: watch the tracking" },
};

const AT_RISK_TABLE: TableSpec<AtRisk> = {
  noun: "order",
  rowId: (order) => order.orderGid,
  emptyText: "No order is at risk: every open promise is on track.",
  columns: [
    { heading: "Order", cell: (order) => <Link to={`/app/orders/${order.legacyId}`}>{order.name}</Link> },
    { heading: "Promised", cell: (order) => (order.promisedDate ? shortDate(order.promisedDate) : "—") },
    { heading: "Why", cell: (order) => RISK[order.risk ?? ""]?.what(order) ?? "—" },
    { heading: "What to do", cell: (order) => RISK[order.risk ?? ""]?.todo ?? "—" },
    { heading: "Lane", cell: (order) => order.laneLabel ?? "—" },
  ],
};

/** Open promises that may break, soonest promised first, with what the merchant can do. */
export function AtRiskCard({ atRisk, total }: { atRisk: AtRisk[]; total: number }) {
  return (
    <BlockStack gap="200">
      <TableCard
        title="At risk now"
        description={total > atRisk.length ? `The ${atRisk.length} promised soonest of ${total}.` : undefined}
        table={AT_RISK_TABLE}
        rows={atRisk}
      />
      {total > 0 ? (
        <Text as="p">
          <Link to={ordersHref({ outcome: "at-risk" })}>{`See all ${total} ${total === 1 ? "order" : "orders"} at risk`}</Link>
        </Text>
      ) : null}
    </BlockStack>
  );
}
