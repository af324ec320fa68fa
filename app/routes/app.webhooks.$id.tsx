import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Box, Button, Card, DescriptionList, Text } from "@shopify/polaris";
import { z } from "zod";
import { RetryResultBanner } from "~/components/jobs/RetryResultBanner";
import { describeRetry, retryFormSchema } from "~/components/jobs/retry-form";
import { retryDeadJob } from "~/models/jobs/job.server";
import { getDelivery } from "~/models/intake/webhook-delivery.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime } from "~/utils/format";
import { getEnv } from "~/utils/env.server";
import { formatShopifyJson } from "~/domain/shopify/shopify-json";
import { StatusBadge } from "./app.webhooks._index";
import { SectionCard } from "~/components/common/SectionCard";
import { AppPage } from "~/components/common/AppPage";
import { TableCard, type TableSpec } from "~/components/common/TableCard";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The body as the log shows it: pretty JSON with every number as received when it parses, the raw text otherwise. */
function prettyBody(body: string): { text: string; isJson: boolean } {
  try {
    return { text: formatShopifyJson(body), isJson: true };
  } catch {
    return { text: body, isJson: false };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { id } = paramsSchema.parse(params);
  const delivery = await getDelivery(shop, id);
  if (!delivery) throw new Response("Delivery not found", { status: 404 });
  const { body, ...fields } = delivery;
  const pruned = fields.bodyPrunedAt
    ? { afterDays: Math.floor((fields.bodyPrunedAt.getTime() - fields.receivedAt.getTime()) / 86_400_000), keptDays: getEnv().WEBHOOK_BODY_RETENTION_DAYS }
    : null;
  return { delivery: fields, body: prettyBody(body), pruned };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = retryFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "Invalid retry request." }, { status: 400 });
  return describeRetry(form.data.jobId, await retryDeadJob(shop, form.data.jobId));
}

type Job = ReturnType<typeof useLoaderData<typeof loader>>["delivery"]["jobs"][number];

const JOBS_TABLE: TableSpec<Job> = {
  noun: "job",
  rowId: (job) => job.id,
  emptyText: "No job: the delivery was recorded as final at intake.",
  columns: [
    { heading: "Type", cell: (job) => job.type },
    { heading: "Status", cell: (job) => job.status },
    { heading: "Attempts", cell: (job) => job.attempts },
    {
      heading: "Last error",
      cell: (job) => (
        <Text as="span" tone={job.lastError ? "critical" : "subdued"}>
          {job.lastError ?? "—"}
        </Text>
      ),
    },
    { heading: "Next run", cell: (job) => (job.status === "pending" ? formatDateTime(job.runAt) : "—") },
    {
      heading: "",
      cell: (job) =>
        job.status === "dead" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <input type="hidden" name="jobId" value={job.id} />
            <Button submit>Retry</Button>
          </Form>
        ) : null,
    },
  ],
};

export default function DeliveryDetail() {
  const { delivery, body, pruned } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const facts = [
    { term: "Topic", description: delivery.topic },
    { term: "Webhook id", description: delivery.webhookId },
    { term: "Event id", description: delivery.eventId ?? "—" },
    { term: "API version", description: delivery.apiVersion ?? "—" },
    { term: "Triggered at", description: formatDateTime(delivery.triggeredAt) },
    { term: "Received", description: formatDateTime(delivery.receivedAt) },
    { term: "Processed", description: formatDateTime(delivery.processedAt) },
    { term: "Status", description: <StatusBadge status={delivery.status} /> },
    {
      term: "Error",
      description: delivery.error ? (
        <Text as="span" tone="critical">
          {delivery.error}
        </Text>
      ) : (
        "—"
      ),
    },
    { term: "Size", description: `${delivery.bodyBytes} bytes` },
  ];
  return (
    <AppPage title={`Delivery ${delivery.topic}`} subtitle={delivery.webhookId} backAction={{ content: "Webhook log", url: "/app/webhooks" }}>
      <RetryResultBanner result={result} />
      <Card>
        <DescriptionList items={facts} />
      </Card>
      <TableCard title="Jobs" table={JOBS_TABLE} rows={delivery.jobs} />
      {pruned ? (
        <SectionCard title="Body">
          <Text as="p" tone="subdued">
            {`Kept keeps webhook bodies for ${pruned.keptDays} days, so this one was removed after ${pruned.afterDays} days. What Kept recorded from it (the order, its shipments and scans) stays.`}
          </Text>
        </SectionCard>
      ) : (
        <SectionCard title={body.isJson ? "Body" : "Body (not valid JSON, shown as received)"}>
          <Box background="bg-surface-secondary" padding="300" borderRadius="200" overflowX="scroll">
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{body.text}</pre>
          </Box>
        </SectionCard>
      )}
    </AppPage>
  );
}
