import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Text } from "@shopify/polaris";
import { AppPage } from "~/components/common/AppPage";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { OrderLink } from "~/components/orders/OrderLink";
import { readOrderListQuery } from "~/schemas/orders/order-list-query";
import { loadOrderList } from "~/services/orders/load-order-list.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { OrderFilters } from "./OrderFilters";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const query = readOrderListQuery(new URL(request.url));
  const list = await loadOrderList(shop, query);
  return { ...list, query };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = Data["rows"][number];

const ORDERS_TABLE: TableSpec<Row> = {
  noun: "order",
  rowId: (row) => row.orderGid,
  columns: [
    { heading: "Order", cell: (row) => <OrderLink order={row} /> },
    { heading: "Placed", cell: (row) => row.placed },
    {
      heading: "Customer",
      cell: (row) =>
        row.customer ? (
          <BlockStack>
            <Text as="span">{row.customer}</Text>
            {row.email ? (
              <Text as="span" tone="subdued" variant="bodySm">
                {row.email}
              </Text>
            ) : null}
          </BlockStack>
        ) : (
          "—"
        ),
    },
    { heading: "Lane", cell: (row) => row.lane ?? "—" },
    { heading: "Promise", cell: (row) => <Badge tone={row.verdict.tone}>{row.verdict.label}</Badge> },
    {
      heading: "What happened",
      cell: (row) => (
        <BlockStack>
          <Text as="span" breakWord>
            {row.verdict.headline}
          </Text>
          {row.note ? (
            <Text as="span" tone="subdued" variant="bodySm">
              {row.note}
            </Text>
          ) : null}
        </BlockStack>
      ),
    },
  ],
};

/** Page keys and the filter words the search and the Dashboard's links use. */
const PAGING = ["after", "before"];

export default function Orders() {
  const { rows, total, firstIndex, hasNewer, hasOlder, lanes, query, timeZone } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  // Other parameters (the embedded admin's host, shop, …) stay; a new filter starts again at the newest order.
  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const key of PAGING) next.delete(key);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const range = rows.length ? `${firstIndex + 1}–${firstIndex + rows.length} of ${total}` : `0 of ${total}`;
  const pagination = {
    label: range,
    accessibilityLabels: { previous: "Newer orders", next: "Older orders" },
    hasPrevious: hasNewer,
    onPrevious: () => go({ before: rows[0]?.legacyId }),
    hasNext: hasOlder,
    onNext: () => go({ after: rows.at(-1)?.legacyId }),
  };
  const filtered = Boolean(query.q || query.outcome || query.lane || query.cause || query.from || query.to);
  return (
    <AppPage
      title="Orders"
      subtitle={`Every order with the verdict on its delivery promise. Dates placed are in your shop's time zone (${timeZone}).`}
      fullWidth
    >
      <OrderFilters key={query.q ?? ""} query={query} lanes={lanes} total={total} onChange={go} />
      <TableCard
        table={ORDERS_TABLE}
        rows={rows}
        pagination={pagination}
        emptyText={
          filtered ? "No order matches these filters. Clear a filter or search for something else." : "No orders yet: they appear as Shopify sends them."
        }
      />
    </AppPage>
  );
}
