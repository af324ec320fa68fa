import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, InlineStack, Select, Text } from "@shopify/polaris";
import { UNPRINTED_ONLY } from "~/domain/inserts/print-url";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { changePrintQueue, loadPrintQueue } from "~/services/inserts/print-queue.server";
import { formatDateTime } from "~/utils/format";
import { legacyIdOf } from "~/domain/shopify/gid";
import { openPrintSheet } from "./components/open-print-sheet";
import { PrintQueueTable } from "./components/PrintQueueTable";
import { printQueueFormSchema, printQueueViewSchema } from "./validator";
import { AppPage } from "~/components/common/AppPage";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const view = printQueueViewSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const printed = view.show === "printed";
  return { printed, ...(await loadPrintQueue(shop, { printed, page: view.page })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = printQueueFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, message: form.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  return changePrintQueue(shop, form.data, new Date());
}

const paperOptions = (shopDefault: string) => [
  { label: `As set for each insert (else ${shopDefault})`, value: "" },
  ...["A6", "A5", "Letter", "4x6"].map((paper) => ({ label: paper, value: paper })),
];

type Change = { intent: "mark-printed" | "mark-unprinted"; orders: string[]; cards?: string[] };

export default function PrintQueue() {
  const { rows, printed, stockOuts, defaultPaper, total, page, pages } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const [, setSearchParams] = useSearchParams();
  const [paper, setPaper] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = ({ intent, orders, cards }: Change) =>
    fetcher.submit({ intent, orders: orders.join(","), ...(cards ? { cards: cards.join(",") } : {}) }, { method: "post" });
  const print = async (orders: string[]) => {
    const query = new URLSearchParams({ orders: orders.map(legacyIdOf).join(","), only: UNPRINTED_ONLY });
    if (paper) query.set("paper", paper);
    const sheet = await openPrintSheet(`/print/inserts?${query}`);
    setProblem(sheet.ok ? null : sheet.message);
    if (sheet.ok) submit({ intent: "mark-printed", orders, cards: sheet.cards });
  };
  const done = fetcher.data?.ok ? fetcher.data : null;
  const view = (show: "printed" | null, to: number) => setSearchParams({ ...(show ? { show } : {}), ...(to > 1 ? { page: String(to) } : {}) });
  return (
    <AppPage title="Print queue" subtitle="Unfulfilled orders with inserts: print a batch, then pack.">
      {stockOuts.map((rule) => (
        <Banner key={rule.id} tone="warning" title={`Out of stock: the insert of "${rule.name}"`}>
          <p>It ran out on {formatDateTime(rule.stockOutAt)}. Orders get the next matching rule until you restock it in the rule.</p>
        </Banner>
      ))}
      {problem ? (
        <Banner tone="critical" title="Nothing was printed" onDismiss={() => setProblem(null)}>
          <p>{problem}</p>
        </Banner>
      ) : null}
      {done ? (
        <Banner tone={done.waiting > 0 ? "warning" : "success"} title={done.intent === "mark-printed" ? "Print recorded" : "Back in the queue"}>
          <BlockStack gap="200">
            <p>{done.message}</p>
            {done.undoable ? (
              <InlineStack>
                <Button variant="plain" onClick={() => submit({ intent: "mark-unprinted", orders: done.orders, cards: done.cards })}>
                  Undo
                </Button>
              </InlineStack>
            ) : null}
          </BlockStack>
        </Banner>
      ) : null}
      <InlineStack gap="400" blockAlign="end">
        <Button pressed={!printed} onClick={() => view(null, 1)}>
          To print
        </Button>
        <Button pressed={printed} onClick={() => view("printed", 1)}>
          Show printed
        </Button>
        <Select label="Paper" options={paperOptions(defaultPaper)} value={paper} onChange={setPaper} />
      </InlineStack>
      <PrintQueueTable
        rows={rows}
        printed={printed}
        paging={{ page, pages, total, onPage: (to) => view(printed ? "printed" : null, to) }}
        onPrint={(orders) => void print(orders)}
        onMarkPrinted={(orders) => submit({ intent: "mark-printed", orders })}
        onUnprint={(orders) => submit({ intent: "mark-unprinted", orders })}
      />
      <Text as="p" tone="subdued">
        Printed from Shopify&apos;s order page instead? Select the orders and choose &quot;Mark printed&quot;. Fulfilled and cancelled orders leave the queue by
        themselves. Codes print as text and as a QR code that opens the shop with the code applied. On the packing slip or in Order Printer,{" "}
        {"{{ order.metafields.kept.packing_plan }}"} prints the plan.
      </Text>
    </AppPage>
  );
}
