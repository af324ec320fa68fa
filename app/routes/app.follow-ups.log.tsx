import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { OrderLink } from "~/components/orders/OrderLink";
import { FOLLOW_UP_STATUSES } from "~/models/follow-ups/follow-up-log.server";
import { decideOnFollowUps, loadFollowUpLog, type FollowUpLogRow } from "~/services/follow-ups/follow-up-log.server";
import { requireAdmin } from "~/services/shop/admin-context.server";

const ruleId = z.string().regex(/^[a-z0-9-]{1,64}$/);

const filterSchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional().catch(undefined),
  rule: ruleId.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["retry", "cancel"]), id: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("retry-all"), rule: ruleId.optional() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const log = await loadFollowUpLog(shop, { status: filter.status, ruleId: filter.rule, search: filter.q }, filter.page);
  return { ...log, filter };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = decisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "That request was not understood. Reload the page and try again." }, { status: 400 });
  const decision = form.data.intent === "retry-all" ? { intent: "retry-all" as const, ruleId: form.data.rule } : form.data;
  const result = await decideOnFollowUps(shop, decision, new Date());
  return data(result, { status: result.ok ? 200 : 409 });
}

const STATUS_OPTIONS = [
  { label: "Any state", value: "" },
  { label: "Scheduled", value: "scheduled" },
  { label: "Sent", value: "sent" },
  { label: "Held back", value: "skipped" },
  { label: "Cancelled", value: "cancelled" },
  { label: "Failed", value: "failed" },
  { label: "Not sure it arrived", value: "unknown" },
];

function Decision({ row }: { row: FollowUpLogRow }) {
  if (!row.canRetry && !row.canCancel) return null;
  const label = row.status === "unknown" ? "Send again" : row.canRetry ? "Try again" : "Cancel";
  const intent = row.canRetry ? "retry" : "cancel";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={row.id} />
      <Button submit variant="tertiary" accessibilityLabel={`${label}: ${row.rule} for ${row.order.name}`}>
        {label}
      </Button>
    </Form>
  );
}

const LOG_TABLE: TableSpec<FollowUpLogRow> = {
  noun: "message",
  rowId: (row) => row.id,
  columns: [
    { heading: "Order", cell: (row) => <OrderLink order={row.order} /> },
    {
      heading: "Message",
      cell: (row) => (
        <BlockStack gap="100">
          <Text as="span">{row.rule}</Text>
          {row.subject ? (
            <Text as="span" variant="bodySm" tone="subdued">
              {row.subject}
            </Text>
          ) : null}
        </BlockStack>
      ),
    },
    {
      heading: "State",
      cell: (row) => (
        <BlockStack gap="100">
          <InlineStack gap="100">
            <Badge tone={row.tone}>{row.statusLabel}</Badge>
            {row.marketing ? <Badge>Marketing</Badge> : null}
          </InlineStack>
          {row.reason ? (
            <Text as="span" variant="bodySm" tone="subdued">
              {row.reason}
            </Text>
          ) : null}
          {row.lastError ? (
            <Text as="span" variant="bodySm" tone="critical">
              {`${row.status === "unknown" ? "The server took it and never answered" : "Mail server"}: ${row.lastError}`}
            </Text>
          ) : null}
        </BlockStack>
      ),
    },
    { heading: "When", cell: (row) => row.when ?? "—" },
    { heading: "To", cell: (row) => row.email ?? "—" },
    { heading: "", cell: (row) => <Decision row={row} /> },
  ],
};

export default function SendLog() {
  const { rows, hasNext, page, rules, filter, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [search, setSearch] = useState(filter.q ?? "");
  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    navigate(`?${next.toString()}`);
  };
  const ruleOptions = [{ label: "Every rule", value: "" }, ...rules.map((rule) => ({ label: rule.name, value: rule.id }))];
  const filtered = Boolean(filter.status || filter.rule || filter.q);
  return (
    <BlockStack gap="400">
      <ActionResultBanner result={result} />
      <InlineStack gap="300" blockAlign="end" wrap>
        <Box minWidth="180px">
          <Select label="State" value={filter.status ?? ""} options={STATUS_OPTIONS} onChange={(status) => go({ status })} />
        </Box>
        <Box minWidth="200px">
          <Select label="Rule" value={filter.rule ?? ""} options={ruleOptions} onChange={(rule) => go({ rule })} />
        </Box>
        <Box minWidth="240px">
          <Form
            onSubmit={(event) => {
              event.preventDefault();
              go({ q: search.trim() || undefined });
            }}
          >
            <TextField
              label="Order or customer"
              value={search}
              onChange={setSearch}
              autoComplete="off"
              placeholder="#1042, Weber, anna@…"
              clearButton
              onClearButtonClick={() => {
                setSearch("");
                go({ q: undefined });
              }}
            />
          </Form>
        </Box>
        {filter.status === "failed" && rows.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retry-all" />
            {filter.rule ? <input type="hidden" name="rule" value={filter.rule} /> : null}
            <Button submit>Try all failed again</Button>
          </Form>
        ) : null}
      </InlineStack>
      <Text as="p" variant="bodySm" tone="subdued">
        {`Times are in the shop's time zone (${timeZone}). Messages go out in the customer's own send window.`}
      </Text>
      <TableCard
        table={LOG_TABLE}
        rows={rows}
        emptyText={filtered ? "No messages match these filters." : "No messages yet. Rules write here as orders ship and arrive."}
        pagination={{
          hasPrevious: page > 1,
          hasNext,
          onPrevious: () => go({ page: String(page - 1) }),
          onNext: () => go({ page: String(page + 1) }),
        }}
      />
    </BlockStack>
  );
}
