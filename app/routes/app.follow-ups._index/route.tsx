import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Text } from "@shopify/polaris";
import { z } from "zod";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { archiveFollowUpRule, loadFollowUpsOverview } from "~/services/follow-ups/follow-ups-overview.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { ArchiveRuleButton } from "~/components/rules/ArchiveRuleButton";

const actionSchema = z.object({ intent: z.enum(["archive", "restore"]), id: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return loadFollowUpsOverview(shop);
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "That request was not understood. Reload the page and try again." }, { status: 400 });
  const result = await archiveFollowUpRule(shop, form.data.id, form.data.intent === "archive", new Date());
  return data(result, { status: result.ok ? 200 : 404 });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rules"][number];

const STATE: Record<Row["state"], { label: string; tone?: "success" | "attention" | "critical" }> = {
  active: { label: "Active", tone: "success" },
  paused: { label: "Paused", tone: "attention" },
  archived: { label: "Archived" },
  invalid: { label: "Needs fixing", tone: "critical" },
};

function Count({ value, ruleId, status }: { value: number; ruleId: string; status: string }) {
  if (value === 0) return <Text as="span">0</Text>;
  return <Link to={`/app/follow-ups/log?rule=${ruleId}&status=${status}`}>{value}</Link>;
}

function HeldBack({ row }: { row: Row }) {
  if (row.held === 0) return <Text as="span">0</Text>;
  return (
    <BlockStack gap="100">
      <Link to={`/app/follow-ups/log?rule=${row.id}&status=skipped`}>{row.held}</Link>
      {row.heldBy.map((entry) => (
        <Text key={entry.reason} as="span" variant="bodySm" tone="subdued">
          {`${entry.count} · ${entry.reason}`}
        </Text>
      ))}
    </BlockStack>
  );
}

const RULES_TABLE: TableSpec<Row> = {
  noun: "rule",
  rowId: (row) => row.id,
  columns: [
    {
      heading: "Rule",
      cell: (row) => (
        <BlockStack gap="100">
          <Link to={`/app/follow-ups/rules/${row.id}`}>{row.name}</Link>
          <Text as="span" variant="bodySm" tone="subdued">
            {row.timing ?? "This rule no longer reads as valid: open it to fix it."}
          </Text>
        </BlockStack>
      ),
    },
    { heading: "Status", cell: (row) => <Badge tone={STATE[row.state].tone}>{STATE[row.state].label}</Badge> },
    { heading: "Scheduled", numeric: true, cell: (row) => <Count value={row.scheduled} ruleId={row.id} status="scheduled" /> },
    { heading: "Sent", numeric: true, cell: (row) => <Count value={row.sent} ruleId={row.id} status="sent" /> },
    { heading: "Held back", cell: (row) => <HeldBack row={row} /> },
    {
      heading: "Failed",
      numeric: true,
      cell: (row) => <Count value={row.failed + row.unknown} ruleId={row.id} status={row.failed > 0 ? "failed" : "unknown"} />,
    },
    { heading: "", cell: (row) => <ArchiveRuleButton id={row.id} name={row.name} archived={row.state === "archived"} /> },
  ],
};

export default function FollowUpRules() {
  const { rules, emailReady, settingsSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = rules.reduce((sum, rule) => sum + rule.failed, 0);
  return (
    <BlockStack gap="400">
      <ActionResultBanner result={result} />
      {emailReady ? null : (
        <Banner tone="warning" title="Email sending is not switched on yet">
          <p>
            Kept plans every message your rules ask for, but sends none until email is set up for this installation (whoever runs Kept sets SMTP_URL, see the
            README). Planned messages wait and go out once it is.
          </p>
        </Banner>
      )}
      {settingsSaved ? null : (
        <Banner tone="info" title="Say who the emails come from">
          <p>
            Customers see your shop&apos;s name and answer to your address. <Link to="/app/follow-ups/settings">Set the sender, reply-to and review page</Link>.
          </p>
        </Banner>
      )}
      {failed > 0 ? (
        <Banner tone="critical" title={`${failed} message${failed === 1 ? "" : "s"} could not be sent`}>
          <p>
            The mail server refused them. <Link to="/app/follow-ups/log?status=failed">See why and try them again</Link>.
          </p>
        </Banner>
      ) : null}
      <TableCard
        title="Rules"
        description="Each rule writes at most one email per order, about what happens after the rule was made (or in the days it looks back on)."
        table={RULES_TABLE}
        rows={rules}
        emptyText="No follow-up rules yet. Create one: a review request a week after arrival, care advice for a product, or an apology when a promise slips."
      />
    </BlockStack>
  );
}
