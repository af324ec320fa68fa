import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack } from "@shopify/polaris";
import { listObservedLanes } from "~/models/promise/lane-stats.server";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime, formatDays } from "~/utils/format";
import { OrderLink } from "~/components/orders/OrderLink";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return listObservedLanes(shop);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

const LANES_TABLE: TableSpec<Data["lanes"][number]> = {
  noun: "lane",
  rowId: (lane) => lane.laneKey,
  emptyText: "No orders yet: lanes appear as orders arrive.",
  columns: [
    { heading: "Shipping method", cell: (lane) => lane.shippingMethod ?? "(no method)" },
    { heading: "Country", cell: (lane) => lane.country ?? "(no country)" },
    { heading: "Orders", numeric: true, cell: (lane) => lane.orders },
    { heading: "Fulfilled", numeric: true, cell: (lane) => lane.fulfilled },
    { heading: "Delivered", numeric: true, cell: (lane) => lane.delivered },
    { heading: "Median to delivered", numeric: true, cell: (lane) => formatDays(lane.medianDays) },
    { heading: "90th percentile", numeric: true, cell: (lane) => formatDays(lane.p90Days) },
  ],
};

const RECENT_ORDERS_TABLE: TableSpec<Data["orders"][number]> = {
  noun: "order",
  rowId: (order) => order.orderGid,
  columns: [
    { heading: "Order", cell: (order) => <OrderLink order={order} /> },
    { heading: "Created", cell: (order) => formatDateTime(order.createdAt) },
    { heading: "Lane", cell: (order) => order.laneKey },
    {
      heading: "State",
      cell: (order) =>
        order.deliveredAt ? <Badge tone="success">delivered</Badge> : order.fulfilled ? <Badge tone="info">fulfilled</Badge> : <Badge>open</Badge>,
    },
    { heading: "Order to delivered", numeric: true, cell: (order) => formatDays(order.daysToDelivered) },
  ],
};

export default function ObservedLanes() {
  const { lanes, orders } = useLoaderData<typeof loader>();
  return (
    <BlockStack gap="400">
      <Banner tone="info">
        <p>How long orders really take, per shipping method and country, from carrier scans. Each order's recorded promise (and why) is on its order page.</p>
      </Banner>
      <TableCard title="Observed lanes" table={LANES_TABLE} rows={lanes} />
      <TableCard title="Recent orders" table={RECENT_ORDERS_TABLE} rows={orders} />
    </BlockStack>
  );
}
