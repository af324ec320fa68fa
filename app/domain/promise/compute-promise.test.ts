import { describe, expect, it } from "vitest";
import { computePromise, type PromiseRequest } from "./compute-promise";
import type { PromiseConfig } from "./promise-config";

// Swedish holidays and closures that fall inside the tables below (expanded on the server in production).
const SE_CLOSED = ["2026-04-03", "2026-04-06", "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01", "2027-01-06"];

const stockholmShop: PromiseConfig = {
  version: 1,
  timeZone: "Europe/Stockholm",
  cutoffs: { mon: "14:00", tue: "14:00", wed: "14:00", thu: "14:00", fri: "14:00" },
  processingDays: { min: 0, max: 0 },
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  closedDates: SE_CLOSED,
  carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: SE_CLOSED },
  lanes: [{ id: "se", label: "PostNord SE", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } }],
  paddingDays: 1,
};

const toStockholm = (orderedAt: string | number): PromiseRequest => ({
  orderedAt,
  method: { handle: "standard" },
  destination: { countryCode: "SE", postalCode: "111 22" },
});

describe("computePromise — Stockholm shop, cut-off 14:00, 0 processing days, transit 1–2, padding 1", () => {
  // Local times in the comments are read off the shop's clock; dates worked out on a printed calendar.
  it.each([
    // DST starts Sun 2026-03-29 (CET +1 → CEST +2)
    ["Fri 13:59 CET, before cut-off", "2026-03-27T12:59:00Z", "2026-03-27", "2026-03-30", "2026-03-31", "2026-04-01"],
    ["Fri 14:00 CET, at cut-off → Mon", "2026-03-27T13:00:00Z", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"],
    ["Sun 03:30 CEST, right after the DST jump", "2026-03-29T01:30:00Z", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"],
    ["Mon 13:59 CEST, before cut-off", "2026-03-30T11:59:00Z", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"],
    ["Mon 14:30 CEST (13:30 if the old offset were used)", "2026-03-30T12:30:00Z", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-07"],
    // DST ends Sun 2026-10-25 (CEST +2 → CET +1)
    ["Fri 13:59 CEST, before cut-off", "2026-10-23T11:59:00Z", "2026-10-23", "2026-10-26", "2026-10-27", "2026-10-28"],
    ["Fri 14:00 CEST, at cut-off → Mon", "2026-10-23T12:00:00Z", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"],
    ["Mon 13:30 CET (14:30 if the old offset were used)", "2026-10-26T12:30:00Z", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"],
    ["Mon 14:00 CET, at cut-off", "2026-10-26T13:00:00Z", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30"],
    // Year end: 24/25/31 Dec, 1 Jan and 6 Jan closed
    ["Wed 30 Dec 13:59, before cut-off", "2026-12-30T12:59:00Z", "2026-12-30", "2027-01-04", "2027-01-05", "2027-01-07"],
    ["Wed 30 Dec 14:00, at cut-off", "2026-12-30T13:00:00Z", "2027-01-04", "2027-01-05", "2027-01-07", "2027-01-08"],
    ["Thu 31 Dec (closed) 11:00", "2026-12-31T10:00:00Z", "2027-01-04", "2027-01-05", "2027-01-07", "2027-01-08"],
    // Weekend and holidays
    ["Sat 10:00, weekend", "2026-03-28T09:00:00Z", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"],
    ["Good Friday 10:00, holiday before cut-off", "2026-04-03T08:00:00Z", "2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10"],
    ["Easter Monday 11:00, holiday before cut-off", "2026-04-06T09:00:00Z", "2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10"],
    // The cut-off minute: 14:00:00.000 up to 14:00:59.999 is "at" the cut-off
    ["Wed 13:59:59.999 CEST", "2026-06-10T11:59:59.999Z", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-15"],
    ["Wed 14:00:00 CEST", "2026-06-10T12:00:00Z", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16"],
    ["Wed 14:00:59 CEST", "2026-06-10T12:00:59Z", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16"],
    ["Wed 13:59 CEST given as epoch ms", Date.UTC(2026, 5, 10, 11, 59), "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-15"],
    ["Wed 14:00 given with a +02:00 offset", "2026-06-10T14:00:00+02:00", "2026-06-11", "2026-06-12", "2026-06-15", "2026-06-16"],
  ])("%s", (_case, orderedAt, shipBy, earliest, latest, promised) => {
    const result = computePromise(stockholmShop, toStockholm(orderedAt));

    expect(result).toMatchObject({ ok: true, shipBy, earliest, latest, promised, paddingDays: 1 });
  });
});

const newYorkShop: PromiseConfig = {
  ...stockholmShop,
  timeZone: "America/New_York",
  cutoffs: { mon: "15:00", tue: "15:00", wed: "15:00", thu: "15:00", fri: "15:00" },
  closedDates: ["2026-11-26"],
  carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri", "sat"], closedDates: ["2026-11-26"] },
  lanes: [{ id: "us", label: "USPS Ground", method: { handle: "standard" }, destination: { country: "US" }, transitDays: { min: 2, max: 3 } }],
  paddingDays: 0,
};

describe("computePromise — New York shop, cut-off 15:00, carrier delivers Mon–Sat, transit 2–3", () => {
  it.each([
    // DST starts Sun 2026-03-08 (EST −5 → EDT −4), ends Sun 2026-11-01
    ["Fri 14:59 EST", "2026-03-06T19:59:00Z", "2026-03-06", "2026-03-09", "2026-03-10"],
    ["Mon 14:59 EDT", "2026-03-09T18:59:00Z", "2026-03-09", "2026-03-11", "2026-03-12"],
    ["Mon 15:30 EDT (14:30 if the old offset were used)", "2026-03-09T19:30:00Z", "2026-03-10", "2026-03-12", "2026-03-13"],
    ["Fri 15:00 EDT, at cut-off, weekend after DST end", "2026-10-30T19:00:00Z", "2026-11-02", "2026-11-04", "2026-11-05"],
    ["Mon 14:30 EST (15:30 if the old offset were used)", "2026-11-02T19:30:00Z", "2026-11-02", "2026-11-04", "2026-11-05"],
    ["Wed before Thanksgiving 15:30 EST", "2026-11-25T20:30:00Z", "2026-11-27", "2026-11-30", "2026-12-01"],
  ])("%s", (_case, orderedAt, shipBy, earliest, latest) => {
    const result = computePromise(newYorkShop, {
      orderedAt,
      method: { handle: "standard" },
      destination: { countryCode: "US", provinceCode: "NY" },
    });

    expect(result).toMatchObject({ ok: true, shipBy, earliest, latest, promised: latest });
  });
});

describe("computePromise — shop and shopper on opposite sides of the date line", () => {
  const datelineShop = (timeZone: string, country: string): PromiseConfig => ({
    ...newYorkShop,
    timeZone,
    cutoffs: { mon: "12:00", tue: "12:00", wed: "12:00", thu: "12:00", fri: "12:00" },
    closedDates: [],
    carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: [] },
    lanes: [{ id: "intl", label: "Intl", method: { handle: "intl" }, destination: { country }, transitDays: { min: 3, max: 5 } }],
  });

  it.each([
    // Auckland Tue 10 Mar 11:00 NZDT = Los Angeles Mon 9 Mar 15:00 PDT. The end of Tuesday in Auckland
    // is still Tuesday in Los Angeles, so transit counts from Tue 10 Mar in the shopper's calendar.
    ["Auckland shop → Los Angeles shopper", "Pacific/Auckland", "US", "America/Los_Angeles", "2026-03-09T22:00:00Z", "2026-03-10", "2026-03-13", "2026-03-17"],
    // LA Tue 10 Mar 11:00 PDT = Auckland Wed 11 Mar 07:00. The end of Tuesday in LA is already
    // Wednesday in Auckland, so transit counts from Wed 11 Mar: one day later than a naive count.
    ["Los Angeles shop → Auckland shopper", "America/Los_Angeles", "NZ", "Pacific/Auckland", "2026-03-10T18:00:00Z", "2026-03-10", "2026-03-16", "2026-03-18"],
    [
      "Los Angeles shop, no shopper zone (shop calendar)",
      "America/Los_Angeles",
      "NZ",
      undefined,
      "2026-03-10T18:00:00Z",
      "2026-03-10",
      "2026-03-13",
      "2026-03-17",
    ],
  ])("%s", (_case, shopZone, country, shopperZone, orderedAt, shipBy, earliest, latest) => {
    const result = computePromise(datelineShop(shopZone, country), {
      orderedAt,
      method: { handle: "intl" },
      destination: { countryCode: country, timeZone: shopperZone },
    });

    expect(result).toMatchObject({ ok: true, shipBy, earliest, latest, promised: latest });
  });
});

describe("computePromise — processing ranges and refusals", () => {
  it("counts processing days on the warehouse calendar and exposes both ship dates", () => {
    // GIVEN 1–3 processing days and an order Wed 1 Apr 10:00 CEST, with Good Friday and Easter Monday closed
    const config: PromiseConfig = { ...stockholmShop, processingDays: { min: 1, max: 3 } };

    // WHEN
    const result = computePromise(config, toStockholm("2026-04-01T08:00:00Z"));

    // THEN ships Thu 2 Apr at the earliest and Wed 8 Apr at the latest (Thu 2, Tue 7, Wed 8)
    expect(result).toMatchObject({
      ok: true,
      shipFrom: "2026-04-02",
      shipBy: "2026-04-08",
      earliest: "2026-04-07",
      latest: "2026-04-10",
      promised: "2026-04-13",
      lane: { id: "se", label: "PostNord SE" },
    });
  });

  it("treats a working day without a cut-off as never starting the same day", () => {
    const { wed: _wednesday, ...cutoffsWithoutWednesday } = stockholmShop.cutoffs;
    const config: PromiseConfig = { ...stockholmShop, cutoffs: cutoffsWithoutWednesday };

    const result = computePromise(config, toStockholm("2026-06-10T06:00:00Z"));

    expect(result).toMatchObject({ ok: true, shipBy: "2026-06-11" });
  });

  it.each([
    ["no lane for the country", { ...toStockholm("2026-06-10T06:00:00Z"), destination: { countryCode: "JP" } }, "no-lane"],
    ["no lane for the method", { ...toStockholm("2026-06-10T06:00:00Z"), method: { handle: "express" } }, "no-lane"],
    ["order time without a zone", toStockholm("2026-06-10T06:00:00"), "invalid-order-time"],
    ["order time that is not a date", toStockholm("soon"), "invalid-order-time"],
    ["unknown shopper zone", { ...toStockholm("2026-06-10T06:00:00Z"), destination: { countryCode: "SE", timeZone: "Mars/Olympus" } }, "invalid-destination"],
  ])("refuses to promise: %s", (_case, request, reason) => {
    expect(computePromise(stockholmShop, request)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ["unknown shop zone", { ...stockholmShop, timeZone: "Europe/Atlantis" }],
    ["no working days", { ...stockholmShop, workingDays: [] }],
    ["processing min > max", { ...stockholmShop, processingDays: { min: 2, max: 1 } }],
    ["bad cut-off", { ...stockholmShop, cutoffs: { mon: "25:00" } }],
    ["not an object", "nope"],
  ])("rejects an invalid config: %s", (_case, config) => {
    expect(computePromise(config, toStockholm("2026-06-10T06:00:00Z"))).toMatchObject({ ok: false, reason: "invalid-config" });
  });

  it("reports calendar exhaustion instead of looping when the carrier never delivers", () => {
    const everyDay = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 5, 10 + i)).toISOString().slice(0, 10));
    const config: PromiseConfig = { ...stockholmShop, carrier: { ...stockholmShop.carrier, closedDates: everyDay } };

    expect(computePromise(config, toStockholm("2026-06-10T06:00:00Z"))).toMatchObject({ ok: false, reason: "calendar-exhausted" });
  });
});

describe("computePromise — explanation trail", () => {
  it.each([
    ["2026-06-10T12:00:00Z", "ordered wed 2026-06-10 14:00 Europe/Stockholm (at or after cut-off 14:00)"],
    ["2026-06-10T11:59:00Z", "ordered wed 2026-06-10 13:59 Europe/Stockholm (before cut-off 14:00)"],
    ["2026-04-03T08:00:00Z", "ordered fri 2026-04-03 10:00 Europe/Stockholm (warehouse closed that day)"],
  ])("explains the order time %s", (orderedAt, firstReason) => {
    const result = computePromise(stockholmShop, toStockholm(orderedAt));

    expect(result.ok && result.reason[0]).toBe(firstReason);
  });
});

describe("computePromise — a lane's own padding", () => {
  const twoLanes: PromiseConfig = {
    ...stockholmShop,
    lanes: [{ ...stockholmShop.lanes[0], id: "se-north", destination: { country: "SE", postalPrefix: "9" }, paddingDays: 3 }, stockholmShop.lanes[0]],
  };

  it("pads the lane with its own days and every other lane with the shop's", () => {
    // Wed 10 Jun 10:00: ships Wed, carrier's latest Fri 12 Jun
    const north = computePromise(twoLanes, { ...toStockholm("2026-06-10T08:00:00Z"), destination: { countryCode: "SE", postalCode: "971 87" } });
    const south = computePromise(twoLanes, toStockholm("2026-06-10T08:00:00Z"));
    expect(north.ok && [north.latest, north.promised, north.paddingDays]).toEqual(["2026-06-12", "2026-06-17", 3]);
    expect(south.ok && [south.latest, south.promised, south.paddingDays]).toEqual(["2026-06-12", "2026-06-15", 1]);
    expect(north.ok && north.reason.at(-1)).toBe("delivery 2026-06-11..2026-06-12; +3 padding carrier days (the lane's own) → promised 2026-06-17");
  });
});
