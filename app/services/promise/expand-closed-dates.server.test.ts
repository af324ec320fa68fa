import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { promiseSettingsSchema, toPromiseConfig } from "../../schemas/promise/promise-settings";
import { expandClosedDates, expandClosedDatesForSettings, findHolidayCalendarIssues, listHolidayCalendars } from "./expand-closed-dates.server";

describe("expandClosedDates", () => {
  it("lists Swedish public and full-day bank holidays, sorted, within the window", () => {
    // GIVEN a window from 1 June 2026 for 214 days (to 31 Dec 2026)
    const dates = expandClosedDates({ country: "SE", startDate: "2026-06-01", days: 214 });

    // THEN national day, midsommarafton (bank) + midsommardagen, alla helgons dag and Christmas/New Year's Eve
    expect(dates).toEqual(["2026-06-06", "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"]);
  });

  it("can leave bank holidays out", () => {
    const dates = expandClosedDates({ country: "SE", startDate: "2026-06-01", days: 30, includeBankHolidays: false });

    expect(dates).toEqual(["2026-06-06", "2026-06-20"]);
  });

  it("spans a year boundary", () => {
    const dates = expandClosedDates({ country: "SE", startDate: "2026-12-20", days: 20 });

    expect(dates).toEqual(["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2027-01-06"]);
  });

  it.each([
    ["BY", ["2026-06-04"]],
    ["BE", []],
  ])("includes regional holidays for DE-%s (Fronleichnam only in Bavaria)", (region, expected) => {
    expect(expandClosedDates({ country: "DE", region, startDate: "2026-06-01", days: 30 })).toEqual(expected);
  });

  it("skips the German half-day bank holidays on 24 and 31 December", () => {
    const dates = expandClosedDates({ country: "DE", region: "BY", startDate: "2026-12-20", days: 14 });

    expect(dates).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);
  });

  it("includes US Thanksgiving 2026 but not the day after", () => {
    const dates = expandClosedDates({ country: "US", startDate: "2026-11-01", days: 30 });

    expect(dates).toEqual(["2026-11-11", "2026-11-26"]);
  });

  it("merges merchant closed dates and ranges, clipped to the window and de-duplicated", () => {
    // GIVEN a summer closure that starts before the window and a single date that repeats a holiday
    const dates = expandClosedDates({
      country: "SE",
      startDate: "2026-07-01",
      days: 45,
      closedDates: ["2026-08-14", "2026-06-19", "2027-07-01"],
      closedRanges: [
        { from: "2026-06-29", to: "2026-07-03" },
        { from: "2026-08-13", to: "2026-08-20" },
      ],
    });

    // THEN only dates from 1 Jul to 14 Aug remain (no Swedish public holidays in that window)
    expect(dates).toEqual(["2026-07-01", "2026-07-02", "2026-07-03", "2026-08-13", "2026-08-14"]);
  });

  it.each([
    [{ country: "XX" }, /country "XX"/],
    [{ country: "DE", region: "ZZ" }, /region "ZZ"/],
  ])("rejects unknown holiday calendars %o", (place, message) => {
    expect(() => expandClosedDates({ ...place, startDate: "2026-06-01" })).toThrow(message);
  });
});

describe("expandClosedDatesForSettings", () => {
  it("carries the window's last day as the config's horizon (validUntil)", () => {
    // GIVEN the example shop with a 30-day horizon, expanded on Tue 22 Dec 2026
    const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as unknown;
    const settings = promiseSettingsSchema.parse({ ...(example as object), horizonDays: 30 });
    const closed = expandClosedDatesForSettings(settings, "2026-12-22");
    // THEN the lists cover 22 Dec – 20 Jan and say so
    expect(closed.validUntil).toBe("2027-01-20");
    expect(closed.warehouse).toEqual(["2026-12-23", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2027-01-06"]);
    expect(toPromiseConfig(settings, closed).validUntil).toBe("2027-01-20");
  });
});

describe("holiday calendars for the settings page", () => {
  it("lists countries by name and regions with codes the settings schema accepts", () => {
    const { countries, regions } = listHolidayCalendars();
    expect(countries.length).toBeGreaterThan(150);
    expect(countries).toContainEqual({ code: "SE", name: "Sweden" });
    expect(regions.DE).toContainEqual({ code: "BY", name: "Bayern" });
    expect(
      Object.values(regions)
        .flat()
        .every((region) => /^[A-Z0-9]{1,3}$/.test(region.code)),
    ).toBe(true);
  });

  it("names the field when date-holidays has no calendar for the country or region", () => {
    expect(findHolidayCalendarIssues({ country: "SE" })).toEqual([]);
    expect(findHolidayCalendarIssues({ country: "DE", region: "BY" })).toEqual([]);
    expect(findHolidayCalendarIssues({ country: "XQ" })).toMatchObject([{ path: "shop.country" }]);
    expect(findHolidayCalendarIssues({ country: "DE", region: "ZZ" })).toMatchObject([{ path: "shop.region" }]);
  });
});
