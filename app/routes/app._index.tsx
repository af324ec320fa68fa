import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { countJobsByStatus } from "~/models/jobs/job.server";
import { countFulfillments } from "~/models/orders/fulfillment.server";
import { countOrders } from "~/models/orders/order.server";
import { countDeliveriesByStatus } from "~/models/intake/webhook-delivery.server";
import { requireAdmin } from "~/services/shop/admin-context.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const [orders, fulfillments, deliveries, jobs] = await Promise.all([
    countOrders(shop),
    countFulfillments(shop),
    countDeliveriesByStatus(shop),
    countJobsByStatus(shop),
  ]);
  return { shop, orders, fulfillments, deliveries, jobs };
}

function Metric({ label, value, to }: { label: string; value: number; to?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          {to ? <Link to={to}>{label}</Link> : label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function Dashboard() {
  const { shop, orders, fulfillments, deliveries, jobs } = useLoaderData<typeof loader>();
  return (
    <Page title="Dashboard" subtitle={shop}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Metric label="Orders" value={orders} to="/app/promise" />
            <Metric label="Fulfillments" value={fulfillments} to="/app/follow-ups" />
            <Metric label="Webhook deliveries" value={Object.values(deliveries).reduce((a, b) => a + (b ?? 0), 0)} to="/app/webhooks" />
            <Metric label="Failed deliveries" value={deliveries.failed ?? 0} to="/app/webhooks?status=failed" />
            <Metric label="Jobs waiting" value={(jobs.pending ?? 0) + (jobs.running ?? 0)} to="/app/settings" />
            <Metric label="Dead jobs" value={jobs.dead ?? 0} to="/app/settings" />
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
