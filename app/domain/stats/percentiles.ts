const DAY_MS = 86_400_000;

/**
 * The p-th percentile (0–100) of a list of numbers, or null for an empty list. Uses linear
 * interpolation between the two nearest ranks (the "inclusive" method of spreadsheets and R type 7),
 * so the 50th percentile of an even-sized list is the mean of its two middle values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** The median (50th percentile) of a list of numbers, or null when there are none. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** Summary of delivery times in days: how many, the median and the 90th percentile. */
export type DaysSummary = { count: number; medianDays: number | null; p90Days: number | null };

export function summarizeDays(values: readonly number[]): DaysSummary {
  return { count: values.length, medianDays: median(values), p90Days: percentile(values, 90) };
}

/**
 * Elapsed time between two instants in days (fractional, not calendar days): 36 hours is 1.5 days.
 * Null when either instant is missing or the end lies before the start (inconsistent data).
 */
export function elapsedDays(from: Date | null | undefined, to: Date | null | undefined): number | null {
  if (!from || !to) return null;
  const ms = to.getTime() - from.getTime();
  return ms < 0 ? null : ms / DAY_MS;
}
