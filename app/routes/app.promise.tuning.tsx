import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { z } from "zod";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { setAutoApply } from "~/models/outcomes/padding-tuner.server";
import { applyProcessingProposal, applyProposals, loadTuner, revertPaddingChange } from "~/services/outcomes/padding-tuner.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { formatDateTime } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return loadTuner(shop, new Date());
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("apply"), lane: z.string().max(200).optional(), basedOn: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("apply-processing"), basedOn: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("revert"), changeId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("auto-apply"), on: z.enum(["1", "0"]) }),
]);

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false, message: "That request could not be read. Reload the page and try again." }, { status: 400 });
  const now = new Date();
  if (form.data.intent === "auto-apply") {
    await setAutoApply(shop, form.data.on === "1");
    return {
      ok: true,
      message:
        form.data.on === "1"
          ? "Auto-apply is on: once a week Kept applies the proposals below as a new settings version, logged here, each one undoable."
          : "Auto-apply is off: paddings change only when you apply a proposal.",
    };
  }
  if (form.data.intent === "revert") {
    const result = await revertPaddingChange(shop, form.data.changeId, now);
    return result.ok ? { ok: true, message: `Undone: settings version ${result.version} has the lane's padding as it was.` } : result;
  }
  if (form.data.intent === "apply-processing") {
    const processing = await applyProcessingProposal(shop, form.data.basedOn, now);
    if (!processing.ok) return processing;
    return processing.version === null
      ? { ok: true, message: "Nothing to apply: the processing days are already what the tuner proposes." }
      : { ok: true, message: `Saved as settings version ${processing.version}: every ship-by date and promise now allows one more working day.` };
  }
  const result = await applyProposals(shop, { laneKeys: form.data.lane ? [form.data.lane] : null, basedOn: form.data.basedOn, appliedBy: "merchant" }, now);
  if (!result.ok) return result;
  return result.version === null
    ? { ok: true, message: "Nothing to apply: every padding is already what the tuner proposes." }
    : { ok: true, message: `Saved as settings version ${result.version}; checkout shows the new dates once Shopify has it (usually within a minute).` };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Lane = NonNullable<Data["proposals"]>["lanes"][number];

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);
const lead = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} d`);

const HELD: Record<string, string> = {
  "min-sample": "Waiting for more deliveries",
  "step-bound": "One day per week",
  "below-target": "Not lowered: below target",
  unreachable: "Target out of reach",
};

function ApplyButton({ lane, basedOn }: { lane: Lane; basedOn: number }) {
  if (lane.proposed === lane.current)
    return (
      <Text as="span" tone="subdued">
        {lane.held ? HELD[lane.held] : "Keep as is"}
      </Text>
    );
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="apply" />
      <input type="hidden" name="lane" value={lane.key} />
      <input type="hidden" name="basedOn" value={basedOn} />
      <Button submit size="slim" accessibilityLabel={`Apply ${days(lane.proposed)} of padding to ${lane.label}`}>
        {`Apply ${lane.proposed > lane.current ? "+" : "−"}${days(Math.abs(lane.proposed - lane.current))}`}
      </Button>
    </Form>
  );
}

/** One figure of a lane: a small label over its value. */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="span" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="span" numeric>
        {value}
      </Text>
    </BlockStack>
  );
}

/** A lane's proposal: what the tuner would do and why, the figures at the current and proposed padding, and Apply. */
function LaneProposalRow({ lane, basedOn, target }: { lane: Lane; basedOn: number; target: number }) {
  const changes = lane.proposed !== lane.current;
  const recent = lane.recent.due === 0 ? "—" : `${percent(lane.recent.rate)}${(lane.recent.rate ?? 1) < target ? " ▼" : ""} of ${lane.recent.due}`;
  return (
    <section aria-label={lane.label}>
      <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="start" gap="300" wrap={false}>
            <BlockStack gap="100">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {lane.label}
                </Text>
                {changes ? (
                  <Badge tone="attention">{`${lane.proposed > lane.current ? "+" : "−"}${days(Math.abs(lane.proposed - lane.current))}`}</Badge>
                ) : null}
              </InlineStack>
              <Text as="p" tone="subdued" breakWord>
                {lane.reason}
              </Text>
            </BlockStack>
            <div style={{ flexShrink: 0, minWidth: "max-content", whiteSpace: "nowrap" }}>
              <ApplyButton lane={lane} basedOn={basedOn} />
            </div>
          </InlineStack>
          <InlineGrid columns={{ xs: 2, md: 5 }} gap="300">
            <Figure label="Kept, last 30 days" value={recent} />
            <Figure label="Padding" value={changes ? `${days(lane.current)} → ${days(lane.proposed)}` : days(lane.current)} />
            <Figure
              label="Expected kept"
              value={changes ? `${percent(lane.expectedAtCurrent)} → ${percent(lane.expectedAtProposed)}` : percent(lane.expectedAtCurrent)}
            />
            <Figure
              label="Mean lead (order to promise)"
              value={changes ? `${lead(lane.leadAtCurrent)} → ${lead(lane.leadAtProposed)}` : lead(lane.leadAtCurrent)}
            />
            <Figure
              label="Learned from (deliveries)"
              value={lane.sample.own === 0 ? "none yet" : `${Math.round(lane.sample.own)} own, ${Math.round(lane.sample.borrowed)} borrowed`}
            />
          </InlineGrid>
        </BlockStack>
      </Box>
    </section>
  );
}

type Change = Data["changes"][number];

const CHANGES_TABLE: TableSpec<Change> = {
  noun: "change",
  rowId: (change) => change.id,
  emptyText: "No padding has been changed by the tuner yet.",
  columns: [
    { heading: "When (UTC)", cell: (change) => formatDateTime(change.createdAt) },
    { heading: "Lane", cell: (change) => change.laneLabel },
    { heading: "Padding", cell: (change) => `${days(change.fromDays)} → ${days(change.toDays)}` },
    { heading: "By", cell: (change) => (change.appliedBy === "auto" ? <Badge tone="info">Auto-apply</Badge> : <Badge>You</Badge>) },
    { heading: "Expected kept", cell: (change) => `${percent(change.expectedBefore)} → ${percent(change.expectedAfter)}` },
    { heading: "Version", numeric: true, cell: (change) => change.version },
    {
      heading: "",
      cell: (change) =>
        change.revertedAt ? (
          <Text as="span" tone="subdued">{`Undone in version ${change.revertVersion}`}</Text>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="revert" />
            <input type="hidden" name="changeId" value={change.id} />
            <Button submit size="slim" accessibilityLabel={`Undo the change to ${change.laneLabel}`}>
              Undo
            </Button>
          </Form>
        ),
    },
  ],
};

type Processing = NonNullable<Data["proposals"]>["processing"];

/** The warehouse's part: one more processing day when shipping late is what breaks the promises (never automatic). */
function ProcessingCard({ processing, basedOn }: { processing: Processing; basedOn: number }) {
  const changes = processing.proposed !== processing.current;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="300" wrap={false}>
          <BlockStack gap="100">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingMd">
                Processing days, every lane
              </Text>
              {changes ? <Badge tone="attention">+1 day</Badge> : null}
            </InlineStack>
            <Text as="p" tone="subdued" breakWord>
              {processing.reason}
            </Text>
          </BlockStack>
          {changes ? (
            <div style={{ flexShrink: 0, minWidth: "max-content", whiteSpace: "nowrap" }}>
              <Form method="post">
                <input type="hidden" name="intent" value="apply-processing" />
                <input type="hidden" name="basedOn" value={basedOn} />
                <Button submit size="slim" accessibilityLabel="Apply one more processing day">
                  Apply +1 day
                </Button>
              </Form>
            </div>
          ) : null}
        </InlineStack>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
          <Figure
            label="Processing (working days, most)"
            value={changes ? `${days(processing.current)} → ${days(processing.proposed)}` : days(processing.current)}
          />
          <Figure
            label="Shipped by the ship-by date"
            value={changes ? `${percent(processing.onTimeNow)} → ${percent(processing.onTimeThen)}` : percent(processing.onTimeNow)}
          />
          <Figure label="Late, last 30 days" value={String(processing.late)} />
          <Figure label="of them shipped late" value={String(processing.byWarehouse)} />
        </InlineGrid>
        {changes ? (
          <Text as="p" tone="subdued">
            One more processing day moves every promise one working day later. Faster picking or an earlier cut-off keeps dates early instead; auto-apply never
            changes processing days.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function AutoApplyCard({ autoApply, lastRunAt }: Pick<Data, "autoApply" | "lastRunAt">) {
  return (
    <Card>
      <InlineStack align="space-between" blockAlign="center" gap="300">
        <BlockStack gap="100">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              Auto-apply
            </Text>
            <Badge tone={autoApply ? "success" : undefined}>{autoApply ? "On" : "Off"}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {autoApply
              ? `Once a week Kept applies the proposals as a new settings version (at most a day per lane per week), logged below. ${
                  lastRunAt ? `Last run ${formatDateTime(lastRunAt)} UTC.` : "The first run comes within the hour."
                }`
              : "Paddings change only when you apply a proposal. Switch on to let Kept apply them once a week, each change logged and undoable."}
          </Text>
        </BlockStack>
        <Form method="post">
          <input type="hidden" name="intent" value="auto-apply" />
          <input type="hidden" name="on" value={autoApply ? "0" : "1"} />
          <Button submit>{autoApply ? "Switch off" : "Switch on"}</Button>
        </Form>
      </InlineStack>
    </Card>
  );
}

export default function PaddingTuner() {
  const { proposals, autoApply, lastRunAt, changes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!proposals) {
    return (
      <Card>
        <Text as="p">
          The tuner learns from your promises and their deliveries. <Link to="/app/promise">Set up your delivery promise</Link> first.
        </Text>
      </Card>
    );
  }
  const changing = proposals.lanes.filter((lane) => lane.proposed !== lane.current);
  return (
    <BlockStack gap="400">
      <ActionResultBanner result={result} />
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {`Padding per lane, for your ${percent(proposals.target)} target`}
          </Text>
          <Text as="p">
            For each lane, the least padding whose expected kept-rate meets your target, learned from this shop&apos;s own deliveries: recent weeks count more,
            parcels still on their way count as &ldquo;at least this late&rdquo;, and a lane with few deliveries borrows from similar lanes. Less padding means
            earlier dates at checkout (the mean lead); more means more promises kept.
          </Text>
          <InlineStack align="space-between" blockAlign="center">
            <Text as="p" tone="subdued">
              {changing.length === 0
                ? `Every lane is at its proposed padding (settings version ${proposals.version}).`
                : `${changing.length} of ${proposals.lanes.length} lanes would change (from settings version ${proposals.version}).`}
            </Text>
            {changing.length > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="apply" />
                <input type="hidden" name="basedOn" value={proposals.version} />
                <Button submit variant="primary" loading={busy}>
                  {changing.length === 1 ? "Apply the 1 change" : `Apply all ${changing.length} changes`}
                </Button>
              </Form>
            ) : null}
          </InlineStack>
        </BlockStack>
      </Card>
      <Card padding="0">
        {proposals.lanes.map((lane) => (
          <LaneProposalRow key={lane.key} lane={lane} basedOn={proposals.version} target={proposals.target} />
        ))}
      </Card>
      <ProcessingCard processing={proposals.processing} basedOn={proposals.version} />
      <AutoApplyCard autoApply={autoApply} lastRunAt={lastRunAt} />
      <TableCard
        title="Changes"
        description="Every padding the tuner changed, with the settings version that carries it."
        table={CHANGES_TABLE}
        rows={changes}
      />
    </BlockStack>
  );
}
