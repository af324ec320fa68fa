import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Button, Card, DescriptionList, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { RetryResultBanner } from "~/components/jobs/RetryResultBanner";
import { describeRetry, retryFormSchema } from "~/components/jobs/retry-form";
import { countJobsByStatus, listDeadJobs, retryDeadJob, type JobStatus } from "~/models/jobs/job.server";
import { getShopInfo, listDataRequestExports } from "~/models/shop/shop.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime } from "~/utils/format";
import { SectionCard } from "~/components/common/SectionCard";
import { AppPage } from "~/components/common/AppPage";

const JOB_STATUSES: JobStatus[] = ["pending", "running", "done", "dead", "cancelled"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const [counts, deadJobs, exports, info] = await Promise.all([countJobsByStatus(shop), listDeadJobs(shop), listDataRequestExports(shop), getShopInfo(shop)]);
  return { shop, counts, deadJobs, exports, info };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = retryFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "Invalid retry request." }, { status: 400 });
  return describeRetry(form.data.jobId, await retryDeadJob(shop, form.data.jobId));
}

function ShopCard({ shop, info }: Pick<ReturnType<typeof useLoaderData<typeof loader>>, "shop" | "info">) {
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

export default function Settings() {
  const { shop, counts, deadJobs, exports, info } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AppPage title="Settings" subtitle="The worker queue, privacy requests and the shop Kept is installed on.">
      <RetryResultBanner result={result} />
      <SectionCard title="Worker queue" gap="300">
        <InlineStack gap="600">
          {JOB_STATUSES.map((status) => (
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
      </SectionCard>
      <Card padding="0">
        <Box padding="400">
          <Text as="h2" variant="headingMd">
            Dead-letter jobs
          </Text>
        </Box>
        <IndexTable
          resourceName={{ singular: "dead job", plural: "dead jobs" }}
          itemCount={deadJobs.length}
          selectable={false}
          emptyState={
            <Box padding="400">
              <Text as="p">No dead jobs: every job either finished or is still being retried.</Text>
            </Box>
          }
          headings={[{ title: "Type" }, { title: "Attempts" }, { title: "Last error" }, { title: "Died" }, { title: "Delivery" }, { title: "" }]}
        >
          {deadJobs.map((job, index) => (
            <IndexTable.Row id={job.id} key={job.id} position={index}>
              <IndexTable.Cell>{job.type}</IndexTable.Cell>
              <IndexTable.Cell>
                {job.attempts}/{job.maxAttempts}
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" tone="critical">
                  {job.lastError ?? "—"}
                </Text>
              </IndexTable.Cell>
              <IndexTable.Cell>{formatDateTime(job.finishedAt)}</IndexTable.Cell>
              <IndexTable.Cell>{job.deliveryId ? <Link to={`/app/webhooks/${job.deliveryId}`}>View delivery</Link> : "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <Form method="post">
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="jobId" value={job.id} />
                  <Button submit>Retry</Button>
                </Form>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
      <Card padding="0">
        <Box padding="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Customer data requests
            </Text>
            <Text as="p" tone="subdued">
              What Kept gathered for each customers/data_request, to hand over to the customer.
            </Text>
          </BlockStack>
        </Box>
        <IndexTable
          resourceName={{ singular: "data request", plural: "data requests" }}
          itemCount={exports.length}
          selectable={false}
          emptyState={
            <Box padding="400">
              <Text as="p">No customer data requests received.</Text>
            </Box>
          }
          headings={[{ title: "Request" }, { title: "Customer" }, { title: "Received" }, { title: "" }]}
        >
          {exports.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>{row.requestId}</IndexTable.Cell>
              <IndexTable.Cell>{row.customerGid}</IndexTable.Cell>
              <IndexTable.Cell>{formatDateTime(row.createdAt)}</IndexTable.Cell>
              <IndexTable.Cell>
                <a href={`/app/settings/exports/${row.id}`} download>
                  Download JSON
                </a>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
      <ShopCard shop={shop} info={info} />
    </AppPage>
  );
}
