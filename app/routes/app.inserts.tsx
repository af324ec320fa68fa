import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { listOrdersForInserts } from "~/models/order.server";
import { parseOrderLines, splitStoredTags } from "~/schemas/order-lines";
import { TableCard } from "~/components/TableCard";
import { requireAdmin } from "~/services/admin-context.server";
import { formatDateTime } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const orders = await listOrdersForInserts(shop);
  return {
    orders: orders.map(({ lines, ...order }) => ({
      ...order,
      skus: (parseOrderLines(lines) ?? []).flatMap((line) => (line.sku ? [line.sku] : [])),
    })),
  };
}

/** "1st order", "2nd order", … from the customer's order count; unknown for guest checkouts. */
function OrderNumber({ count }: { count: number | null }) {
  if (count === null) return <Text as="span" tone="subdued">unknown</Text>;
  if (count === 1) return <Badge tone="success">first order</Badge>;
  const suffix = count % 10 === 2 && count % 100 !== 12 ? "nd" : count % 10 === 3 && count % 100 !== 13 ? "rd" : count % 10 === 1 && count % 100 !== 11 ? "st" : "th";
  return <Badge>{`${count}${suffix} order`}</Badge>;
}

export default function Inserts() {
  const { orders } = useLoaderData<typeof loader>();
  return (
    <Page title="Inserts" subtitle="What goes in the box: the order facts insert rules decide on.">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Banner tone="info">
              <p>Insert rules (e.g. a thank-you card on a first order, a sample for a VIP tag) come in the next release. This is what those rules will read for each order.</p>
            </Banner>
            <TableCard
                title="Recent orders"
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
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
