import { describe, expect, it } from "vitest";
import { generateHistory, historySpec, toCsv, type HistorySpec } from "../../../test/factories/delivery-history";
import { stockholmConfig } from "../../../test/factories/promise-config";
import { parseDeliveryHistory } from "../../schemas/outcomes/delivery-history";
import { addDays } from "../promise/civil-date";
import { computePromise } from "../promise/compute-promise";
import { runBacktest, type BacktestOptions, type HistoryOrder } from "./backtest";

const BY_METHOD_AND_COUNTRY: BacktestOptions["laneBy"] = [{ field: "method" }, { field: "country" }];
const DAYS: BacktestOptions = { target: 0.93, laneBy: BY_METHOD_AND_COUNTRY, scale: { kind: "days" } };
const HOURS: BacktestOptions = { ...DAYS, scale: { kind: "hours" } };

function ordersOf(spec: HistorySpec): HistoryOrder[] {
  const parsed = parseDeliveryHistory(toCsv(generateHistory(spec)));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.orders;
}

/** The padding a lane had in force on `date` (from its list of changes). */
function paddingOn(changes: readonly { date: string; padding: number }[], date: string): number | null {
  return changes.filter((change) => change.date <= date).at(-1)?.padding ?? null;
}

// The default scenario: 6,000 orders over a year from Mon 5 Jan 2026, weekends and Swedish holidays closed, heavy
// tails, DE's carrier 3 days slower for parcels shipped 25 May – 14 Jun, 20 orders to NO, FI from 6 Jul.
const history = ordersOf(historySpec());

describe("the backtest on a synthetic year", () => {
  it("lands on the target: within 1 point tuning hours, and whole days overshoot by up to 1.5 points", () => {
    // Whole days are coarse: the least padding reaching 93% usually keeps more (the next day down keeps less).
    // Tuning hours after the order's instant (a rolling cut-off) makes the steps 24 times finer.
    const hours = runBacktest(history, HOURS).overall.tuned.keptRate as number;
    const days = runBacktest(history, DAYS).overall.tuned.keptRate as number;
    expect(Math.abs(hours - 0.93)).toBeLessThanOrEqual(0.01);
    expect(days).toBeGreaterThanOrEqual(0.93 - 0.005);
    expect(days).toBeLessThanOrEqual(0.93 + 0.015);
  });

  it("raises the slowing carrier's padding during the slowdown and brings it back after", () => {
    // GIVEN the same orders with and without DE's three slow weeks (the generator draws the same numbers)
    const slow = runBacktest(history, DAYS).lanes.find(({ key }) => key === "standard / DE");
    const control = runBacktest(ordersOf(historySpec({ slowdown: null })), DAYS).lanes.find(({ key }) => key === "standard / DE");
    const difference = (date: string) => (paddingOn(slow?.changes ?? [], date) ?? 0) - (paddingOn(control?.changes ?? [], date) ?? 0);

    // THEN within three weeks of the end it is at least 2 days above, and 12 weeks later within a day of the control
    const during = Array.from({ length: 43 }, (_day, index) => difference(addDays("2026-05-25", index)));
    const later = Array.from({ length: 14 }, (_week, index) => difference(addDays("2026-09-07", 7 * index)));
    expect(Math.max(...during)).toBeGreaterThanOrEqual(2);
    expect(later.every((days) => Math.abs(days) <= 1)).toBe(true);
  });

  it("lets the 20-order lane borrow from its parent", () => {
    const norway = runBacktest(history, DAYS).lanes.find(({ key }) => key === "standard / NO");
    expect(norway?.tuned.orders).toBe(20);
    expect(norway?.lastProposal).toMatchObject({ basis: "pooled", held: null });
    expect(norway?.lastProposal?.sample.borrowed).toBeGreaterThan(80);
    expect(norway?.lastProposal?.reason).toMatch(/plus \d+ borrowed from standard/);
  });

  it("gives a lane that starts mid-history a padding from its first order, from its parent", () => {
    const finland = runBacktest(history, DAYS).lanes.find(({ key }) => key === "standard / FI");
    expect(finland).toMatchObject({ notPromised: 0 });
    const [first] = finland?.changes ?? [];
    expect(first.date >= "2026-07-06").toBe(true);
    expect(first.reason).toContain("recent deliveries of standard, none of its own yet");
  });

  it("never lets a later arrival change an earlier promise", () => {
    // GIVEN the history, and a copy in which every parcel still on its way at noon on 1 Jul arrives 10 days later
    const cut = Date.parse("2026-07-01T12:00:00Z");
    const delayed = history.map((order) => (order.deliveredAt > cut ? { ...order, deliveredAt: order.deliveredAt + 10 * 86_400_000 } : order));

    // WHEN both are backtested
    const original = runBacktest(history, DAYS).promises;
    const changed = runBacktest(delayed, DAYS).promises;

    // THEN every order placed before the cut got the same promise, and later orders did change (the test is not
    // blind). The end-to-end form of the rule; the next test checks every tuner input itself.
    const before = history.flatMap((order, index) => (order.orderedAt < cut ? [index] : []));
    expect(before.length).toBeGreaterThan(2500);
    expect(before.map((index) => changed[index])).toEqual(before.map((index) => original[index]));
    const after = history.flatMap((order, index) => (order.orderedAt >= cut ? [index] : []));
    expect(after.some((index) => changed[index]?.padding !== original[index]?.padding)).toBe(true);
  });

  it("hands the tuner only what was known at its instant: arrivals before it, the rest censored at the days elapsed", () => {
    // GIVEN each order by its instant (the CSV has whole seconds: the rare instant two orders share is left out)
    const counts = new Map<number, number>();
    for (const { orderedAt } of history) counts.set(orderedAt, (counts.get(orderedAt) ?? 0) + 1);
    const byInstant = new Map(history.filter(({ orderedAt }) => counts.get(orderedAt) === 1).map((order) => [`${order.orderedAt}`, order]));
    const problems: string[] = [];
    let tunes = 0;

    // WHEN the backtest runs, every tuner input is checked against the history
    runBacktest(history, {
      ...DAYS,
      onTune: ({ now, groups }) => {
        tunes += 1;
        const shop = groups.find(({ parentKey }) => parentKey === null);
        for (const observation of shop?.observations ?? []) {
          if (counts.get(observation.orderedAt) !== 1) continue;
          const order = byInstant.get(`${observation.orderedAt}`);
          if (order === undefined || order.orderedAt >= now) problems.push(`${new Date(now).toISOString()}: an order not yet placed`);
          else if (!observation.censored && order.deliveredAt >= now) problems.push(`${new Date(now).toISOString()}: a future arrival`);
          else if (observation.censored && order.deliveredAt < now) problems.push(`${new Date(now).toISOString()}: a known arrival left in transit`);
        }
      },
    });

    // THEN no input ever held a future fact
    expect(tunes).toBeGreaterThan(300);
    expect(problems.length, problems.slice(0, 3).join("; ")).toBe(0);
  });
});

/** `count` orders, one every 6 hours from `first`, each delivered `days` local days later at 10:00 (offset in both). */
function steadyOrders(count: number, days: number, offset: string, first = "2026-03-02T23:30:00"): HistoryOrder[] {
  const offsetMinutes = (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return Array.from({ length: count }, (_order, index) => {
    const orderedAt = Date.parse(`${first}${offset}`) + index * 6 * 3_600_000;
    const localDate = new Date(orderedAt + offsetMinutes * 60_000).toISOString().slice(0, 10);
    const deliveredAt = Date.parse(`${addDays(localDate, days)}T10:00:00${offset}`);
    const place = { method: "standard", country: "SE", region: null, postal: "11122", promisedDate: null };
    return { orderedAt, orderedOffsetMinutes: offsetMinutes, deliveredAt, deliveredOffsetMinutes: offsetMinutes, ...place };
  });
}

describe("the backtest's calendar", () => {
  it("counts days on the order's own clock, not UTC, and waits for enough arrivals before promising", () => {
    // GIVEN orders at 23:30 in New York time (already the next day in UTC), each delivered the next local day
    const result = runBacktest(steadyOrders(200, 1, "-05:00"), DAYS);

    // THEN the first ~8 days are a warm-up (30 arrivals), then every promise is the local order date + 1, all kept
    expect(result.overall.notPromised).toBeGreaterThan(20);
    expect(result.overall.notPromised).toBeLessThan(40);
    expect(result.lanes[0].changes).toHaveLength(1);
    expect(result.overall.tuned).toMatchObject({ keptRate: 1, meanLeadDays: 1, meanDaysEarly: 0, lateShare: 0 });
    expect(result.promises[199]).toEqual({ padding: 1, promised: "2026-04-22" });
  });

  it("with settings, promises the engine's raw latest date plus padding in carrier days", () => {
    // GIVEN a Stockholm warehouse (0–1 processing days, 1–2 transit days, padding 1) and parcels that all arrive a
    // carrier day after the raw latest date
    const config = stockholmConfig([
      { id: "se", label: "Sweden", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
    ]);
    const orders = steadyOrders(200, 0, "+01:00", "2026-02-02T09:00:00").map((order) => {
      const raw = computePromise(
        { ...config, paddingDays: 1 },
        { orderedAt: order.orderedAt, method: { handle: "standard" }, destination: { countryCode: "SE" } },
      );
      if (!raw.ok) throw new Error(raw.details.join());
      return { ...order, deliveredAt: Date.parse(`${raw.promised}T10:00:00+01:00`) };
    });

    // WHEN backtested at 95%
    const result = runBacktest(orders, { target: 0.95, laneBy: BY_METHOD_AND_COUNTRY, scale: { kind: "settings", config } });

    // THEN the padding stays 1 carrier day (lowering would break every promise), each promise is the engine's
    const last = computePromise(config, { orderedAt: orders[199].orderedAt, method: { handle: "standard" }, destination: { countryCode: "SE" } });
    expect(result.unit).toBe("carrier day");
    expect(result.overall).toMatchObject({ notPromised: 0, tuned: { keptRate: 1, meanDaysEarly: 0 } });
    expect(result.promises[199]).toEqual({ padding: 1, promised: last.ok ? last.promised : null });
  });
});
