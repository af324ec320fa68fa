import { describe, expect, it } from "vitest";
import { elapsedDays, median, percentile, summarizeDays } from "./percentiles";

describe("percentile", () => {
  it.each([
    { values: [], p: 50, expected: null },
    { values: [4], p: 50, expected: 4 },
    { values: [4], p: 90, expected: 4 },
    { values: [1, 2, 3], p: 50, expected: 2 },
    { values: [3, 1, 2], p: 50, expected: 2 },
    { values: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 90, expected: 9.1 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0, expected: 1 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 100, expected: 10 },
    { values: [2, 2, 2, 9], p: 90, expected: 6.9 },
  ])("p$p of $values is $expected", ({ values, p, expected }) => {
    const result = percentile(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([-1, 101, Number.NaN])("rejects p = %s", (p) => {
    expect(() => percentile([1, 2], p)).toThrow(RangeError);
  });
});

describe("median and summarizeDays", () => {
  it("median of an even list is the mean of the middle values", () => {
    expect(median([5, 1, 3, 7])).toBe(4);
  });

  it("summarizes delivery days", () => {
    expect(summarizeDays([2, 3, 4, 10])).toEqual({ count: 4, medianDays: 3.5, p90Days: expect.closeTo(8.2, 10) });
    expect(summarizeDays([])).toEqual({ count: 0, medianDays: null, p90Days: null });
  });
});

describe("elapsedDays", () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    { from: "2026-11-20T10:00:00Z", to: "2026-11-22T10:00:00Z", expected: 2 },
    { from: "2026-11-20T10:00:00Z", to: "2026-11-21T22:00:00Z", expected: 1.5 },
    // Across the EU DST change: elapsed time, not wall-clock days.
    { from: "2026-10-24T22:00:00Z", to: "2026-10-25T22:00:00Z", expected: 1 },
    { from: "2026-11-20T10:00:00Z", to: "2026-11-20T10:00:00Z", expected: 0 },
  ])("$from → $to is $expected days", ({ from, to, expected }) => {
    expect(elapsedDays(at(from), at(to))).toBeCloseTo(expected, 10);
  });

  it("is null when an instant is missing or the end precedes the start", () => {
    expect(elapsedDays(null, at("2026-11-20T10:00:00Z"))).toBeNull();
    expect(elapsedDays(at("2026-11-20T10:00:00Z"), undefined)).toBeNull();
    expect(elapsedDays(at("2026-11-21T10:00:00Z"), at("2026-11-20T10:00:00Z"))).toBeNull();
  });
});
