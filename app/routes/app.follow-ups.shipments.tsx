import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { BlockStack, Box, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { elapsedDays } from "~/domain/stats/percentiles";
import { listFulfillmentFacts } from "~/models/orders/fulfillment.server";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDays } from "~/utils/format";
import { SHIPMENT_COLUMNS } from "~/components/orders/shipment-columns";
import { OrderLink } from "~/components/orders/OrderLink";

const filterSchema = z.object({ state: z.enum(["delivered", "in_transit", "not_scanned"]).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { state } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listFulfillmentFacts(shop, state);
  return { rows: rows.map((row) => ({ ...row, daysToDelivery: elapsedDays(row.order?.createdAtShopify, row.deliveredAt) })) };
}

const FILTER_OPTIONS = [
  { label: "All", value: "" },
  { label: "Delivered", value: "delivered" },
  { label: "In transit", value: "in_transit" },
  { label: "Not yet scanned", value: "not_scanned" },
];

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

const FULFILLMENTS_TABLE: TableSpec<Row> = {
  noun: "fulfillment",
  rowId: (row) => row.fulfillmentGid,
  columns: [
    {
      heading: "Order",
      cell: (row) =>
        row.order ? (
          <OrderLink order={row.order} />
        ) : (
          <Text as="span" tone="subdued">
            order not received yet
          </Text>
        ),
    },
    ...SHIPMENT_COLUMNS,
    { heading: "Order to delivery", numeric: true, cell: (row) => formatDays(row.daysToDelivery) },
  ],
};

export default function Shipments() {
  const { rows } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const setState = (value: string) => setParams(value ? { state: value } : {});
  return (
    <BlockStack gap="400">
      <Text as="p" tone="subdued">
        When each shipment actually arrived: the clock follow-ups run on. The newest 100 shipments, newest first.
      </Text>
      <Box maxWidth="240px">
        <Select label="Shipment state" value={params.get("state") ?? ""} onChange={setState} options={FILTER_OPTIONS} />
      </Box>
      <TableCard table={FULFILLMENTS_TABLE} rows={rows} emptyText={params.get("state") ? "No shipments in this state." : "No shipments yet."} />
    </BlockStack>
  );
}
