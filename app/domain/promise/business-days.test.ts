import { describe, expect, it } from "vitest";
import { addBusinessDays, createWorkCalendar, nextOpenDayOnOrAfter } from "./business-days";

// Mon–Fri with Good Friday (2026-04-03) and Easter Monday (2026-04-06) closed.
const easter = createWorkCalendar(["mon", "tue", "wed", "thu", "fri"], ["2026-04-03", "2026-04-06"]);
const monToSat = createWorkCalendar(["mon", "tue", "wed", "thu", "fri", "sat"], []);

describe("business days", () => {
  it.each([
    ["Wed 1 Apr, 0 days: itself", easter, "2026-04-01", 0, "2026-04-01"],
    ["Wed 1 Apr, 1 day: Thu", easter, "2026-04-01", 1, "2026-04-02"],
    ["Wed 1 Apr, 2 days: over Easter to Tue", easter, "2026-04-01", 2, "2026-04-07"],
    ["Good Friday, 0 days: rolls to Tue", easter, "2026-04-03", 0, "2026-04-07"],
    ["Good Friday, 1 day: work starts Tue, so Wed", easter, "2026-04-03", 1, "2026-04-08"],
    ["Sat, 0 days with Saturday carrier", monToSat, "2026-03-28", 0, "2026-03-28"],
    ["Fri, 1 day with Saturday carrier", monToSat, "2026-03-27", 1, "2026-03-28"],
    ["Sun, 1 day with Saturday carrier: picked up Mon, so Tue", monToSat, "2026-03-29", 1, "2026-03-31"],
  ])("%s", (_case, calendar, start, days, expected) => {
    expect(addBusinessDays(calendar, start, days)).toBe(expected);
  });

  it("finds the next open day on or after a date", () => {
    expect(nextOpenDayOnOrAfter(easter, "2026-04-04")).toBe("2026-04-07");
    expect(nextOpenDayOnOrAfter(easter, "2026-04-07")).toBe("2026-04-07");
  });

  it("gives up instead of looping when nothing is open", () => {
    const neverOpen = createWorkCalendar([], []);
    expect(addBusinessDays(neverOpen, "2026-04-01", 0)).toBeNull();
    expect(addBusinessDays(neverOpen, "2026-04-01", 3)).toBeNull();
  });
});
