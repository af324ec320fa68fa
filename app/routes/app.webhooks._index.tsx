import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, IndexTable, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { countDeliveriesByStatus, listDeliveries } from "~/models/webhook-delivery.server";
import { TableCard } from "~/components/TableCard";
import { requireAdmin } from "~/services/admin-context.server";
import { WEBHOOK_TOPICS } from "~/utils/webhook-topics";

const filterSchema = z.object({
  status: z.enum(["received", "processed", "failed", "ignored"]).optional().catch(undefined),
  topic: z.string().max(100).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [deliveries, counts] = await Promise.all([listDeliveries(shop, { ...filter, take: 100 }), countDeliveriesByStatus(shop)]);
  return { deliveries, counts };
}

const TONES = { processed: "success", failed: "critical", ignored: "warning", received: "info" } as const;

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status as keyof typeof TONES]}>{status}</Badge>;
}

export default function WebhookLog() {
  const { deliveries, counts } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Page title="Webhook log" subtitle="Every delivery from Shopify, what Kept did with it, and why anything failed.">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <InlineStack gap="300">
              {(["received", "processed", "failed", "ignored"] as const).map((status) => (
                <Card key={status}>
                  <Text as="p" variant="headingLg">{counts[status] ?? 0}</Text>
                  <StatusBadge status={status} />
                </Card>
              ))}
            </InlineStack>
            <InlineStack gap="300">
              <Select label="Status" value={params.get("status") ?? ""} onChange={(value) => setFilter("status", value)}
                options={[{ label: "All", value: "" }, "received", "processed", "failed", "ignored"]} />
              <Select label="Topic" value={params.get("topic") ?? ""} onChange={(value) => setFilter("topic", value)}
                options={[{ label: "All", value: "" }, ...WEBHOOK_TOPICS]} />
            </InlineStack>
            <TableCard
                resourceName={{ singular: "delivery", plural: "deliveries" }}
                itemCount={deliveries.length}
                emptyText="No deliveries yet."
                headings={[{ title: "Received" }, { title: "Topic" }, { title: "Status" }, { title: "Reason" }, { title: "Webhook id" }]}
              >
                {deliveries.map((delivery, index) => (
                  <IndexTable.Row id={delivery.id} key={delivery.id} position={index}>
                    <IndexTable.Cell>{new Date(delivery.receivedAt).toISOString().replace("T", " ").slice(0, 19)}</IndexTable.Cell>
                    <IndexTable.Cell><Link to={`/app/webhooks/${delivery.id}`}>{delivery.topic}</Link></IndexTable.Cell>
                    <IndexTable.Cell><StatusBadge status={delivery.status} /></IndexTable.Cell>
                    <IndexTable.Cell><Text as="span" tone={delivery.error ? "critical" : "subdued"}>{delivery.error ?? "—"}</Text></IndexTable.Cell>
                    <IndexTable.Cell><Text as="span" tone="subdued">{delivery.webhookId}</Text></IndexTable.Cell>
                  </IndexTable.Row>
                ))}
            </TableCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
