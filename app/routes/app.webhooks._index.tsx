import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { loadWebhookLog } from "~/services/intake/load-webhook-log.server";
import { WEBHOOK_TOPICS } from "~/domain/intake/webhook-topics";
import { AppPage } from "~/components/common/AppPage";
import { OrderLink } from "~/components/orders/OrderLink";

const STATUSES = ["received", "processed", "failed", "ignored", "refused"] as const;

// `after` / `before`: the id of the last / first row of the page the merchant pages on from.
const querySchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  topic: z.string().max(100).optional().catch(undefined),
  after: z.string().max(64).optional().catch(undefined),
  before: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const log = await loadWebhookLog(shop, query);
  return { ...log, filter: { status: query.status, topic: query.topic } };
}

const TONES = { processed: "success", failed: "critical", ignored: "warning", received: "info", refused: "critical" } as const;

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status as keyof typeof TONES]}>{status}</Badge>;
}

type Delivery = ReturnType<typeof useLoaderData<typeof loader>>["deliveries"][number];

const DELIVERIES_TABLE: TableSpec<Delivery> = {
  noun: "delivery",
  nounPlural: "deliveries",
  rowId: (delivery) => delivery.id,
  columns: [
    { heading: "Received", cell: (delivery) => new Date(delivery.receivedAt).toISOString().replace("T", " ").slice(0, 19) },
    { heading: "Topic", cell: (delivery) => <Link to={`/app/webhooks/${delivery.id}`}>{delivery.topic}</Link> },
    { heading: "Order", cell: (delivery) => (delivery.order ? <OrderLink order={delivery.order} /> : "—") },
    { heading: "Status", cell: (delivery) => <StatusBadge status={delivery.status} /> },
    {
      heading: "Reason",
      cell: (delivery) => (
        // A reason is a sentence: it wraps instead of pushing the table past its card.
        <div style={{ whiteSpace: "normal", minWidth: "16rem", maxWidth: "32rem" }}>
          <Text as="span" tone={delivery.error ? "critical" : "subdued"}>
            {delivery.error ?? "—"}
          </Text>
        </div>
      ),
    },
    {
      heading: "Webhook id",
      cell: (delivery) => (
        <Text as="span" tone="subdued">
          {delivery.webhookId}
        </Text>
      ),
    },
  ],
};

const sum = (counts: Partial<Record<string, number>>) => Object.values(counts).reduce<number>((total, count) => total + (count ?? 0), 0);

export default function WebhookLog() {
  const { deliveries, counts, filterCounts, filter, firstIndex, hasNewer, hasOlder } = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  // Other parameters (the embedded admin's host, shop, …) stay; a new filter starts again at the newest delivery.
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const total = filter.status ? (filterCounts[filter.status] ?? 0) : sum(filterCounts);
  const range = deliveries.length ? `${firstIndex + 1}–${firstIndex + deliveries.length} of ${total}` : `0 of ${total}`;
  const pagination = {
    label: range,
    accessibilityLabels: { previous: "Newer deliveries", next: "Older deliveries" },
    hasPrevious: hasNewer,
    onPrevious: () => go({ before: deliveries[0]?.id ?? "" }),
    hasNext: hasOlder,
    onNext: () => go({ after: deliveries.at(-1)?.id ?? "" }),
  };
  return (
    <AppPage title="Webhook log" subtitle="Every delivery from Shopify, what Kept did with it, and why anything failed.">
      <InlineStack gap="300">
        {STATUSES.map((status) => (
          <Card key={status}>
            <Text as="p" variant="headingLg">
              {counts[status] ?? 0}
            </Text>
            <StatusBadge status={status} />
          </Card>
        ))}
      </InlineStack>
      <InlineStack gap="300">
        <Select
          label="Status"
          value={filter.status ?? ""}
          onChange={(status) => go({ status })}
          options={[
            { label: `All (${sum(filterCounts)})`, value: "" },
            ...STATUSES.map((status) => ({ label: `${status} (${filterCounts[status] ?? 0})`, value: status })),
          ]}
        />
        <Select label="Topic" value={filter.topic ?? ""} onChange={(topic) => go({ topic })} options={[{ label: "All", value: "" }, ...WEBHOOK_TOPICS]} />
      </InlineStack>
      <TableCard table={DELIVERIES_TABLE} rows={deliveries} pagination={pagination} />
    </AppPage>
  );
}
