// The backtest: what the padding tuner would have promised on a shop's delivery history, walking forward in
// time with no look-ahead (docs/backtest.md). Each order's promise uses only what was known at its instant:
// arrivals before it, and the orders then still on their way, censored at the units elapsed. The tuner runs
// at most once a day (at 00:00 UTC, the nightly job) and its guardrails apply as in the app: one step per week.
import { createWorkCalendar, isOpenDay } from "../promise/business-days";
import { wallClockAt, weekdayOf, type CivilDate } from "../promise/civil-date";
import { computePromise } from "../promise/compute-promise";
import { matchLane } from "../promise/match-lane";
import { cutoffToMinutes, type PromiseConfig } from "../promise/promise-config";
import { destinationZone } from "./destination-zone";
import {
  DEFAULT_TUNE_POLICY,
  observationWindowMs,
  tunePadding,
  type PaddingProposal,
  type TuneGroup,
  type TuneLane,
  type TuneObservation,
  type TunePolicy,
} from "./tune-padding";

/** One delivered order of the history. Offsets are the ones written in the timestamps ("local" = that offset). */
export interface HistoryOrder {
  orderedAt: number;
  orderedOffsetMinutes: number;
  deliveredAt: number;
  deliveredOffsetMinutes: number;
  method: string | null;
  country: string | null;
  region: string | null;
  postal: string | null;
  /** The promise the shop really made, if the history has it. */
  promisedDate: CivilDate | null;
}

export type LanePart = { field: "method" | "country" | "region" } | { field: "postal"; length: number };

/**
 * How a padding becomes a date: `days` after the order's local date, `hours` after the order's instant (read
 * as a local date), or `settings`: the settings' raw latest date plus padding in carrier delivery days.
 */
export type PromiseScale = { kind: "days" } | { kind: "hours" } | { kind: "settings"; config: PromiseConfig };

export interface BacktestOptions {
  target: number;
  laneBy: readonly LanePart[];
  scale: PromiseScale;
  policy?: Partial<TunePolicy>;
  /** Sees every tuner input as it is made (for tests of the no-look-ahead rule); observations change after it returns. */
  onTune?: (input: { now: number; lanes: readonly TuneLane[]; groups: readonly TuneGroup[] }) => void;
}

/** Figures over promised orders: kept-rate, mean lead (order date to promise), mean days early (kept ones), late share and mean days late. */
export interface Figures {
  orders: number;
  keptRate: number | null;
  meanLeadDays: number | null;
  meanDaysEarly: number | null;
  lateShare: number | null;
  meanDaysLate: number | null;
}

interface LaneReport {
  key: string;
  tuned: Figures;
  /** The history's own promises (`promised_date`) over the same orders, or null when it has none. */
  history: Figures | null;
  /** Orders before the lane had a padding (no settings: until enough arrivals were known), or that no settings lane matched. */
  notPromised: number;
  /** The padding in force at the end of the history (null: the lane never got one). */
  padding: number | null;
  changes: { date: CivilDate; padding: number; reason: string }[];
  lastProposal: PaddingProposal | null;
}

export interface BacktestResult {
  unit: string;
  target: number;
  overall: Omit<LaneReport, "key" | "padding" | "changes" | "lastProposal">;
  lanes: LaneReport[];
  /** Per input order (same order): the padding and promised date it got, or null when none was made. */
  promises: ({ padding: number; promised: CivilDate } | null)[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
/** The guardrail's "recent due promises": those that came due in the last 28 days. */
const RECENT_DUE_DAYS = 28;
const SHOP_KEY = "(shop)";

const localDay = (epochMs: number, offsetMinutes: number) => Math.floor((epochMs + offsetMinutes * 60_000) / DAY_MS);
const civilOf = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: CivilDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A promise scale over the orders: units until a local day, and the day a padding promises. */
interface Scale {
  policy: TunePolicy;
  /** The least padding whose promised day is on or after `day` (the excess of an arrival that day). */
  unitsUntil(order: number, day: number): number;
  promisedDay(order: number, padding: number): number;
  /** Orders that can be promised (settings: a lane matched). */
  canPromise(order: number): boolean;
  /** The padding every lane starts with, or null to wait for enough history. */
  initial: number | null;
}

function buildScale(orders: readonly HistoryOrder[], orderDay: readonly number[], options: BacktestOptions): Scale {
  const base = { ...DEFAULT_TUNE_POLICY, ...options.policy };
  const everyOrder = () => true;
  if (options.scale.kind === "days") {
    return { policy: base, unitsUntil: (i, day) => day - orderDay[i], promisedDay: (i, p) => orderDay[i] + p, canPromise: everyOrder, initial: null };
  }
  if (options.scale.kind === "hours") {
    const local = orders.map((order) => order.orderedAt + order.orderedOffsetMinutes * 60_000);
    // The step and the cap keep their meaning in days: one day per week, 14 days.
    const policy = { ...base, maxStepPerRun: base.maxStepPerRun * 24, maxPadding: base.maxPadding * 24, unit: { one: "hour", other: "hours" } };
    return {
      policy,
      unitsUntil: (i, day) => Math.ceil((day * DAY_MS - local[i]) / HOUR_MS),
      promisedDay: (i, p) => Math.floor((local[i] + p * HOUR_MS) / DAY_MS),
      canPromise: everyOrder,
      initial: null,
    };
  }
  return settingsScale(orders, orderDay, options.scale.config, { ...base, unit: { one: "carrier day", other: "carrier days" } });
}

/** The settings' raw latest date per order (the promise engine without padding), and carrier delivery days after it. */
function settingsScale(orders: readonly HistoryOrder[], orderDay: readonly number[], config: PromiseConfig, policy: TunePolicy): Scale {
  const raw: PromiseConfig = { ...config, paddingDays: 0, validUntil: undefined };
  const answers = new Map<string, number | null>();
  const latest = orders.map((order) => {
    const method = { handle: order.method ?? undefined, title: order.method ?? undefined };
    const { timeZone } = destinationZone(order.country, order.region, config.timeZone);
    const destination = { countryCode: order.country ?? "", provinceCode: order.region ?? undefined, postalCode: order.postal ?? undefined, timeZone };
    const match = matchLane(config.lanes, method, destination);
    if (match === null) return null;
    // The engine's answer depends on the order only through its shop date, the cut-off, the lane and the
    // destination's zone (compute-promise.ts), so orders that share them share one call.
    const clock = wallClockAt(order.orderedAt, config.timeZone);
    const cutoff = config.cutoffs[weekdayOf(clock.date)];
    const key = `${clock.date}|${cutoff !== undefined && clock.minuteOfDay < cutoffToMinutes(cutoff)}|${match.lane.id}|${timeZone}`;
    if (!answers.has(key)) {
      const result = computePromise(raw, { orderedAt: order.orderedAt, method, destination });
      answers.set(key, result.ok ? dayOf(result.latest) : null);
    }
    return answers.get(key) ?? null;
  });
  const days = [...orderDay, ...orders.map((order) => localDay(order.deliveredAt, order.deliveredOffsetMinutes))];
  for (const day of latest) if (day !== null) days.push(day);
  const start = days.reduce((a, b) => Math.min(a, b), Infinity) - 1;
  const end = days.reduce((a, b) => Math.max(a, b), -Infinity) + 2 * policy.maxPadding + 60;
  const carrier = createWorkCalendar(config.carrier.deliveryDays, config.carrier.closedDates);
  const openBefore: number[] = []; // open carrier days in [start, day)
  const openDays: number[] = [];
  for (let day = start; day <= end; day++) {
    openBefore.push(openDays.length);
    if (isOpenDay(carrier, civilOf(day))) openDays.push(day);
  }
  const before = (day: number) => openBefore[Math.min(Math.max(day - start, 0), openBefore.length - 1)];
  // The latest date is an open carrier day: its index in openDays is the count of open days before it.
  const latestIndex = latest.map((day) => (day === null ? -1 : before(day)));
  return {
    policy,
    unitsUntil: (i, day) => before(day) - latestIndex[i],
    promisedDay: (i, p) => openDays[Math.min(latestIndex[i] + p, openDays.length - 1)],
    canPromise: (i) => latestIndex[i] >= 0,
    initial: config.paddingDays,
  };
}

function laneChain(order: HistoryOrder, laneBy: readonly LanePart[]): string[] {
  const parts = laneBy.map((part) => {
    const value = order[part.field];
    return value === null || value === "" ? "(none)" : part.field === "postal" ? value.slice(0, part.length) : value;
  });
  // The lane, then its parents: the key with its last part dropped, down to the whole shop.
  return [...parts.map((_part, index) => parts.slice(0, parts.length - index).join(" / ")), SHOP_KEY];
}

type Sums = { orders: number; kept: number; lead: number; early: number; lateDays: number };
const emptySums = (): Sums => ({ orders: 0, kept: 0, lead: 0, early: 0, lateDays: 0 });

function count(sums: Sums, orderDay: number, promisedDay: number, deliveredDay: number): boolean {
  const kept = deliveredDay <= promisedDay;
  sums.orders += 1;
  sums.lead += promisedDay - orderDay;
  if (kept) [sums.kept, sums.early] = [sums.kept + 1, sums.early + promisedDay - deliveredDay];
  else sums.lateDays += deliveredDay - promisedDay;
  return kept;
}

function figuresOf(sums: Sums): Figures {
  const { orders, kept } = sums;
  const late = orders - kept;
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    orders,
    keptRate: share(kept, orders),
    meanLeadDays: share(sums.lead, orders),
    meanDaysEarly: share(sums.early, kept),
    lateShare: share(late, orders),
    meanDaysLate: share(sums.lateDays, late),
  };
}

interface LaneState {
  key: string;
  parentKey: string;
  padding: number | null;
  lastChangeAt: number | null;
  seen: boolean;
  due: { day: number; kept: boolean }[];
  dueHead: number;
  dueKept: number;
  tuned: Sums;
  history: Sums;
  notPromised: number;
  changes: LaneReport["changes"];
  lastProposal: PaddingProposal | null;
}

/**
 * Replays the history in order of `orderedAt` and promises each order the padding its lane had then: what the
 * tuner (tunePadding, the same code the app runs) would have chosen from what was known at that instant.
 */
export function runBacktest(orders: readonly HistoryOrder[], options: BacktestOptions): BacktestResult {
  const orderDay = orders.map((order) => localDay(order.orderedAt, order.orderedOffsetMinutes));
  const deliveredDay = orders.map((order) => localDay(order.deliveredAt, order.deliveredOffsetMinutes));
  const scale = buildScale(orders, orderDay, options);
  const { policy } = scale;
  const sorted = orders.map((_order, index) => index).sort((a, b) => orders[a].orderedAt - orders[b].orderedAt || a - b);

  const chains = orders.map((order) => laneChain(order, options.laneBy));
  const lanes = new Map<string, LaneState>();
  const groupKeys = new Map<string, string | null>(); // group → parent
  const newLane = (key: string, parentKey: string): LaneState => ({
    ...{ key, parentKey, padding: scale.initial, lastChangeAt: null, seen: false, due: [], dueHead: 0, dueKept: 0 },
    ...{ tuned: emptySums(), history: emptySums(), notPromised: 0, changes: [], lastProposal: null },
  });
  for (const chain of chains) {
    if (!lanes.has(chain[0])) lanes.set(chain[0], newLane(chain[0], chain[1]));
    for (let level = 1; level < chain.length; level++) groupKeys.set(chain[level], chain[level + 1] ?? null);
  }
  const laneOf = chains.map((chain) => lanes.get(chain[0]) as LaneState);

  // What is known at `now` (00:00 UTC of the day): one observation per order placed before it, kept per lane
  // and group in order of placing, censored while the order is on its way and updated in place when it
  // arrives, so a day costs the orders in transit, not the window. Orders older than the window (their
  // weight is below the policy's minimum, and the tuner skips them) are cut off once a week.
  const window = observationWindowMs(policy);
  const allKeys = [...lanes.keys(), ...groupKeys.keys()];
  const observed = new Map<string, TuneObservation[]>(allKeys.map((key) => [key, []]));
  const observationOf: TuneObservation[] = [];
  let inTransit: number[] = [];
  let placedUpTo = 0;
  let compactedAt = -Infinity;
  const snapshot = (now: number) => {
    for (; placedUpTo < sorted.length && orders[sorted[placedUpTo]].orderedAt < now; placedUpTo++) {
      const i = sorted[placedUpTo];
      if (!scale.canPromise(i)) continue;
      observationOf[i] = { excess: 0, censored: true, orderedAt: orders[i].orderedAt };
      for (const key of chains[i]) (observed.get(key) as TuneObservation[]).push(observationOf[i]);
      inTransit.push(i);
    }
    inTransit = inTransit.filter((i) => {
      const order = orders[i];
      const observation = observationOf[i];
      if (order.deliveredAt < now) {
        [observation.excess, observation.censored] = [scale.unitsUntil(i, deliveredDay[i]), false];
        return false;
      }
      // Not arrived by now: it arrives on or after today's local date, so every unit before that one has passed.
      observation.excess = scale.unitsUntil(i, localDay(now, order.orderedOffsetMinutes)) - 1;
      return true;
    });
    if (now - compactedAt >= WEEK_MS) {
      for (const [key, list] of observed) {
        const first = list.findIndex((observation) => observation.orderedAt >= now - window);
        observed.set(key, first < 0 ? [] : list.slice(first));
      }
      compactedAt = now;
    }
    return observed;
  };

  const tune = (targets: LaneState[], now: number, known: Map<string, TuneObservation[]>) => {
    const groups = [...groupKeys].map(([key, parentKey]) => ({ key, parentKey, observations: known.get(key) ?? [] }));
    const input = (lane: LaneState): TuneLane => ({
      key: lane.key,
      parentKey: lane.parentKey,
      current: lane.padding ?? 0,
      observedKeptRate: lane.due.length > lane.dueHead ? lane.dueKept / (lane.due.length - lane.dueHead) : null,
      observations: known.get(lane.key) ?? [],
    });
    for (const calibrating of [false, true]) {
      // A lane without a padding yet takes its first one straight from the history (no step from an arbitrary start).
      const batch = targets.filter((lane) => (lane.padding === null) === calibrating);
      if (batch.length === 0) continue;
      const runPolicy = calibrating ? { ...policy, maxStepPerRun: Infinity } : policy;
      const lanesIn = batch.map(input);
      options.onTune?.({ now, lanes: lanesIn, groups });
      const proposals = tunePadding({ lanes: lanesIn, groups, target: options.target, now, policy: runPolicy });
      proposals.forEach((proposal, index) => {
        const lane = batch[index];
        lane.lastProposal = proposal;
        // Too few arrivals, or so many still in transit that no padding is known to reach the target: keep waiting.
        if (calibrating && (proposal.held === "min-sample" || proposal.ideal === null)) return;
        if (lane.padding === proposal.proposed) return;
        lane.padding = proposal.proposed;
        lane.lastChangeAt = now;
        // A first padding has no "from": the tuner was asked with 0 in force.
        const reason = calibrating ? proposal.reason.replace(/^(Raising from \S+ \S+ to|Keeping) /, "Starting at ") : proposal.reason;
        lane.changes.push({ date: civilOf(now / DAY_MS), padding: proposal.proposed, reason });
      });
    }
  };

  const dueByDay = new Map<number, { lane: LaneState; kept: boolean }[]>();
  let releasedUpTo: number | null = null;
  const release = (today: number) => {
    for (let day = releasedUpTo ?? today - 1; day < today; day++) {
      for (const { lane, kept } of dueByDay.get(day) ?? []) {
        lane.due.push({ day, kept });
        lane.dueKept += kept ? 1 : 0;
      }
      dueByDay.delete(day);
    }
    releasedUpTo = today;
    for (const lane of lanes.values()) {
      while (lane.dueHead < lane.due.length && lane.due[lane.dueHead].day < today - RECENT_DUE_DAYS) lane.dueKept -= lane.due[lane.dueHead++].kept ? 1 : 0;
    }
  };

  const promises: BacktestResult["promises"] = orders.map(() => null);
  const overall = { tuned: emptySums(), history: emptySums(), notPromised: 0 };
  let today: number | null = null;
  let known: Map<string, TuneObservation[]> | null = null; // today's snapshot, once taken
  for (let position = 0; position < sorted.length; position++) {
    const i = sorted[position];
    const order = orders[i];
    const lane = laneOf[i];
    const day = Math.floor(order.orderedAt / DAY_MS);
    const now = day * DAY_MS;
    if (day !== today) {
      today = day;
      known = null;
      release(day);
      const due = [...lanes.values()].filter((entry) => entry.seen && (entry.lastChangeAt === null || now - entry.lastChangeAt >= WEEK_MS));
      if (due.length > 0) tune(due, now, (known = snapshot(now)));
    }
    if (!lane.seen && scale.canPromise(i)) {
      lane.seen = true;
      // A lane new today gets its first padding from what its parents knew this morning.
      if (lane.padding === null) tune([lane], now, (known ??= snapshot(now)));
    }
    if (lane.padding === null || !scale.canPromise(i)) {
      lane.notPromised += 1;
      overall.notPromised += 1;
      continue;
    }
    const promisedDay = scale.promisedDay(i, lane.padding);
    promises[i] = { padding: lane.padding, promised: civilOf(promisedDay) };
    const kept = count(lane.tuned, orderDay[i], promisedDay, deliveredDay[i]);
    count(overall.tuned, orderDay[i], promisedDay, deliveredDay[i]);
    if (order.promisedDate !== null) {
      count(lane.history, orderDay[i], dayOf(order.promisedDate), deliveredDay[i]);
      count(overall.history, orderDay[i], dayOf(order.promisedDate), deliveredDay[i]);
    }
    // Known kept when it arrives; known late when the promised day ends (in the order's local calendar).
    const dueAt = kept ? order.deliveredAt : (promisedDay + 1) * DAY_MS - order.orderedOffsetMinutes * 60_000;
    const dueDay = Math.max(Math.floor(dueAt / DAY_MS), day);
    if (!dueByDay.has(dueDay)) dueByDay.set(dueDay, []);
    (dueByDay.get(dueDay) as { lane: LaneState; kept: boolean }[]).push({ lane, kept });
  }

  const report = (lane: LaneState): LaneReport => ({
    key: lane.key,
    tuned: figuresOf(lane.tuned),
    history: lane.history.orders > 0 ? figuresOf(lane.history) : null,
    notPromised: lane.notPromised,
    padding: lane.padding,
    changes: lane.changes,
    lastProposal: lane.lastProposal,
  });
  return {
    unit: policy.unit.one,
    target: options.target,
    overall: { tuned: figuresOf(overall.tuned), history: overall.history.orders > 0 ? figuresOf(overall.history) : null, notPromised: overall.notPromised },
    lanes: [...lanes.values()].map(report).sort((a, b) => b.tuned.orders + b.notPromised - (a.tuned.orders + a.notPromised) || a.key.localeCompare(b.key)),
    promises,
  };
}
