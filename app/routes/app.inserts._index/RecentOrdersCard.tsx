import { Link } from "@remix-run/react";
import { Badge, IndexTable, Text } from "@shopify/polaris";
import { TableCard } from "~/components/TableCard";
import { splitStoredTags } from "~/schemas/order-lines";
import { formatDateTime } from "~/utils/format";

export type RecentOrder = {
  orderGid: string; legacyId: string; name: string; createdAtShopify: Date | string; totalPrice: string; currency: string;
  shipCountry: string | null; sourceName: string | null; tags: string; customerTags: string; customerOrdersCount: number | null; skus: string[];
};

/** "1st order", "2nd order", … from the customer's order count; unknown for guest checkouts. */
function OrderNumber({ count }: { count: number | null }) {
  if (count === null) return <Text as="span" tone="subdued">unknown</Text>;
  if (count === 1) return <Badge tone="success">first order</Badge>;
  const suffix = count % 10 === 2 && count % 100 !== 12 ? "nd" : count % 10 === 3 && count % 100 !== 13 ? "rd" : count % 10 === 1 && count % 100 !== 11 ? "st" : "th";
  return <Badge>{`${count}${suffix} order`}</Badge>;
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
        { title: "Order" }, { title: "Created" }, { title: "Customer" }, { title: "Total", alignment: "end" },
        { title: "Country" }, { title: "Channel" }, { title: "Tags" }, { title: "SKUs" },
      ]}
    >
      {orders.map((order, index) => (
        <IndexTable.Row id={order.orderGid} key={order.orderGid} position={index}>
          <IndexTable.Cell><Link to={`/app/orders/${order.legacyId}`}>{order.name}</Link></IndexTable.Cell>
          <IndexTable.Cell>{formatDateTime(order.createdAtShopify)}</IndexTable.Cell>
          <IndexTable.Cell><OrderNumber count={order.customerOrdersCount} /></IndexTable.Cell>
          <IndexTable.Cell><Text as="span" alignment="end" numeric>{order.totalPrice} {order.currency}</Text></IndexTable.Cell>
          <IndexTable.Cell>{order.shipCountry ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{order.sourceName ?? "—"}</IndexTable.Cell>
          <IndexTable.Cell>{[...splitStoredTags(order.tags), ...splitStoredTags(order.customerTags).map((tag) => `customer:${tag}`)].join(", ") || "—"}</IndexTable.Cell>
          <IndexTable.Cell>{order.skus.join(", ") || "—"}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </TableCard>
  );
}
