import { describe, expect, it } from "vitest";
import { DEFAULT_TUNE_POLICY, observationWindowMs, tunePadding, type TuneGroup, type TuneLane, type TuneObservation } from "./tune-padding";

const NOW = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;

/** `count` orders that arrived `excess` units past the baseline, placed `ageDays` before now. */
const arrivals = (count: number, excess: number, ageDays = 0): TuneObservation[] =>
  Array.from({ length: count }, () => ({ excess, censored: false, orderedAt: NOW - ageDays * DAY }));
const inTransit = (count: number, elapsed: number, ageDays = 0): TuneObservation[] =>
  Array.from({ length: count }, () => ({ excess: elapsed, censored: true, orderedAt: NOW - ageDays * DAY }));

/** 100 recent arrivals: 60 at 0, 30 at 1, 8 at 2, 2 at 3 → F(1) = 0.90, F(2) = 0.98. */
const typical = [...arrivals(60, 0), ...arrivals(30, 1), ...arrivals(8, 2), ...arrivals(2, 3)];

const lane = (overrides: Partial<TuneLane> = {}): TuneLane => ({
  key: "standard / SE",
  parentKey: null,
  current: 2,
  observedKeptRate: null,
  observations: typical,
  ...overrides,
});

const tuneOne = (overrides: Partial<TuneLane>, target = 0.95, groups: TuneGroup[] = []) =>
  tunePadding({ lanes: [lane(overrides)], groups, target, now: NOW })[0];

describe("the padding tuner", () => {
  it("keeps the least padding that meets the target, and says so", () => {
    expect(tuneOne({})).toEqual({
      key: "standard / SE",
      current: 2,
      proposed: 2,
      ideal: 2,
      expectedAtCurrent: 0.98,
      expectedAtProposed: 0.98,
      sample: { own: 100, borrowed: 0 },
      basis: "own",
      held: null,
      reason: "Keeping 2 days: the least padding that keeps 95% of promises, judging by about 100 recent deliveries (98% expected).",
    });
  });

  it.each([
    [
      "rises by one step at a time",
      { current: 0 },
      1,
      "step-bound",
      "Raising from 0 days to 1 day, at most 1 day per run: 2 days is the least padding keeping 95%",
    ],
    [
      "lowers by one step while promises are kept",
      { current: 4, observedKeptRate: 0.97 },
      3,
      "step-bound",
      "Lowering from 4 days to 3 days, at most 1 day per run",
    ],
    [
      "never lowers while the lane is below target",
      { current: 4, observedKeptRate: 0.91 },
      4,
      "below-target",
      "Keeping 4 days: 2 days would keep 95%, judging by about 100 recent deliveries, but only 91% of recent promises were kept, below the target.",
    ],
    ["still raises while below target", { current: 1, observedKeptRate: 0.5 }, 2, null, "Raising from 1 day to 2 days: the least padding"],
    [
      "waits for 30 arrivals",
      { current: 3, observations: arrivals(20, 0) },
      3,
      "min-sample",
      "Keeping 3 days: only about 20 recent deliveries to learn from, and 30 are needed before the padding changes.",
    ],
  ])("%s", (_case, overrides, proposed, held, reason) => {
    const proposal = tuneOne(overrides);
    expect(proposal).toMatchObject({ proposed, held });
    expect(proposal.reason).toContain(reason);
  });

  it("raises the padding for a higher target", () => {
    expect(tuneOne({ current: 1 }, 0.9)).toMatchObject({ ideal: 1, proposed: 1, held: null });
    expect(tuneOne({ current: 2 }, 0.99)).toMatchObject({ ideal: 3, proposed: 3, held: null });
  });

  it("weighs recent deliveries more: an order 140 days old counts 1/32", () => {
    // GIVEN 100 fresh arrivals at 1 and 100 old ones at 5: F(1) = 100 / (100 + 100/32) = 0.97
    const proposal = tuneOne({ current: 1, observations: [...arrivals(100, 1), ...arrivals(100, 5, 140)] });
    expect(proposal).toMatchObject({ ideal: 1, proposed: 1 });
    expect(proposal.expectedAtProposed).toBeCloseTo(100 / (100 + 100 / 32), 9);
  });

  it("counts parcels still in transit as known to be slower than the days elapsed", () => {
    // GIVEN 100 arrivals within a day and 20 parcels still on their way after 3 days
    const proposal = tuneOne({ current: 2, observations: [...arrivals(100, 1), ...inTransit(20, 3)] });

    // THEN no padding is known to reach 95% (at most 100/120 arrived), so it rises by a step
    expect(proposal).toMatchObject({ ideal: null, proposed: 3, held: "unreachable" });
    expect(proposal.reason).toBe(
      "Raising from 2 days to 3 days: no padding reaches the 95% target in about 100 recent deliveries (at most 83.3% arrived in time; the rest are late or still on their way).",
    );
  });

  it("never goes past the cap, nor below 0", () => {
    expect(tuneOne({ current: 14, observations: arrivals(50, 20) })).toMatchObject({ ideal: 14, proposed: 14, held: "unreachable" });
    expect(tuneOne({ current: 0, observations: arrivals(50, -3) })).toMatchObject({ ideal: 0, proposed: 0, held: null });
  });

  it("ignores orders placed after now and those older than the window", () => {
    const future = [{ excess: 9, censored: false, orderedAt: NOW + DAY }];
    const ancient = arrivals(1000, 9, 200);
    expect(tuneOne({ observations: [...typical, ...future, ...ancient] })).toEqual(tuneOne({}));
    expect(observationWindowMs(DEFAULT_TUNE_POLICY) / DAY).toBeCloseTo(186.0, 1);
  });

  it("uses the unit's name in its sentence", () => {
    const [proposal] = tunePadding({
      lanes: [lane({ current: 48 })],
      target: 0.95,
      now: NOW,
      policy: { unit: { one: "hour", other: "hours" }, maxStepPerRun: 24, maxPadding: 336 },
    });
    expect(proposal.reason).toMatch(/^Lowering from 48 hours to 24 hours, at most 24 hours per run: 2 hours/);
  });
});

describe("borrowing from parent groups", () => {
  const parent = (key: string, observations: TuneObservation[], parentKey: string | null = null): TuneGroup => ({ key, parentKey, observations });

  it("pools a thin lane with its parent up to 100 effective arrivals", () => {
    // GIVEN 20 arrivals of its own at 0 days and a parent whose 200 arrivals took 3 days
    const proposal = tuneOne({ parentKey: "standard", current: 3, observations: arrivals(20, 0) }, 0.95, [parent("standard", arrivals(200, 3))]);

    // THEN the parent counts as 80 arrivals: F(0) = 20/100, so 3 days stay
    expect(proposal).toMatchObject({ sample: { own: 20, borrowed: 80 }, basis: "pooled", ideal: 3, proposed: 3, expectedAtCurrent: 1 });
    expect(proposal.expectedAtProposed).toBeCloseTo(1, 12);
    expect(proposal.reason).toContain("about 20 recent deliveries plus 80 borrowed from standard");
  });

  it("takes the parent's curve for a lane with no history of its own", () => {
    const proposal = tuneOne({ parentKey: "standard", current: 0, observations: [] }, 0.95, [parent("standard", arrivals(60, 1))]);
    expect(proposal).toMatchObject({ sample: { own: 0, borrowed: 60 }, basis: "parent-only", proposed: 1 });
    expect(proposal.reason).toContain("about 60 recent deliveries of standard, none of its own yet");
  });

  it("lets the parent borrow from its own parent", () => {
    // GIVEN lane (5 own) → country (10 own) → shop (500)
    const groups = [parent("standard / SE", arrivals(10, 0), "shop"), parent("shop", arrivals(500, 2))];
    const proposal = tuneOne({ key: "standard / SE / 9", parentKey: "standard / SE", current: 2, observations: arrivals(5, 0) }, 0.95, groups);

    // THEN the country counts 10 + 90 from the shop, and the lane 5 + 95 from the country
    expect(proposal).toMatchObject({ sample: { own: 5, borrowed: 95 }, basis: "pooled", ideal: 2 });
  });

  it("borrows only what the parent has beyond the lane's own orders (a parent holds its children's)", () => {
    const shopOfOneLane = [parent("standard", arrivals(20, 0))];
    expect(tuneOne({ parentKey: "standard", observations: arrivals(20, 0) }, 0.95, shopOfOneLane)).toMatchObject({
      sample: { own: 20, borrowed: 0 },
      basis: "own",
      held: "min-sample",
    });
  });

  it("does not borrow for a lane with enough history, and survives a cycle of parents", () => {
    const cycle = [parent("a", arrivals(100, 9), "b"), parent("b", arrivals(100, 9), "a")];
    expect(tuneOne({ parentKey: "a" }, 0.95, cycle)).toMatchObject({ sample: { own: 100, borrowed: 0 }, basis: "own", ideal: 2 });
    expect(tuneOne({ parentKey: "a", observations: arrivals(40, 0) }, 0.95, cycle)).toMatchObject({ basis: "pooled", sample: { own: 40, borrowed: 60 } });
  });
});
