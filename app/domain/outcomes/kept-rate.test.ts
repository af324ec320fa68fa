import { describe, expect, it } from "vitest";
import { keptRateOf, laneAlerts, type OutcomeCount } from "./kept-rate";
import { weeklyTrend } from "./weekly-trend";

const row = (verdict: string, count: number, lateCause: string | null = null, daysEarlySum: number | null = null): OutcomeCount => ({
  verdict,
  lateCause,
  count,
  daysEarlySum,
});

describe("the kept-rate", () => {
  it("counts kept and late promises only, with the mean days early of the kept ones and late ones by cause", () => {
    const rate = keptRateOf([row("kept", 18, null, 27), row("late", 1, "carrier", -1), row("late", 1, "warehouse", -2), row("open", 40)]);
    expect(rate).toEqual({ due: 20, kept: 18, late: 2, rate: 0.9, meanDaysEarly: 1.5, lateByCause: { warehouse: 1, carrier: 1, both: 0 } });
  });

  it("has no rate when nothing was due", () => {
    expect(keptRateOf([row("open", 3), row("not_applicable", 2)])).toMatchObject({ due: 0, rate: null, meanDaysEarly: null });
  });
});

describe("lane alerts", () => {
  const lane = (laneKey: string, kept: number, late: number, cause = "carrier") => ({
    laneKey,
    keptRate: keptRateOf([row("kept", kept, null, 0), row("late", late, cause)]),
  });

  it("name the lanes below target with enough due promises, worst first, with the main cause", () => {
    const alerts = laneAlerts([lane("se-north", 44, 6), lane("se-standard", 95, 5), lane("de-standard", 17, 3, "warehouse"), lane("tiny", 10, 9)], 0.95);
    expect(alerts).toEqual([
      { laneKey: "de-standard", rate: 0.85, target: 0.95, due: 20, mainCause: "warehouse" },
      { laneKey: "se-north", rate: 0.88, target: 0.95, due: 50, mainCause: "carrier" },
    ]);
  });
});

describe("the weekly trend", () => {
  it("groups due promises by the Monday of their promised date, oldest week first, empty weeks included", () => {
    const dated = (promisedDate: string, verdict: string, count: number) => ({
      ...row(verdict, count, verdict === "late" ? "carrier" : null, 0),
      promisedDate,
    });
    // Today is Mon 7 Dec 2026: the last week starts today, the one before on Mon 30 Nov
    const trend = weeklyTrend(
      [dated("2026-11-29", "kept", 9), dated("2026-11-23", "late", 1), dated("2026-11-30", "kept", 3), dated("2026-12-06", "late", 1)],
      "2026-12-07",
      3,
    );
    expect(trend.map(({ weekOf, due, rate }) => [weekOf, due, rate])).toEqual([
      ["2026-11-23", 10, 0.9],
      ["2026-11-30", 4, 0.75],
      ["2026-12-07", 0, null],
    ]);
  });
});
