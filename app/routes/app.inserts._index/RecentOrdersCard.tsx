import { Badge, IndexTable, Text } from "@shopify/polaris";
import { TableCard } from "~/components/common/TableCard";
import type { FactOrigin } from "~/domain/rules/external-facts";
import { formatDateTime } from "~/utils/format";
import { NumericCell } from "~/components/common/NumericCell";
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

/** Recent orders with the facts insert rules decide on. */
export function RecentOrdersCard({ orders }: { orders: RecentOrder[] }) {
  return (
    <TableCard
      title="Recent orders, as rules read them"
      resourceName={{ singular: "order", plural: "orders" }}
      itemCount={orders.length}
      emptyText="No orders yet."
      headings={[
        { title: "Order" },
        { title: "Created" },
        { title: "Customer" },
        { title: "Total", alignment: "end" },
        { title: "Country" },
        { title: "Channel" },
        { title: "Tags" },
        { title: "SKUs" },
      ]}
    >
      {orders.map((order, index) => (
        <IndexTable.Row id={order.orderGid} key={order.orderGid} position={index}>
          <IndexTable.Cell>
            <OrderLink order={order} />
          </IndexTable.Cell>
          <IndexTable.Cell>{formatDateTime(order.createdAtShopify)}</IndexTable.Cell>
          <IndexTable.Cell>
            <OrderNumber count={order.orderCount} />
          </IndexTable.Cell>
          <NumericCell>
            {order.totalPrice} {order.currency}
          </NumericCell>
          <IndexTable.Cell>{order.shipCountry ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{order.sourceName ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{[...order.tags, ...(order.customerTags ?? []).map((tag) => `customer:${tag}`)].join(", ") || "—"}</IndexTable.Cell>
          <IndexTable.Cell>{order.skus.join(", ") || "—"}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </TableCard>
  );
}
