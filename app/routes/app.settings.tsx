import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, DescriptionList, InlineStack, Text } from "@shopify/polaris";
import { RetryResultBanner } from "~/components/jobs/RetryResultBanner";
import { describeRetry, retryFormSchema } from "~/components/jobs/retry-form";
import { countJobsByStatus, listDeadJobs, retryDeadJob, type JobStatus } from "~/models/jobs/job.server";
import { getShopInfo, listDataRequestExports } from "~/models/shop/shop.server";
import { countDeliveriesByStatus } from "~/models/intake/webhook-delivery.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime } from "~/utils/format";
import { SectionCard } from "~/components/common/SectionCard";
import { FlowTriggersCard } from "~/components/flow/FlowTriggersCard";
import { loadFlowTriggers } from "~/services/flow/flow-overview.server";
import { AppPage } from "~/components/common/AppPage";
import { TableCard, type TableSpec } from "~/components/common/TableCard";

const JOB_STATUSES: JobStatus[] = ["pending", "running", "done", "dead", "cancelled"];
const DELIVERY_STATUSES = ["received", "processed", "ignored", "failed", "refused"] as const;

/** A row of counts, one per status (0 where there are none). */
function Counts<S extends string>({ counts, statuses }: { counts: Partial<Record<S, number>>; statuses: readonly S[] }) {
  return (
    <InlineStack gap="600">
      {statuses.map((status) => (
        <BlockStack key={status} gap="050">
          <Text as="p" variant="headingLg">
            {counts[status] ?? 0}
          </Text>
          <Text as="p" tone="subdued">
            {status}
          </Text>
        </BlockStack>
      ))}
    </InlineStack>
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const [counts, deliveries, deadJobs, exports, info] = await Promise.all([
    countJobsByStatus(shop),
    countDeliveriesByStatus(shop),
    listDeadJobs(shop),
    listDataRequestExports(shop),
    getShopInfo(shop),
  ]);
  const flowTriggers = await loadFlowTriggers(shop, info?.timezone ?? "UTC");
  return { shop, counts, deliveries, deadJobs, exports, info, flowTriggers };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = retryFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "Invalid retry request." }, { status: 400 });
  return describeRetry(form.data.jobId, await retryDeadJob(shop, form.data.jobId));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function ShopCard({ shop, info }: Pick<Data, "shop" | "info">) {
  const items = [
    { term: "Shop domain", description: shop },
    { term: "Time zone", description: info ? info.timezone : "— (not recorded yet)" },
    { term: "Access scopes", description: info?.scopes ? info.scopes.split(",").join(", ") : "— (not recorded yet)" },
    { term: "Known since", description: info ? formatDateTime(info.installedAt) : "—" },
  ];
  if (info?.uninstalledAt) items.push({ term: "Uninstalled", description: formatDateTime(info.uninstalledAt) });
  return (
    <SectionCard title="Shop">
      <DescriptionList items={items} />
    </SectionCard>
  );
}

const DEAD_JOBS_TABLE: TableSpec<Data["deadJobs"][number]> = {
  noun: "dead job",
  rowId: (job) => job.id,
  emptyText: "No dead jobs: every job either finished or is still being retried.",
  columns: [
    { heading: "Type", cell: (job) => job.type },
    {
      heading: "Attempts",
      cell: (job) => (
        <>
          {job.attempts}/{job.maxAttempts}
        </>
      ),
    },
    {
      heading: "Last error",
      cell: (job) => (
        <Text as="span" tone="critical">
          {job.lastError ?? "—"}
        </Text>
      ),
    },
    { heading: "Died", cell: (job) => formatDateTime(job.finishedAt) },
    { heading: "Delivery", cell: (job) => (job.deliveryId ? <Link to={`/app/webhooks/${job.deliveryId}`}>View delivery</Link> : "—") },
    {
      heading: "",
      cell: (job) => (
        <Form method="post">
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="jobId" value={job.id} />
          <Button submit>Retry</Button>
        </Form>
      ),
    },
  ],
};

const DATA_REQUESTS_TABLE: TableSpec<Data["exports"][number]> = {
  noun: "data request",
  rowId: (row) => row.id,
  emptyText: "No customer data requests received.",
  columns: [
    { heading: "Request", cell: (row) => row.requestId },
    { heading: "Customer", cell: (row) => row.customerGid },
    { heading: "Received", cell: (row) => formatDateTime(row.createdAt) },
    {
      heading: "",
      cell: (row) => (
        <a href={`/app/settings/exports/${row.id}`} download>
          Download JSON
        </a>
      ),
    },
  ],
};

export default function Settings() {
  const { shop, counts, deliveries, deadJobs, exports, info, flowTriggers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AppPage title="Settings" subtitle="The worker queue, privacy requests and the shop Kept is installed on.">
      <RetryResultBanner result={result} />
      <SectionCard title="Webhook deliveries" gap="300">
        <Counts counts={deliveries} statuses={DELIVERY_STATUSES} />
        <Text as="p" tone="subdued">
          Every delivery Shopify sent, with its outcome, is in the <Link to="/app/webhooks">Webhook log</Link>.
        </Text>
      </SectionCard>
      <SectionCard title="Worker queue" gap="300">
        <Counts counts={counts} statuses={JOB_STATUSES} />
      </SectionCard>
      <TableCard title="Dead-letter jobs" table={DEAD_JOBS_TABLE} rows={deadJobs} />
      <TableCard
        title="Customer data requests"
        description="What Kept gathered for each customers/data_request, to hand over to the customer."
        table={DATA_REQUESTS_TABLE}
        rows={exports}
      />
      <FlowTriggersCard triggers={flowTriggers} />
      <ShopCard shop={shop} info={info} />
    </AppPage>
  );
}
