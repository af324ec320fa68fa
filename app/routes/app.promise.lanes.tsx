import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, IndexTable } from "@shopify/polaris";
import { listObservedLanes } from "~/models/promise/lane-stats.server";
import { TableCard } from "~/components/common/TableCard";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime, formatDays } from "~/utils/format";
import { NumericCell } from "~/components/common/NumericCell";
import { OrderLink } from "~/components/orders/OrderLink";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return listObservedLanes(shop);
}

export default function ObservedLanes() {
  const { lanes, orders } = useLoaderData<typeof loader>();
  return (
    <BlockStack gap="400">
      <Banner tone="info">
        <p>How long orders really take, per shipping method and country, from carrier scans. Each order's recorded promise (and why) is on its order page.</p>
      </Banner>
      <TableCard
        title="Observed lanes"
        resourceName={{ singular: "lane", plural: "lanes" }}
        itemCount={lanes.length}
        emptyText="No orders yet: lanes appear as orders arrive."
        headings={[
          { title: "Shipping method" },
          { title: "Country" },
          { title: "Orders", alignment: "end" },
          { title: "Fulfilled", alignment: "end" },
          { title: "Delivered", alignment: "end" },
          { title: "Median to delivered", alignment: "end" },
          { title: "90th percentile", alignment: "end" },
        ]}
      >
        {lanes.map((lane, index) => (
          <IndexTable.Row id={lane.laneKey} key={lane.laneKey} position={index}>
            <IndexTable.Cell>{lane.shippingMethod ?? "(no method)"}</IndexTable.Cell>
            <IndexTable.Cell>{lane.country ?? "(no country)"}</IndexTable.Cell>
            <NumericCell>{lane.orders}</NumericCell>
            <NumericCell>{lane.fulfilled}</NumericCell>
            <NumericCell>{lane.delivered}</NumericCell>
            <NumericCell>{formatDays(lane.medianDays)}</NumericCell>
            <NumericCell>{formatDays(lane.p90Days)}</NumericCell>
          </IndexTable.Row>
        ))}
      </TableCard>
      <TableCard
        title="Recent orders"
        resourceName={{ singular: "order", plural: "orders" }}
        itemCount={orders.length}
        emptyText="No orders yet."
        headings={[{ title: "Order" }, { title: "Created" }, { title: "Lane" }, { title: "State" }, { title: "Order to delivered", alignment: "end" }]}
      >
        {orders.map((order, index) => (
          <IndexTable.Row id={order.orderGid} key={order.orderGid} position={index}>
            <IndexTable.Cell>
              <OrderLink order={order} />
            </IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(order.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>{order.laneKey}</IndexTable.Cell>
            <IndexTable.Cell>
              {order.deliveredAt ? <Badge tone="success">delivered</Badge> : order.fulfilled ? <Badge tone="info">fulfilled</Badge> : <Badge>open</Badge>}
            </IndexTable.Cell>
            <NumericCell>{formatDays(order.daysToDelivered)}</NumericCell>
          </IndexTable.Row>
        ))}
      </TableCard>
    </BlockStack>
  );
}
