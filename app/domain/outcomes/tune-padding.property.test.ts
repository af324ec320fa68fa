import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TUNE_POLICY, tunePadding, type TuneGroup, type TuneLane, type TuneObservation } from "./tune-padding";

const NOW = Date.UTC(2026, 10, 30);
const DAY = 86_400_000;
const { maxPadding, maxStepPerRun, minSample } = DEFAULT_TUNE_POLICY;

// Arrivals over the last 120 days, skewed to small excess (−1…15) as delivery times are; orders in transit are
// recent and censored at the few units elapsed. `size: "max"` lets arrays reach their length (the default stays short).
const arrival: fc.Arbitrary<TuneObservation> = fc.record({
  excess: fc.integer({ min: 0, max: 99 }).map((n) => Math.floor((n * n) / 600) - 1),
  censored: fc.constant(false),
  orderedAt: fc.integer({ min: NOW - 120 * DAY, max: NOW }),
});
const transit: fc.Arbitrary<TuneObservation> = fc.record({
  excess: fc.integer({ min: -1, max: 6 }),
  censored: fc.constant(true),
  orderedAt: fc.integer({ min: NOW - 10 * DAY, max: NOW }),
});
const observation = (censoredChance: number) =>
  fc.oneof({ arbitrary: transit, weight: Math.round(censoredChance * 10) }, { arbitrary: arrival, weight: 10 - Math.round(censoredChance * 10) });

const history = (maxLength: number, censoredChance = 0.2) => fc.array(observation(censoredChance), { maxLength, size: "max" });

/** A lane with a parent group (itself pooled with the shop), so borrowing is exercised too. */
const scenario = fc.record({
  current: fc.integer({ min: 0, max: maxPadding }),
  observedKeptRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  own: history(80),
  parent: history(150),
  shop: history(200),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function tune(input: Scenario, target: number, policy = {}) {
  const lane: TuneLane = { key: "lane", parentKey: "parent", current: input.current, observedKeptRate: input.observedKeptRate, observations: input.own };
  const groups: TuneGroup[] = [
    { key: "parent", parentKey: "shop", observations: input.parent },
    { key: "shop", parentKey: null, observations: input.shop },
  ];
  return tunePadding({ lanes: [lane], groups, target, now: NOW, policy })[0];
}

const target = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe("the padding tuner's properties", () => {
  it("never gives less padding for a higher target", () => {
    fc.assert(
      fc.property(scenario, target, target, (input, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(tune(input, high).proposed).toBeGreaterThanOrEqual(tune(input, low).proposed);
      }),
    );
  });

  it("never gives less padding after more late arrivals (excess above the ideal)", () => {
    // A lane of its own (no parent to rescale) with the sample it needs before and after. Otherwise more arrivals
    // can lift the min-sample hold and let the padding fall, and Kish's effective size is not monotone: one fresh
    // arrival among many old, light ones can lower it (n equal weights w gain from a new one only up to ≈ 2w).
    const own = fc.array(observation(0.1), { minLength: 10, maxLength: 80, size: "max" });
    const late = fc.array(fc.record({ above: fc.integer({ min: 1, max: 8 }), orderedAt: fc.integer({ min: NOW - 120 * DAY, max: NOW }) }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(own, fc.integer({ min: 0, max: maxPadding }), target, late, (observations, current, goal, extra) => {
        const run = (list: TuneObservation[]) =>
          tunePadding({
            lanes: [{ key: "lane", parentKey: null, current, observedKeptRate: null, observations: list }],
            target: goal,
            now: NOW,
            policy: { minSample: 10 },
          })[0];
        const before = run(observations);
        fc.pre(before.held !== "min-sample" && before.ideal !== null);
        const ideal = before.ideal as number;
        const base = ideal < maxPadding ? ideal : Math.max(ideal, ...observations.map(({ excess }) => excess));
        const after = run([...observations, ...extra.map(({ above, orderedAt }) => ({ excess: base + above, censored: false, orderedAt }))]);
        fc.pre(after.held !== "min-sample");
        expect(after.proposed).toBeGreaterThanOrEqual(before.proposed);
      }),
    );
  });

  it("never gives less padding after more orders in transit, in the lane and its parents", () => {
    fc.assert(
      fc.property(scenario, target, fc.array(transit, { minLength: 1, maxLength: 30 }), (input, goal, transit) => {
        const before = tune(input, goal);
        const after = tune({ ...input, own: [...input.own, ...transit], parent: [...input.parent, ...transit], shop: [...input.shop, ...transit] }, goal);
        expect(after.proposed).toBeGreaterThanOrEqual(before.proposed);
        expect(after.sample).toEqual(before.sample);
      }),
    );
  });

  it("keeps its guardrails: bounded step, 0…cap, never lower below target, nothing moves without the sample", () => {
    fc.assert(
      fc.property(scenario, target, fc.integer({ min: 1, max: 3 }), (input, goal, step) => {
        const proposal = tune(input, goal, { maxStepPerRun: step });
        expect(Math.abs(proposal.proposed - input.current)).toBeLessThanOrEqual(step);
        expect(proposal.proposed).toBeGreaterThanOrEqual(0);
        expect(proposal.proposed).toBeLessThanOrEqual(maxPadding);
        if (input.observedKeptRate !== null && input.observedKeptRate < goal) expect(proposal.proposed).toBeGreaterThanOrEqual(input.current);
        if (proposal.sample.own + proposal.sample.borrowed < minSample - 0.1) expect(proposal.held).toBe("min-sample");
        if (proposal.held === "min-sample") expect(proposal.proposed).toBe(input.current);
        expect(proposal.reason).toMatch(/^(Keeping|Raising|Lowering) .+\.$/);
      }),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(scenario, target, (input, goal) => {
        expect(tune(input, goal)).toEqual(tune(structuredClone(input), goal));
      }),
    );
  });

  it("moves one step per run by default", () => {
    fc.assert(
      fc.property(scenario, target, (input, goal) => {
        expect(Math.abs(tune(input, goal).proposed - input.current)).toBeLessThanOrEqual(maxStepPerRun);
      }),
    );
  });
});
