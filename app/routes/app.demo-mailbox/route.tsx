import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState, type FormEvent } from "react";
import { AppPage } from "~/components/common/AppPage";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { OrderLink } from "~/components/orders/OrderLink";
import { BUILT_IN_MESSAGES, type FollowUpTrigger } from "~/domain/follow-ups/built-in-messages";
import { readDemoMailbox } from "~/services/demo/demo-mailbox.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { getEnv } from "~/utils/env.server";
import { MailMessage } from "./MailMessage";
import { mailboxQuerySchema } from "./validator";

// The demo's mailbox (KEPT_DEMO=1 only; a 404 otherwise): every email the demo's mail catcher caught, newest
// first, and one of them as its recipient would see it.
export async function loader({ request }: LoaderFunctionArgs) {
  if (getEnv().KEPT_DEMO !== "1") throw new Response("Not found", { status: 404 });
  const { shop } = await requireAdmin(request);
  const { q, id } = mailboxQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...(await readDemoMailbox(shop, { search: q, id })), query: { q: q ?? "", id: id ?? null } };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = Data["rows"][number];

const TONES: Record<string, "info" | "attention"> = { transactional: "info", marketing: "attention" };

function Category({ row }: { row: Row }) {
  const rule = row.trigger && row.trigger in BUILT_IN_MESSAGES ? BUILT_IN_MESSAGES[row.trigger as FollowUpTrigger].name : null;
  return (
    <BlockStack gap="100">
      <Badge tone={TONES[row.category]}>{row.category}</Badge>
      {rule ? (
        <Text as="span" tone="subdued" variant="bodySm">
          {rule}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function mailTable(search: string, shownId: string | null): TableSpec<Row> {
  const href = (row: Row) => `?${new URLSearchParams({ ...(search ? { q: search } : {}), id: row.id })}`;
  const subject = (row: Row) =>
    row.id === shownId ? (
      <Text as="span" fontWeight="semibold">
        {row.subject} (shown above)
      </Text>
    ) : (
      <Link to={href(row)}>{row.subject}</Link>
    );
  return {
    noun: "message",
    rowId: (row) => row.id,
    columns: [
      { heading: "Received", cell: (row) => row.received },
      { heading: "To", cell: (row) => row.to },
      { heading: "Subject", cell: subject },
      { heading: "Order", cell: (row) => (row.order ? <OrderLink order={row.order} /> : "—") },
      { heading: "Language", cell: (row) => row.language?.toUpperCase() ?? "—" },
      { heading: "Category", cell: (row) => <Category row={row} /> },
    ],
  };
}

function emptyText(data: Data): string {
  if (data.query.q)
    return `No caught message matches “${data.query.q}”. Search by the recipient's address, the order number (1001 or #1001) or words of the subject.`;
  const catcher = data.catcher ?? "the demo's mail catcher";
  return (
    `No messages yet: follow-ups go to ${catcher} and appear here. Run npm run demo (it seeds three follow-up rules and sends the demo week), ` +
    "then reload in a minute: the sender looks for due messages every 15 seconds and sends only in the customers' hours (09:00–20:00 where they live)."
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form onSubmit={submit} role="search">
      <InlineStack gap="200" blockAlign="end">
        <div style={{ minWidth: 320 }}>
          <TextField label="Recipient or order number" value={value} onChange={setValue} autoComplete="off" placeholder="anna@example.se or #1001" />
        </div>
        <Button submit>Search</Button>
        {initial ? <Button onClick={() => (setValue(""), onSearch(""))}>Clear</Button> : null}
      </InlineStack>
    </form>
  );
}

export default function DemoMailbox() {
  const data = useLoaderData<typeof loader>();
  const [params, setParams] = useSearchParams();
  const search = (q: string) => {
    const next = new URLSearchParams(params);
    next.delete("id");
    if (q) next.set("q", q);
    else next.delete("q");
    setParams(next);
  };
  const caught = data.total === 1 ? "1 message caught" : `${data.total} messages caught`;
  const found = data.query.q ? `${data.matching} of ${caught} ${data.matching === 1 ? "matches" : "match"} “${data.query.q}”.` : `${caught}.`;
  const more = data.matching > data.rows.length ? ` Showing the newest ${data.rows.length}: search to narrow them.` : "";
  return (
    <AppPage
      title="Demo mailbox"
      subtitle={`The emails the demo's mail catcher caught and kept on this machine (the app sends to ${data.catcher ?? "no SMTP server: SMTP_URL is not set"}). Times in ${data.timeZone}.`}
    >
      {data.query.id && !data.selected ? (
        <Banner tone="warning">
          <p>That message is not in the demo mailbox. Choose one from the list.</p>
        </Banner>
      ) : null}
      {data.selected ? <MailMessage message={data.selected} closeHref={data.query.q ? `?${new URLSearchParams({ q: data.query.q })}` : "?"} /> : null}
      <Card>
        <BlockStack gap="200">
          <SearchForm key={data.query.q} initial={data.query.q} onSearch={search} />
          <Text as="p" tone="subdued">
            {found}
            {more}
          </Text>
        </BlockStack>
      </Card>
      <TableCard table={mailTable(data.query.q, data.selected?.id ?? null)} rows={data.rows} emptyText={emptyText(data)} />
    </AppPage>
  );
}
