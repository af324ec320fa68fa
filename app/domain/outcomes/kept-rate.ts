// Kept-rates from counted outcomes: the share of due promises that were kept, over the promises shoppers
// saw whose promised date has come (kept, or late: arrived late or not arrived by the end of the day).
// Open promises are not due yet and count nowhere; orders without a promise are counted apart.

/** Outcomes counted by verdict and late cause, with the sum of days early (kept ones), as a database groups them. */
export type OutcomeCount = { verdict: string; lateCause: string | null; count: number; daysEarlySum: number | null };

export type KeptRate = {
  /** Promises due in the period: kept + late. */
  due: number;
  kept: number;
  late: number;
  /** kept / due, or null when nothing was due. */
  rate: number | null;
  /** Mean days early over the kept ones (0 = on the day), or null. */
  meanDaysEarly: number | null;
  lateByCause: { warehouse: number; carrier: number; both: number };
};

export function keptRateOf(counts: readonly OutcomeCount[]): KeptRate {
  let kept = 0;
  let late = 0;
  let earlySum = 0;
  const lateByCause = { warehouse: 0, carrier: 0, both: 0 };
  for (const row of counts) {
    if (row.verdict === "kept") {
      kept += row.count;
      earlySum += row.daysEarlySum ?? 0;
    } else if (row.verdict === "late") {
      late += row.count;
      if (row.lateCause === "warehouse" || row.lateCause === "carrier" || row.lateCause === "both") lateByCause[row.lateCause] += row.count;
    }
  }
  const due = kept + late;
  return { due, kept, late, rate: due === 0 ? null : kept / due, meanDaysEarly: kept === 0 ? null : earlySum / kept, lateByCause };
}

/** The fewest due promises a lane needs before its kept-rate is compared with the target. */
const ALERT_MIN_DUE = 20;

/** A lane below target: its kept-rate, the target and the cause that broke most of its promises. */
export type LaneAlert = { laneKey: string; rate: number; target: number; due: number; mainCause: "warehouse" | "carrier" | "both" };

/** Lanes whose kept-rate is below `target` over enough due promises, worst first. */
export function laneAlerts(lanes: readonly { laneKey: string; keptRate: KeptRate }[], target: number): LaneAlert[] {
  return lanes
    .filter(({ keptRate }) => keptRate.rate !== null && keptRate.due >= ALERT_MIN_DUE && keptRate.rate < target)
    .map(({ laneKey, keptRate }) => {
      const causes = Object.entries(keptRate.lateByCause) as [LaneAlert["mainCause"], number][];
      const [mainCause] = causes.reduce((best, next) => (next[1] > best[1] ? next : best));
      return { laneKey, rate: keptRate.rate as number, target, due: keptRate.due, mainCause };
    })
    .sort((a, b) => a.rate - b.rate);
}
