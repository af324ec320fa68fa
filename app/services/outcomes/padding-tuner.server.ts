import { createWorkCalendar } from "~/domain/promise/business-days";
import { addDays, startOfDayInstant, wallClockAt } from "~/domain/promise/civil-date";
import { keptRateOf } from "~/domain/outcomes/kept-rate";
import { tunePadding, type PaddingProposal, type TuneObservation } from "~/domain/outcomes/tune-padding";
import { meanLeadDays, toObservation, toShippingObservation, tuningInput } from "~/domain/outcomes/tuning-history";
import { countDueOutcomesByLane } from "~/models/outcomes/outcome-summary.server";
import {
  findPaddingChange,
  findTuner,
  listPaddingChanges,
  listShopsDueForAutoTune,
  markPaddingChangeReverted,
  markTunerRun,
  recordPaddingChanges,
  type PaddingChangeInput,
} from "~/models/outcomes/padding-tuner.server";
import { listTuningHistory } from "~/models/outcomes/tuning-history.server";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import type { PromiseSettings } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import { readSettingsInForce } from "~/services/promise/settings-in-force.server";
import { validatePromiseSettings } from "~/services/promise/validate-promise-settings.server";
import { countryName } from "~/utils/format";
import { inTransaction } from "~/models/db/prisma.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { completeJob, enqueueJob, type ClaimedJob } from "~/models/jobs/job.server";
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// The padding tuner (docs/tuner.md): per lane, the least padding whose expected kept-rate meets the
// merchant's target, learned from the shop's own promises (domain/outcomes/tune-padding.ts), with what it
// costs in lead time. Applying writes a new settings version, published like any other, and logs each
// change so it can be undone; with auto-apply on, the worker applies the proposals once a week.

/** How far back the tuner reads: past ~26 weeks an order's recency weight is below 1% (DEFAULT_TUNE_POLICY). */
const HISTORY_DAYS = 186;
/** At most this many promises are read per shop (the newest): bounded work for a shop of any size. */
const HISTORY_TAKE = 40_000;
/** The recent kept-rate the "never lower below target" guardrail reads, and the lead time is measured over. */
const RECENT_DAYS = 30;
const AUTO_TUNE_EVERY_MS = 7 * 86_400_000;

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

type LaneProposal = PaddingProposal & {
  label: string;
  /** The lane's promises due in the last 30 days and how many were kept. */
  recent: { due: number; kept: number; rate: number | null };
  /** Mean days from order to promised date over the lane's last 30 days of orders, at each padding. */
  leadAtCurrent: number | null;
  leadAtProposed: number | null;
};

type Proposals = { version: number; settings: PromiseSettings; target: number; lanes: LaneProposal[]; processing: ReturnType<typeof proposeProcessing> };

/** The proposals for the shop's settings in force, at `now`; null when it has no readable settings. */
async function propose(shop: string, now: Date): Promise<Proposals | null> {
  const inForce = await readSettingsInForce(shop);
  if (!inForce) return null;
  const { settings, version } = inForce;
  const timeZone = settings.shop.timeZone;
  const today = wallClockAt(now.getTime(), timeZone).date;
  const historyStart = addDays(today, -HISTORY_DAYS);
  // The carrier's calendar over the history and the weeks ahead (holidays included), as promises count it.
  const closed = expandClosedDatesForSettings({ ...settings, horizonDays: HISTORY_DAYS + 60 }, historyStart);
  const carrier = createWorkCalendar(settings.carrier.deliveryDays, closed.carrier);
  const [history, recentByLane] = await Promise.all([
    listTuningHistory(shop, new Date(startOfDayInstant(historyStart, timeZone)), HISTORY_TAKE),
    countDueOutcomesByLane(shop, addDays(today, -RECENT_DAYS), addDays(today, -1)),
  ]);

  const observations = new Map<string, TuneObservation[]>();
  const recentOrders = new Map<string, { orderDate: string; rawLatest: string }[]>();
  const recentSince = startOfDayInstant(addDays(today, -RECENT_DAYS), timeZone);
  for (const row of history) {
    const observation = toObservation(row, carrier, today);
    if (observation) observations.set(row.laneKey, [...(observations.get(row.laneKey) ?? []), observation]);
    if (row.orderedAt.getTime() >= recentSince) {
      const orderDate = wallClockAt(row.orderedAt.getTime(), timeZone).date;
      recentOrders.set(row.laneKey, [...(recentOrders.get(row.laneKey) ?? []), { orderDate, rawLatest: row.rawLatest }]);
    }
  }
  const recent = new Map(
    settings.lanes.map((lane) => [lane.id, keptRateOf(recentByLane.filter((entry) => entry.laneKey === lane.id).map((entry) => entry.count))]),
  );
  const input = tuningInput(
    settings.lanes,
    settings.paddingDays,
    observations,
    new Map([...recent].map(([laneKey, rate]) => [laneKey, rate.rate])),
    countryName,
  );
  // A lane borrows to decide sooner, never to decide alone: without one delivery of its own it keeps its padding.
  const proposals = tunePadding({ ...input, target: settings.targetKeptRate, now: now.getTime() }).map((proposal) =>
    proposal.sample.own > 0
      ? proposal
      : {
          ...proposal,
          proposed: proposal.current,
          expectedAtCurrent: null,
          expectedAtProposed: null,
          held: "min-sample" as const,
          reason: `Keeping ${days(proposal.current)}: no delivery on this lane yet, so there is nothing of its own to learn from.`,
        },
  );
  const labels = new Map(settings.lanes.map((lane) => [lane.id, lane.label]));
  const lanes = proposals.map((proposal): LaneProposal => {
    const rate = recent.get(proposal.key);
    const orders = recentOrders.get(proposal.key) ?? [];
    return {
      ...proposal,
      label: labels.get(proposal.key) ?? proposal.key,
      recent: { due: rate?.due ?? 0, kept: rate?.kept ?? 0, rate: rate?.rate ?? null },
      leadAtCurrent: meanLeadDays(orders, carrier, proposal.current),
      leadAtProposed: meanLeadDays(orders, carrier, proposal.proposed),
    };
  });
  const processing = proposeProcessing(settings, history, recentByLane, closed.warehouse, today, now);
  return { version, settings, target: settings.targetKeptRate, lanes, processing };
}

/** The change log's key for the shop's processing days (never a lane id: lane ids have no asterisks). */
const PROCESSING_KEY = "*processing*";
const PROCESSING_LABEL = "Processing days (every lane)";
/** The processing proposal is made only when the warehouse's part is at least this share of the late promises. */
const WAREHOUSE_SHARE = 0.5;

/**
 * The processing-days proposal (docs/tuner.md): when the warehouse's part (shipped after the ship-by date)
 * is most of what broke recent promises and shipping on time falls short of the target, one more working
 * day of processing, so the ship-by date and the promise move with what the warehouse really does. From
 * the same estimator (days past ship-by, unshipped orders censored, recent weeks weighing more); never lowered.
 */
function proposeProcessing(
  settings: PromiseSettings,
  history: Awaited<ReturnType<typeof listTuningHistory>>,
  recentByLane: Awaited<ReturnType<typeof countDueOutcomesByLane>>,
  warehouseClosed: readonly string[],
  today: string,
  now: Date,
) {
  const warehouse = createWorkCalendar(settings.workingDays, warehouseClosed);
  const shopDateOf = (at: Date) => wallClockAt(at.getTime(), settings.shop.timeZone).date;
  const observations = history.flatMap((row) => toShippingObservation(row, warehouse, today, shopDateOf) ?? []);
  const [estimate] = tunePadding({
    lanes: [{ key: PROCESSING_KEY, parentKey: null, observations, current: 0, observedKeptRate: null }],
    target: settings.targetKeptRate,
    now: now.getTime(),
  });
  const { lateByCause, late } = keptRateOf(recentByLane.map((entry) => entry.count));
  const byWarehouse = lateByCause.warehouse + lateByCause.both;
  const current = settings.processingDays.max;
  const onTime = estimate.expectedAtCurrent;
  const wanted = estimate.proposed > 0 && late > 0 && byWarehouse / late >= WAREHOUSE_SHARE;
  const shipping = onTime === null ? "" : `${(onTime * 100).toFixed(1)}% of orders ship by their ship-by date`;
  const reason =
    onTime === null || estimate.held === "min-sample"
      ? `Keeping ${days(current)}: too few shipped orders to learn from yet.`
      : wanted
        ? `Raising from ${days(current)} to ${days(current + 1)}: ${shipping}, and ${byWarehouse} of the ${late} late promises of the last 30 days shipped after it.`
        : `Keeping ${days(current)}: ${shipping}${late > 0 ? `; ${byWarehouse} of the ${late} late promises of the last 30 days were the warehouse's part` : ""}.`;
  return {
    current,
    proposed: wanted ? current + 1 : current,
    onTimeNow: onTime,
    // The step bound holds the estimate to one day, so its expected rate at the proposal is F(1).
    onTimeThen: wanted ? estimate.expectedAtProposed : null,
    late,
    byWarehouse,
    reason,
  };
}

/** The tuner page: each lane's proposal, auto-apply and its last run, and the log of changes. */
export async function loadTuner(shop: string, now: Date) {
  const [proposals, tuner, changes] = await Promise.all([propose(shop, now), findTuner(shop), listPaddingChanges(shop, 50)]);
  return {
    proposals: proposals
      ? {
          version: proposals.version,
          target: proposals.target,
          shopPadding: proposals.settings.paddingDays,
          lanes: proposals.lanes,
          processing: proposals.processing,
        }
      : null,
    autoApply: tuner?.autoApply ?? false,
    lastRunAt: tuner?.lastRunAt ?? null,
    changes,
  };
}

type Suggestions = Map<string, { current: number; proposed: number }>;
/** The Dashboard's suggestions per shop, for an hour: history moves by the day, and the home page must stay fast. */
const suggestionCache = new Map<string, { at: number; suggestions: Suggestions }>();
const SUGGESTIONS_FOR_MS = 60 * 60_000;

const refreshing = new Set<string>();

/**
 * The Dashboard's suggestions without making the page wait: the cached ones (null before the first), and,
 * when they are missing or old, a refresh in the background for the next view. Reading the tuner's history
 * takes a few hundred milliseconds at 100,000 orders; the home page must not.
 */
export function peekSuggestedPaddings(shop: string, now: Date): Suggestions | null {
  const cached = suggestionCache.get(shop);
  const fresh = cached && now.getTime() - cached.at < SUGGESTIONS_FOR_MS && now.getTime() >= cached.at;
  if (!fresh && !refreshing.has(shop)) {
    refreshing.add(shop);
    loadSuggestedPaddings(shop, now)
      .catch((error: unknown) => console.warn(`[tuner] ${shop}: suggestions not refreshed: ${String(error)}`))
      .finally(() => refreshing.delete(shop));
  }
  return cached?.suggestions ?? null;
}

/** The proposals (by lane key) that would change a padding, for the Dashboard's lane alerts: "+1 day suggested". */
export async function loadSuggestedPaddings(shop: string, now: Date): Promise<Suggestions> {
  const cached = suggestionCache.get(shop);
  if (cached && now.getTime() - cached.at < SUGGESTIONS_FOR_MS && now.getTime() >= cached.at) return cached.suggestions;
  const proposals = await propose(shop, now);
  const changed = (proposals?.lanes ?? []).filter((lane) => lane.proposed !== lane.current);
  const suggestions: Suggestions = new Map(changed.map((lane) => [lane.key, { current: lane.current, proposed: lane.proposed }]));
  suggestionCache.set(shop, { at: now.getTime(), suggestions });
  return suggestions;
}

type ApplyResult = { ok: true; version: number | null; changed: number } | { ok: false; message: string };

/**
 * A new settings version with each lane's padding in `paddings` (lane key → days; PROCESSING_KEY → the
 * most processing days), validated like a save.
 */
async function saveWithPaddings(
  shop: string,
  settings: PromiseSettings,
  paddings: ReadonlyMap<string, number>,
  now: Date,
  alongside: Parameters<typeof saveSettingsVersion>[3],
): Promise<ApplyResult & { version?: number }> {
  const processingMax = paddings.get(PROCESSING_KEY);
  const document = {
    ...settings,
    processingDays: processingMax === undefined ? settings.processingDays : { min: Math.min(settings.processingDays.min, processingMax), max: processingMax },
    lanes: settings.lanes.map((lane) => (paddings.has(lane.id) ? { ...lane, paddingDays: paddings.get(lane.id) } : lane)),
  };
  const validation = validatePromiseSettings(document);
  if (!validation.ok) return { ok: false, message: `The settings could not be saved: ${validation.errors.map((error) => error.message).join("; ")}` };
  const version = await saveSettingsVersion(shop, validation.settings, now, alongside);
  suggestionCache.delete(shop);
  return { ok: true, version, changed: paddings.size };
}

/**
 * Applies the proposals of `laneKeys` (all that change a padding when null) as one new settings version,
 * published like any other, each change logged. `basedOn` is the version the merchant looked at: when
 * the settings changed since, nothing is applied and the merchant is asked to look again.
 */
export async function applyProposals(
  shop: string,
  request: { laneKeys: string[] | null; basedOn: number | null; appliedBy: "merchant" | "auto" },
  now: Date,
  alongside?: (tx: Tx) => Promise<void>,
): Promise<ApplyResult> {
  const proposals = await propose(shop, now);
  if (!proposals) return { ok: false, message: "There are no delivery promise settings to tune yet." };
  if (request.basedOn !== null && request.basedOn !== proposals.version) {
    return { ok: false, message: "The settings changed since this page was opened. Look at the new proposals and apply again." };
  }
  const chosen = proposals.lanes.filter((lane) => lane.proposed !== lane.current && (request.laneKeys === null || request.laneKeys.includes(lane.key)));
  if (chosen.length === 0) return { ok: true, version: null, changed: 0 };
  const changes: PaddingChangeInput[] = chosen.map((lane) => ({
    laneKey: lane.key,
    laneLabel: lane.label,
    fromDays: lane.current,
    toDays: lane.proposed,
    appliedBy: request.appliedBy,
    expectedBefore: lane.expectedAtCurrent,
    expectedAfter: lane.expectedAtProposed,
    reason: lane.reason,
  }));
  const paddings = new Map(chosen.map((lane) => [lane.key, lane.proposed]));
  return saveWithPaddings(shop, proposals.settings, paddings, now, async (tx, version) => {
    await recordPaddingChanges(tx, shop, version, changes, now);
    await alongside?.(tx);
  });
}

/** Applies the processing-days proposal as a new settings version, logged like a lane's; `basedOn` as for lanes. */
export async function applyProcessingProposal(shop: string, basedOn: number, now: Date): Promise<ApplyResult> {
  const proposals = await propose(shop, now);
  if (!proposals) return { ok: false, message: "There are no delivery promise settings to tune yet." };
  if (basedOn !== proposals.version)
    return { ok: false, message: "The settings changed since this page was opened. Look at the new proposal and apply again." };
  const { processing } = proposals;
  if (processing.proposed === processing.current) return { ok: true, version: null, changed: 0 };
  const change: PaddingChangeInput = {
    laneKey: PROCESSING_KEY,
    laneLabel: PROCESSING_LABEL,
    fromDays: processing.current,
    toDays: processing.proposed,
    appliedBy: "merchant",
    expectedBefore: processing.onTimeNow,
    expectedAfter: processing.onTimeThen,
    reason: processing.reason,
  };
  return saveWithPaddings(shop, proposals.settings, new Map([[PROCESSING_KEY, processing.proposed]]), now, (tx, version) =>
    recordPaddingChanges(tx, shop, version, [change], now),
  );
}

class AlreadyUndone extends Error {}

/** Undoes a logged change: a new settings version with the lane's padding as it was before. */
export async function revertPaddingChange(shop: string, changeId: string, now: Date): Promise<ApplyResult> {
  const change = await findPaddingChange(shop, changeId);
  if (!change) return { ok: false, message: "That change is not in the log." };
  if (change.revertedAt) return { ok: false, message: "That change was already undone." };
  const inForce = await readSettingsInForce(shop);
  if (!inForce) return { ok: false, message: "There are no delivery promise settings to change." };
  if (change.laneKey !== PROCESSING_KEY && !inForce.settings.lanes.some((lane) => lane.id === change.laneKey)) {
    return { ok: false, message: `The lane "${change.laneLabel}" is no longer in the settings, so there is nothing to undo.` };
  }
  try {
    return await saveWithPaddings(shop, inForce.settings, new Map([[change.laneKey, change.fromDays]]), now, async (tx, version) => {
      // Undone meanwhile by another request: throwing rolls this version back.
      if (!(await markPaddingChangeReverted(tx, shop, change.id, version, now))) throw new AlreadyUndone();
    });
  } catch (error) {
    if (error instanceof AlreadyUndone) return { ok: false, message: "That change was already undone." };
    throw error;
  }
}

/** How often auto-apply runs for a shop, and how often the worker looks for shops that are due. */
const AUTO_TUNE_CHECK_MS = 60 * 60_000;

/**
 * The worker's clock task: queues one `outcomes.auto-tune` job per shop with auto-apply on and no run in
 * the last week (at most one a day: the dedupe key carries the UTC day).
 */
function queueAutoTunes(db: SqliteDb, now: Date): number {
  return db.transaction(() => {
    let queued = 0;
    for (const shop of listShopsDueForAutoTune(db, new Date(now.getTime() - AUTO_TUNE_EVERY_MS))) {
      const job = { shop, type: AUTO_TUNE_JOB, payload: {}, dedupeKey: `padding-auto-tune:${now.toISOString().slice(0, 10)}` };
      if (enqueueJob(db, job, now) !== null) queued += 1;
    }
    return queued;
  });
}

/**
 * `outcomes.auto-tune`: applies every proposal that changes a padding as one version, logged as the
 * tuner's, with the run noted and the job completed in the same transaction. A retry after a crash
 * finds the run noted and applies nothing twice.
 */
async function runAutoTuneJob(job: ClaimedJob): Promise<void> {
  const now = new Date();
  const tuner = await findTuner(job.shop);
  const due = tuner?.autoApply === true && (tuner.lastRunAt === null || tuner.lastRunAt.getTime() < now.getTime() - AUTO_TUNE_EVERY_MS + AUTO_TUNE_CHECK_MS);
  const finish = async (tx: Tx) => {
    await markTunerRun(tx, job.shop, now);
    await completeJob(tx, job.id);
  };
  if (due) {
    const result = await applyProposals(job.shop, { laneKeys: null, basedOn: null, appliedBy: "auto" }, now, finish);
    if (result.ok && result.version !== null) return;
    if (!result.ok) console.warn(`[tuner] ${job.shop}: ${result.message}`);
  }
  await inTransaction(finish);
}

const AUTO_TUNE_JOB = "outcomes.auto-tune";

export const autoTuneJobs = {
  handlers: { [AUTO_TUNE_JOB]: runAutoTuneJob },
  scheduled: { name: "weekly padding auto-apply", everyMs: AUTO_TUNE_CHECK_MS, run: queueAutoTunes },
};
