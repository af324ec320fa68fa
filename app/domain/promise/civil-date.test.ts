import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, isCivilDate, startOfDayInstant, wallClockAt, weekdayOf } from "./civil-date";

describe("civil dates", () => {
  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-28", 2, "2026-03-30"],
  ])("addDays(%s, %i) = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["1970-01-01", "thu"],
    ["2026-03-29", "sun"],
    ["2026-11-26", "thu"],
    ["2027-01-04", "mon"],
    ["1969-12-31", "wed"],
  ])("weekdayOf(%s) = %s", (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ["2026-02-28", true],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["2026-13-01", false],
    ["2026-1-01", false],
    [20260101, false],
  ])("isCivilDate(%s) = %s", (value, expected) => {
    expect(isCivilDate(value)).toBe(expected);
  });

  it("orders dates across a year boundary", () => {
    expect(compareDates("2026-12-31", "2027-01-01")).toBeLessThan(0);
    expect(compareDates("2027-01-01", "2027-01-01")).toBe(0);
  });
});

describe("wall clocks in time zones", () => {
  it.each([
    ["2026-03-29T00:59:00Z", "Europe/Stockholm", "2026-03-29", 1 * 60 + 59],
    ["2026-03-29T01:00:00Z", "Europe/Stockholm", "2026-03-29", 3 * 60],
    ["2026-10-25T00:30:00Z", "Europe/Stockholm", "2026-10-25", 2 * 60 + 30],
    ["2026-10-25T01:30:00Z", "Europe/Stockholm", "2026-10-25", 2 * 60 + 30],
    ["2026-03-09T22:00:00Z", "Pacific/Auckland", "2026-03-10", 11 * 60],
    ["2026-03-09T22:00:00Z", "America/Los_Angeles", "2026-03-09", 15 * 60],
    ["2026-12-31T23:30:00Z", "UTC", "2026-12-31", 23 * 60 + 30],
    ["2026-12-31T23:30:00Z", "Asia/Kolkata", "2027-01-01", 5 * 60],
  ])("%s in %s is %s minute %i", (iso, zone, date, minuteOfDay) => {
    expect(wallClockAt(Date.parse(iso), zone)).toEqual({ date, minuteOfDay });
  });

  it.each([
    ["2026-03-29", "Europe/Stockholm", "2026-03-28T23:00:00.000Z"],
    ["2026-03-30", "Europe/Stockholm", "2026-03-29T22:00:00.000Z"],
    ["2026-10-26", "Europe/Stockholm", "2026-10-25T23:00:00.000Z"],
    ["2026-03-11", "Pacific/Auckland", "2026-03-10T11:00:00.000Z"],
    ["2026-03-08", "America/Los_Angeles", "2026-03-08T08:00:00.000Z"],
    // Santiago skips midnight when DST starts (Sat 2026-09-05 24:00 → 01:00), so the day starts at 01:00.
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
  ])("%s starts in %s at %s", (date, zone, iso) => {
    expect(new Date(startOfDayInstant(date, zone)).toISOString()).toBe(iso);
  });

  /** What Intl shows, read directly for the one instant (the reading wallClockAt's quarter-hour offsets must agree with). */
  function shownByIntl(epochMs: number, timeZone: string) {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(new Date(epochMs));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return { date: `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`, minuteOfDay: Number(part("hour")) * 60 + Number(part("minute")) };
  }

  // Zones with DST both ways, half- and quarter-hour offsets, a zone that moved across the date line, and
  // instants from 1850 (local mean time, offsets with seconds) to 2100, dense around this year's changes.
  const zones = [
    "Europe/Stockholm",
    "America/Los_Angeles",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "America/Santiago",
    "Europe/Dublin",
    "UTC",
  ];
  const instants = fc.oneof(
    fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }),
    fc.integer({ min: Date.UTC(2026, 2, 28), max: Date.UTC(2026, 2, 30) }),
    fc.integer({ min: Date.UTC(2026, 9, 24), max: Date.UTC(2026, 9, 26) }),
  );

  it("reads the same wall clock as Intl at any instant, also in the quarter hour of a clock change", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (epochMs, zone) => {
        expect(wallClockAt(epochMs, zone)).toEqual(shownByIntl(epochMs, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads each minute across Stockholm's and Lord Howe's 2026 changes as Intl does", () => {
    for (const [zone, around] of [
      ["Europe/Stockholm", Date.UTC(2026, 2, 29, 1)],
      ["Europe/Stockholm", Date.UTC(2026, 9, 25, 1)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
    ] as const) {
      for (let epochMs = around - 3_600_000; epochMs <= around + 3_600_000; epochMs += 59_000)
        expect(wallClockAt(epochMs, zone)).toEqual(shownByIntl(epochMs, zone));
    }
  });
});
