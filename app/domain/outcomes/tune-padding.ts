// The padding tuner: per lane, the least padding whose expected kept-rate meets the merchant's target, learned
// from the shop's own deliveries (docs/backtest.md, "The tuner"). Generic over the unit: the app measures
// "excess" in carrier delivery days after the carrier's raw latest date, the backtest in calendar days or hours
// after the order. Pure: the clock (`now`) and the history are inputs.
import { cdfAt, effectiveSize, emptyTally, addToTally, kaplanMeier, leastValueReaching, mergeTallies, type Tally } from "./kaplan-meier";

/** One order of a lane's history, in the tuner's unit. */
export interface TuneObservation {
  /** Units past the baseline at which it arrived; censored (in transit): the last unit known to have passed without it. */
  excess: number;
  censored: boolean;
  /** Epoch ms, for the recency weight. Orders placed after `now` are ignored. */
  orderedAt: number;
}

/** A parent group the lanes may borrow from (method × country, method, the whole shop), by key. */
export interface TuneGroup {
  key: string;
  parentKey: string | null;
  observations: readonly TuneObservation[];
}

export interface TuneLane extends TuneGroup {
  /** The padding in force. */
  current: number;
  /** The kept-rate of the lane's recently due promises, or null when none came due (guards against lowering). */
  observedKeptRate: number | null;
}

/** The tuner's knobs; each is documented on DEFAULT_TUNE_POLICY. */
export interface TunePolicy {
  halfLifeDays: number;
  minWeight: number;
  minSample: number;
  borrowUpTo: number;
  maxStepPerRun: number;
  maxPadding: number;
  unit: { one: string; other: string };
}

export const DEFAULT_TUNE_POLICY: TunePolicy = {
  /** An order's weight halves every 28 days of age: 0.5^(ageDays / 28). */
  halfLifeDays: 28,
  /** Orders whose weight fell below 1% are dropped (older than about 26.6 weeks at a 28-day half-life). */
  minWeight: 0.01,
  /** The effective number of arrivals (own plus borrowed) needed before the padding leaves its current value. */
  minSample: 30,
  /** A lane with fewer effective arrivals than this is pooled with its parent, up to this many in all. */
  borrowUpTo: 100,
  /** The most the padding moves in one run; the app runs weekly, so this bounds the change per week. */
  maxStepPerRun: 1,
  /** Never more padding than this (and never less than 0). */
  maxPadding: 14,
  /** The unit's name in the reason sentence. */
  unit: { one: "day", other: "days" },
};

type Held = "min-sample" | "step-bound" | "below-target" | "unreachable";

export interface PaddingProposal {
  key: string;
  current: number;
  proposed: number;
  /** The least padding reaching the target before guardrails (capped at maxPadding), or null when no padding reaches it. */
  ideal: number | null;
  /** F(padding) of the pooled curve: the expected kept-rate; null with no arrival to learn from. */
  expectedAtCurrent: number | null;
  expectedAtProposed: number | null;
  /** Effective arrivals (Kish), the lane's own and borrowed from its parents. */
  sample: { own: number; borrowed: number };
  basis: "own" | "pooled" | "parent-only";
  held: Held | null;
  /** One sentence a merchant can read. */
  reason: string;
}

interface Pool {
  tally: Tally;
  own: number;
  borrowed: number;
  /** Arrival weight per effective arrival, the currency a child's borrowed share is counted in. */
  unit: number;
  basis: PaddingProposal["basis"];
  from: string | null;
}

const DAY_MS = 86_400_000;

/** The age past which an order's recency weight falls below `policy.minWeight`, in ms (the backtest's window). */
export function observationWindowMs(policy: TunePolicy): number {
  return policy.halfLifeDays * Math.log2(1 / policy.minWeight) * DAY_MS;
}

function ownTally(observations: readonly TuneObservation[], now: number, policy: TunePolicy): Tally {
  const tally = emptyTally();
  const decay = Math.LN2 / (policy.halfLifeDays * DAY_MS);
  for (const { excess, censored, orderedAt } of observations) {
    if (orderedAt > now) continue;
    const weight = Math.exp(-(now - orderedAt) * decay);
    if (weight >= policy.minWeight) addToTally(tally, excess, censored, weight);
  }
  return tally;
}

/**
 * Own observations, plus the parent's (itself pooled) scaled to make up `borrowUpTo` effective arrivals. A
 * parent's observations include its children's (method × country holds every region's orders), so it lends
 * only its effective sample beyond the borrower's own: a shop with one lane borrows nothing from itself.
 */
function pool(tally: Tally, parentKey: string | null, parentPool: () => Pool | null, policy: TunePolicy): Pool {
  const own = effectiveSize(tally);
  const ownUnit = own > 0 ? tally.eventWeight / own : 0;
  // The parent is only worked out when the lane needs it (a busy lane never pays for its parents).
  const parent = own >= policy.borrowUpTo ? null : parentPool();
  const borrowed = parent === null ? 0 : Math.min(policy.borrowUpTo - own, parent.own + parent.borrowed - own);
  if (parent === null || borrowed <= 0) return { tally, own, borrowed: 0, unit: ownUnit, basis: "own", from: null };
  const unit = own > 0 ? ownUnit : parent.unit;
  const merged = mergeTallies(tally, parent.tally, (borrowed * unit) / parent.tally.eventWeight);
  return { tally: merged, own, borrowed, unit, basis: own > 0 ? "pooled" : "parent-only", from: parentKey };
}

/**
 * Proposes each lane's padding: the least whole padding p with F(p) ≥ target, where F is the weighted
 * Kaplan-Meier distribution of the lane's excess (in-transit orders censored at the units elapsed, recent
 * orders weighing more, thin lanes pooled with their parents), then the guardrails in this order:
 * - min-sample: fewer than `minSample` effective arrivals (own plus borrowed) keep the current padding;
 * - unreachable: no padding up to the cap reaches the target, so it rises by at most one step;
 * - below-target: never lower while the lane's observed kept-rate is below the target;
 * - step-bound: at most `maxStepPerRun` up or down per run; and always within 0…maxPadding.
 * Deterministic: the same input gives the same proposals.
 */
export function tunePadding(input: {
  lanes: readonly TuneLane[];
  groups?: readonly TuneGroup[];
  target: number;
  now: number;
  policy?: Partial<TunePolicy>;
}): PaddingProposal[] {
  const policy = { ...DEFAULT_TUNE_POLICY, ...input.policy };
  const groups = new Map((input.groups ?? []).map((group) => [group.key, group]));
  const pools = new Map<string, Pool | null>();
  const groupPool = (key: string | null): Pool | null => {
    const group = key === null ? undefined : groups.get(key);
    if (group === undefined || pools.has(group.key)) return group === undefined ? null : (pools.get(group.key) ?? null);
    pools.set(group.key, null); // a cycle of parents ends here
    const result = pool(ownTally(group.observations, input.now, policy), group.parentKey, () => groupPool(group.parentKey), policy);
    pools.set(group.key, result);
    return result;
  };
  return input.lanes.map((lane) => {
    const pooled = pool(ownTally(lane.observations, input.now, policy), lane.parentKey, () => groupPool(lane.parentKey), policy);
    return decide(lane, pooled, input.target, policy);
  });
}

function decide(lane: TuneLane, pooled: Pool, target: number, policy: TunePolicy): PaddingProposal {
  const { current } = lane;
  const curve = kaplanMeier(pooled.tally);
  const reach = leastValueReaching(curve, target);
  const wanted = reach.value === null ? Infinity : Math.max(0, reach.value);
  const size = pooled.own + pooled.borrowed;
  const bounded = Math.min(Math.max(wanted, current - policy.maxStepPerRun), current + policy.maxStepPerRun);
  const isBelowTarget = lane.observedKeptRate !== null && lane.observedKeptRate < target;
  let proposed = Math.min(Math.max(isBelowTarget ? Math.max(current, bounded) : bounded, 0), policy.maxPadding);
  let held: Held | null = null;
  if (size < policy.minSample) [proposed, held] = [current, "min-sample"];
  else if (wanted > policy.maxPadding) held = "unreachable";
  else if (isBelowTarget && wanted < current) held = "below-target";
  else if (proposed !== wanted) held = "step-bound";
  const hasArrivals = pooled.tally.eventWeight > 0;
  const proposal = {
    key: lane.key,
    current,
    proposed,
    ideal: reach.value === null ? null : Math.min(wanted, policy.maxPadding),
    expectedAtCurrent: hasArrivals ? cdfAt(curve, current) : null,
    expectedAtProposed: hasArrivals ? cdfAt(curve, proposed) : null,
    sample: { own: roundTenth(pooled.own), borrowed: roundTenth(pooled.borrowed) },
    basis: pooled.basis,
    held,
  };
  return { ...proposal, reason: explain(proposal, { wanted, maxCdf: reach.maxCdf, target, observed: lane.observedKeptRate, from: pooled.from, policy }) };
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;

/** A share as a merchant reads it, rounded down so 94.96% never reads as the 95% target: "94.9%". */
const percent = (share: number) => `${Math.floor(share * 1000 + 1e-9) / 10}%`;

function explain(
  proposal: Omit<PaddingProposal, "reason">,
  facts: { wanted: number; maxCdf: number; target: number; observed: number | null; from: string | null; policy: TunePolicy },
): string {
  const { current, proposed, held, sample } = proposal;
  const { policy, target } = facts;
  const units = (n: number) => `${n} ${n === 1 ? policy.unit.one : policy.unit.other}`;
  const change =
    proposed > current
      ? `Raising from ${units(current)} to ${units(proposed)}`
      : proposed < current
        ? `Lowering from ${units(current)} to ${units(proposed)}`
        : `Keeping ${units(current)}`;
  // Rounded down, so a lane held for want of 30 never reads "about 30".
  const own = Math.floor(sample.own);
  const borrowed = Math.floor(sample.borrowed);
  const basis =
    proposal.basis === "own"
      ? `about ${own} recent deliveries`
      : proposal.basis === "pooled"
        ? `about ${own} recent deliveries plus ${borrowed} borrowed from ${facts.from}`
        : `about ${borrowed} recent deliveries of ${facts.from}, none of its own yet`;
  const expected = percent(proposal.expectedAtProposed ?? 0);
  switch (held) {
    case "min-sample":
      return `${change}: only ${basis} to learn from, and ${policy.minSample} are needed before the padding changes.`;
    case "unreachable":
      return facts.wanted === Infinity
        ? `${change}: no padding reaches the ${percent(target)} target in ${basis} (at most ${percent(facts.maxCdf)} arrived in time; the rest are late or still on their way).`
        : `${change}: keeping ${percent(target)} of promises would take ${units(facts.wanted)}, judging by ${basis}, more than the cap of ${units(policy.maxPadding)}.`;
    case "below-target":
      return `${change}: ${units(facts.wanted)} would keep ${percent(target)}, judging by ${basis}, but only ${percent(facts.observed ?? 0)} of recent promises were kept, below the target.`;
    case "step-bound":
      return `${change}, at most ${units(policy.maxStepPerRun)} per run: ${units(facts.wanted)} is the least padding keeping ${percent(target)}, judging by ${basis} (${expected} expected at ${units(proposed)}).`;
    default:
      return `${change}: the least padding that keeps ${percent(target)} of promises, judging by ${basis} (${expected} expected).`;
  }
}
