// The weighted Kaplan-Meier (product-limit) estimator over whole units (days, hours, carrier days), for
// "how likely is a parcel to have arrived within d units". Orders still in transit are right-censored: they
// are known to arrive after the units elapsed so far, so they count as at risk up to that point and then
// leave without counting as an arrival. Ignoring them would make slow lanes look fast exactly when the
// carrier slows down, because the slow parcels are the ones that have not arrived yet.

/** One order: the units it took (an arrival), or the last unit known to have passed without one (censored). */
export interface WeightedObservation {
  /** Whole units, may be negative. Censored: the arrival is known to come strictly after this value. */
  value: number;
  censored: boolean;
  /** How much the observation counts (recency weight); 0 or less counts nothing. */
  weight: number;
}

/** Observations summed by value: the shape the estimator works on and pooling adds up. */
export interface Tally {
  byValue: Map<number, { events: number; censored: number }>;
  /** Σw and Σw² over the arrivals (uncensored), for the effective sample size. */
  eventWeight: number;
  eventWeightSquares: number;
}

/** F(d) = P(value ≤ d) as a step function: `points` are the event values in ascending order with F just after them. */
export interface SurvivalCurve {
  points: readonly { value: number; cdf: number }[];
  /** The highest F reached. Below 1 when the largest observations are censored (the tail is not known yet). */
  maxCdf: number;
}

/** Tolerance for F ≥ target, so 19 arrivals out of 20 meet a 0.95 target despite floating-point sums. */
const EPSILON = 1e-12;

export function emptyTally(): Tally {
  return { byValue: new Map(), eventWeight: 0, eventWeightSquares: 0 };
}

/** Adds one observation to a tally (in place). */
export function addToTally(tally: Tally, value: number, censored: boolean, weight: number): void {
  if (!(weight > 0)) return;
  let entry = tally.byValue.get(value);
  if (entry === undefined) {
    entry = { events: 0, censored: 0 };
    tally.byValue.set(value, entry);
  }
  if (censored) {
    entry.censored += weight;
  } else {
    entry.events += weight;
    tally.eventWeight += weight;
    tally.eventWeightSquares += weight * weight;
  }
}

/** A new tally holding `base` plus `extra` with every weight multiplied by `scale` (pooling a parent into a lane). */
export function mergeTallies(base: Tally, extra: Tally, scale: number): Tally {
  const merged = emptyTally();
  for (const [source, factor] of [
    [base, 1],
    [extra, scale],
  ] as const) {
    for (const [value, entry] of source.byValue) {
      addToTally(merged, value, false, entry.events * factor);
      addToTally(merged, value, true, entry.censored * factor);
    }
  }
  // Per-value sums would square aggregated weights; the arrivals' Σw² scales with the square of the factor.
  merged.eventWeight = base.eventWeight + extra.eventWeight * scale;
  merged.eventWeightSquares = base.eventWeightSquares + extra.eventWeightSquares * scale * scale;
  return merged;
}

/** Kish's effective sample size (Σw)²/Σw² of the tally's arrivals: n for n equal weights, less when a few weigh most. */
export function effectiveSize(tally: Tally): number {
  return tally.eventWeightSquares > 0 ? (tally.eventWeight * tally.eventWeight) / tally.eventWeightSquares : 0;
}

/** Kish's effective sample size of the uncensored observations (censored ones carry no arrival). */
export function effectiveSampleSize(observations: readonly WeightedObservation[]): number {
  return effectiveSize(tallyOf(observations));
}

function tallyOf(observations: readonly WeightedObservation[]): Tally {
  const tally = emptyTally();
  for (const { value, censored, weight } of observations) addToTally(tally, value, censored, weight);
  return tally;
}

/**
 * The weighted product-limit estimate of F(d) = P(value ≤ d). At each value v with arrivals:
 * n_v = weight still at risk (every observation with value ≥ v, censored ones at v included: they are known to
 * arrive after v), d_v = weight of the arrivals at v, and S ← S · (1 − d_v / n_v); F = 1 − S.
 * A censored observation leaves the risk set after its value. With no censoring this is the weighted
 * empirical distribution.
 */
export function kaplanMeier(source: readonly WeightedObservation[] | Tally): SurvivalCurve {
  const tally = "byValue" in source ? source : tallyOf(source);
  const values = [...tally.byValue.keys()].sort((a, b) => a - b);
  let atRisk = 0;
  for (const entry of tally.byValue.values()) atRisk += entry.events + entry.censored;
  let survival = 1;
  const points: { value: number; cdf: number }[] = [];
  for (const value of values) {
    const entry = tally.byValue.get(value) as { events: number; censored: number };
    if (entry.events > 0) {
      survival = atRisk > entry.events ? survival * (1 - entry.events / atRisk) : 0;
      points.push({ value, cdf: 1 - survival });
    }
    atRisk -= entry.events + entry.censored;
  }
  return { points, maxCdf: points.length > 0 ? points[points.length - 1].cdf : 0 };
}

/** F(d): the estimated share of arrivals within `d` units (0 before the first arrival). */
export function cdfAt(curve: SurvivalCurve, d: number): number {
  const { points } = curve;
  let low = 0;
  let high = points.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (points[middle].value <= d) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? 0 : points[found].cdf;
}

/**
 * The least whole d with F(d) ≥ target: the padding that would have kept `target` of the promises.
 * `value` is null when the curve never gets there (`maxCdf` < target): too many observations are still in
 * transit (censored) beyond the last arrival for the history to say how long the tail is.
 */
export function leastValueReaching(curve: SurvivalCurve, target: number): { value: number | null; maxCdf: number } {
  const point = curve.points.find(({ cdf }) => cdf >= target - EPSILON);
  return { value: point === undefined ? null : point.value, maxCdf: curve.maxCdf };
}
