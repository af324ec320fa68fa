import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdfAt, effectiveSampleSize, kaplanMeier, leastValueReaching, type WeightedObservation } from "./kaplan-meier";

const arrived = (value: number, weight = 1): WeightedObservation => ({ value, censored: false, weight });
const inTransit = (value: number, weight = 1): WeightedObservation => ({ value, censored: true, weight });

describe("the weighted Kaplan-Meier estimate", () => {
  // The textbook case: 1, 2, 2+, 3, 4+, 5 (+ = censored). At risk 6, 5, 3, 1 at the arrivals 1, 2, 3, 5.
  const textbook = [arrived(1), arrived(2), inTransit(2), arrived(3), inTransit(4), arrived(5)];

  it.each([
    [0, 0],
    [1, 1 / 6],
    [2, 1 / 3],
    [3, 5 / 9],
    [4, 5 / 9],
    [5, 1],
    [40, 1],
  ])("F(%i) of 1, 2, 2+, 3, 4+, 5 is %d (a parcel in transit at 2 is still at risk at 2)", (d, expected) => {
    expect(cdfAt(kaplanMeier(textbook), d)).toBeCloseTo(expected, 12);
  });

  it("counts an observation of weight 2 as two of weight 1", () => {
    const doubled = kaplanMeier([arrived(1, 2), arrived(3), inTransit(2, 2), arrived(4)]);
    const repeated = kaplanMeier([arrived(1), arrived(1), arrived(3), inTransit(2), inTransit(2), arrived(4)]);
    expect(doubled.points).toEqual(repeated.points);
  });

  it("handles negative values and ignores observations without weight", () => {
    const curve = kaplanMeier([arrived(-2), arrived(0), arrived(1, 0), arrived(3, -1)]);
    expect(curve.points).toEqual([
      { value: -2, cdf: 0.5 },
      { value: 0, cdf: 1 },
    ]);
  });

  it("finds the least value reaching the target, treating 19 of 20 as meeting 95%", () => {
    const history = [...Array.from({ length: 19 }, () => arrived(2)), arrived(6)];
    expect(leastValueReaching(kaplanMeier(history), 0.95)).toEqual({ value: 2, maxCdf: 1 });
    expect(leastValueReaching(kaplanMeier(history), 0.96)).toEqual({ value: 6, maxCdf: 1 });
  });

  it("says the target is out of reach when most of the tail is still in transit", () => {
    // GIVEN two arrivals (at 0 and 1) and four parcels known only to be slower than 1
    const curve = kaplanMeier([arrived(0), arrived(1), inTransit(1), inTransit(1), inTransit(1), inTransit(1)]);

    // THEN F stops at 1 − 5/6 · 4/5 = 1/3 and no value reaches 50%
    const reach = leastValueReaching(curve, 0.5);
    expect(reach.value).toBeNull();
    expect(reach.maxCdf).toBeCloseTo(1 / 3, 12);
  });

  it("is the weighted share at or below d when nothing is censored", () => {
    const observation = fc.record({ value: fc.integer({ min: -5, max: 20 }), weight: fc.double({ min: 0.01, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 60 }), fc.integer({ min: -6, max: 21 }), (observations, d) => {
        const total = observations.reduce((sum, { weight }) => sum + weight, 0);
        const within = observations.filter(({ value }) => value <= d).reduce((sum, { weight }) => sum + weight, 0);
        const curve = kaplanMeier(observations.map(({ value, weight }) => arrived(value, weight)));
        expect(cdfAt(curve, d)).toBeCloseTo(within / total, 9);
      }),
    );
  });
});

describe("the effective sample size (Kish)", () => {
  it.each([
    ["four equal weights", [arrived(1), arrived(2), arrived(3), arrived(4)], 4],
    ["weights 1 and 0.5", [arrived(1), arrived(2, 0.5)], 2.25 / 1.25],
    ["censored ones left out", [arrived(1), arrived(2), inTransit(3), inTransit(9)], 2],
    ["nothing arrived", [inTransit(3)], 0],
  ])("%s", (_case, observations, expected) => {
    expect(effectiveSampleSize(observations)).toBeCloseTo(expected, 12);
  });
});
