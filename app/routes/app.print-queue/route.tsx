import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { setPrinted } from "~/models/insert-print.server";
import { requireAdmin } from "~/services/admin-context.server";
import { loadPrintQueue } from "~/services/print-queue.server";
import { legacyIdOf, formatDateTime } from "~/utils/format";
import { openPrintSheet } from "./components/open-print-sheet";
import { PrintQueueTable } from "./components/PrintQueueTable";
import { printQueueFormSchema, printQueueViewSchema } from "./validator";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const view = printQueueViewSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const printed = view.success && view.data.show === "printed";
  return { printed, ...(await loadPrintQueue(shop, printed)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = printQueueFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, message: form.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  const count = await setPrinted(shop, form.data.orders, form.data.intent === "mark-printed" ? new Date() : null);
  return { ok: true as const, intent: form.data.intent, orders: form.data.orders, count };
}

const PAPER_OPTIONS = [{ label: "As set for each insert", value: "" }, ...["A6", "A5", "Letter", "4x6"].map((paper) => ({ label: paper, value: paper }))];

export default function PrintQueue() {
  const { rows, printed, stockOuts, defaultPaper } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const [, setSearchParams] = useSearchParams();
  const [paper, setPaper] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (intent: "mark-printed" | "mark-unprinted", orders: string[]) => fetcher.submit({ intent, orders: orders.join(",") }, { method: "post" });
  const print = async (orders: string[]) => {
    const query = new URLSearchParams({ orders: orders.map(legacyIdOf).join(",") });
    if (paper) query.set("paper", paper);
    const error = await openPrintSheet(`/print/inserts?${query}`);
    setProblem(error);
    if (!error) submit("mark-printed", orders);
  };
  const done = fetcher.data?.ok ? fetcher.data : null;
  return (
    <Page title="Print queue" subtitle="Unfulfilled orders with inserts: print a batch, then pack.">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {stockOuts.map((rule) => (
              <Banner key={rule.id} tone="warning" title={`Out of stock: the insert of "${rule.name}"`}>
                <p>It ran out on {formatDateTime(rule.stockOutAt)}. Orders get the next matching rule until you restock it in the rule.</p>
              </Banner>
            ))}
            {problem ? <Banner tone="critical" title="Nothing was printed" onDismiss={() => setProblem(null)}><p>{problem}</p></Banner> : null}
            {done ? (
              <Banner tone="success" title={done.intent === "mark-printed" ? `Marked ${done.count} printed` : `${done.count} back in the queue`}>
                {done.intent === "mark-printed" ? <Button variant="plain" onClick={() => submit("mark-unprinted", done.orders)}>Undo</Button> : null}
              </Banner>
            ) : null}
            <InlineStack gap="400" blockAlign="end">
              <Button pressed={!printed} onClick={() => setSearchParams({})}>To print</Button>
              <Button pressed={printed} onClick={() => setSearchParams({ show: "printed" })}>Show printed</Button>
              <Select label="Paper" options={PAPER_OPTIONS} value={paper} onChange={setPaper} helpText={`Shop default: ${defaultPaper}`} />
            </InlineStack>
            <PrintQueueTable rows={rows} printed={printed} onPrint={(orders) => void print(orders)} onUnprint={(orders) => submit("mark-unprinted", orders)} />
            <Text as="p" tone="subdued">
              Codes print as text and as a QR code that opens the shop with the code applied. On the packing slip or in Order Printer, {"{{ order.metafields.kept.packing_plan }}"} prints the plan.
            </Text>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
