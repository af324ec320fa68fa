import { Badge, Text } from "@shopify/polaris";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import type { FactOrigin } from "~/domain/rules/external-facts";
import { formatDateTime } from "~/utils/format";
import { OrderLink } from "~/components/orders/OrderLink";

export type RecentOrder = {
  orderGid: string;
  legacyId: string;
  name: string;
  createdAtShopify: Date | string;
  totalPrice: string;
  currency: string;
  shipCountry: string | null;
  sourceName: string | null;
  tags: string[];
  skus: string[];
  /** As decided (Shopify), or counted from Kept's history since install; null for guests. */
  orderCount: { value: number | null; origin: FactOrigin } | null;
  /** Null when not known (Shopify was not asked, or could not answer). */
  customerTags: string[] | null;
};

/**
 * "1st order", "2nd order", … from the customer's order count, with "since install" when Kept counted it from
 * its own records (Shopify's count was not stored); "guest" for guest checkouts.
 */
function OrderNumber({ count }: { count: RecentOrder["orderCount"] }) {
  if (count?.value == null)
    return (
      <Text as="span" tone="subdued">
        {count?.origin === "guest" ? "guest" : "unknown"}
      </Text>
    );
  const n = count.value;
  const suffix = n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : n % 10 === 1 && n % 100 !== 11 ? "st" : "th";
  const badge = n === 1 ? <Badge tone="success">first order</Badge> : <Badge>{`${n}${suffix} order`}</Badge>;
  return count.origin === "shopify" ? (
    badge
  ) : (
    <>
      {badge}{" "}
      <Text as="span" tone="subdued">
        since install
      </Text>
    </>
  );
}

const RECENT_ORDERS_TABLE: TableSpec<RecentOrder> = {
  noun: "order",
  rowId: (order) => order.orderGid,
  columns: [
    { heading: "Order", cell: (order) => <OrderLink order={order} /> },
    { heading: "Created", cell: (order) => formatDateTime(order.createdAtShopify) },
    { heading: "Customer", cell: (order) => <OrderNumber count={order.orderCount} /> },
    {
      heading: "Total",
      numeric: true,
      cell: (order) => (
        <>
          {order.totalPrice} {order.currency}
        </>
      ),
    },
    { heading: "Country", cell: (order) => order.shipCountry ?? "—" },
    { heading: "Channel", cell: (order) => order.sourceName ?? "—" },
    { heading: "Tags", cell: (order) => [...order.tags, ...(order.customerTags ?? []).map((tag) => `customer:${tag}`)].join(", ") || "—" },
    { heading: "SKUs", cell: (order) => order.skus.join(", ") || "—" },
  ],
};

/** Recent orders with the facts insert rules decide on. */
export function RecentOrdersCard({ orders }: { orders: RecentOrder[] }) {
  return <TableCard title="Recent orders, as rules read them" table={RECENT_ORDERS_TABLE} rows={orders} />;
}
