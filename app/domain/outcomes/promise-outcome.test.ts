import { describe, expect, it } from "vitest";
import { arrivalOf, mergeArrival, type Arrival, type ArrivalInput, type Parcel, type TransitHistory } from "./arrival";
import { promiseOutcome, type OutcomeInput, type RecordedPromise } from "./promise-outcome";
import { destinationZone } from "./destination-zone";

const STOCKHOLM = "Europe/Stockholm";
const NEW_YORK = "America/New_York";
const at = (iso: string) => new Date(iso);

const PROMISE: RecordedPromise = {
  status: "promised",
  noPromiseReason: null,
  shownAtCheckout: true,
  shipBy: "2026-11-16",
  rawLatest: "2026-11-19",
  promisedDate: "2026-11-20",
};

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return { status: "success", lineCount: 1, shippedAt: at("2026-11-16T10:00:00Z"), deliveredAt: null, deliveredBy: null, lastScanAt: null, ...overrides };
}

const delivered = (iso: string, overrides: Partial<Parcel> = {}) => parcel({ deliveredAt: at(iso), deliveredBy: "scan", lastScanAt: at(iso), ...overrides });

function arrival(parcels: Parcel[], overrides: Partial<ArrivalInput> = {}) {
  return arrivalOf({
    parcels,
    orderFulfillmentStatus: "fulfilled",
    orderLineCount: parcels.reduce((sum, row) => sum + row.lineCount, 0),
    transit: null,
    quietHours: 48,
    now: at("2026-11-30T12:00:00Z"),
    ...overrides,
  });
}

function judge(parcels: Parcel[], overrides: Partial<OutcomeInput> = {}, arrivalOverrides: Partial<ArrivalInput> = {}) {
  const now = overrides.now ?? arrivalOverrides.now ?? at("2026-11-30T12:00:00Z");
  const facts = arrival(parcels, { now, ...arrivalOverrides });
  return promiseOutcome({
    promise: PROMISE,
    order: { cancelledAt: null, financialStatus: "paid" },
    facts,
    arrival: facts.arrival,
    shopZone: STOCKHOLM,
    destinationZone: STOCKHOLM,
    now,
    ...overrides,
  });
}

describe("promiseOutcome: delivered orders", () => {
  it.each([
    ["two days early", "2026-11-18T12:00:00Z", STOCKHOLM, "kept", 2],
    ["on the day", "2026-11-20T12:00:00Z", STOCKHOLM, "kept", 0],
    ["23:30 in Stockholm is still the promised day", "2026-11-20T22:30:00Z", STOCKHOLM, "kept", 0],
    ["00:10 in Stockholm is the next day: one day late", "2026-11-20T23:10:00Z", STOCKHOLM, "late", -1],
    ["the same instant is 18:10 on the promised day in New York", "2026-11-20T23:10:00Z", NEW_YORK, "kept", 0],
    ["04:30 UTC is still the day before in New York", "2026-11-21T04:30:00Z", NEW_YORK, "kept", 0],
    ["three days late", "2026-11-23T09:00:00Z", STOCKHOLM, "late", -3],
  ])("%s", (_name, deliveredAt, zone, verdict, daysEarly) => {
    const outcome = judge([delivered(deliveredAt)], { destinationZone: zone });
    expect(outcome).toMatchObject({ verdict, daysEarly, risk: null, nextCheckAt: null });
  });

  it.each([
    // Stockholm leaves summer time at 03:00 on 25 October 2026 (01:00 UTC) and enters it on 29 March 2026.
    ["autumn DST: 23:30 CET on the promised day", "2026-10-25", "2026-10-25T22:30:00Z", 0],
    ["autumn DST: 00:30 CET the next day", "2026-10-25", "2026-10-25T23:30:00Z", -1],
    ["spring DST: 23:59 CEST on the promised day", "2026-03-29", "2026-03-29T21:59:00Z", 0],
    ["spring DST: 00:00 CEST the next day", "2026-03-29", "2026-03-29T22:00:00Z", -1],
  ])("%s", (_name, promisedDate, deliveredAt, daysEarly) => {
    const outcome = judge([delivered(deliveredAt, { shippedAt: at(`${promisedDate}T06:00:00Z`) })], {
      promise: { ...PROMISE, shipBy: promisedDate, rawLatest: promisedDate, promisedDate },
    });
    expect(outcome.daysEarly).toBe(daysEarly);
  });

  it("a multi-parcel order arrives with its last parcel", () => {
    const outcome = judge([delivered("2026-11-18T10:00:00Z"), delivered("2026-11-21T10:00:00Z")]);
    expect(outcome).toMatchObject({ verdict: "late", daysEarly: -1, arrivalDate: "2026-11-21" });
  });

  it("a cancelled fulfillment is not a parcel", () => {
    const outcome = judge([delivered("2026-11-18T10:00:00Z"), parcel({ status: "cancelled" })]);
    expect(outcome).toMatchObject({ verdict: "kept", daysEarly: 2 });
  });

  it("a partly shipped order has not arrived, even when its shipped parcel has", () => {
    const facts = arrival([delivered("2026-11-18T10:00:00Z")], { orderFulfillmentStatus: "partial", orderLineCount: 2 });
    expect(facts).toMatchObject({ arrival: { kind: "none" }, shipped: "partly" });
  });

  it("a delivered status without a scan confirms arrival too, and says so", () => {
    const facts = arrival([delivered("2026-11-18T10:00:00Z", { deliveredBy: "status" }), delivered("2026-11-17T10:00:00Z")]);
    expect(facts.arrival).toEqual({ kind: "confirmed", at: at("2026-11-18T10:00:00Z"), by: "status", parcels: 2 });
  });
});

describe("promiseOutcome: late causes", () => {
  it.each([
    ["shipped on time, the carrier ran late", "2026-11-16T10:00:00Z", "2026-11-22T10:00:00Z", "carrier"],
    ["shipped two days late, the carrier within its range from then", "2026-11-18T10:00:00Z", "2026-11-21T10:00:00Z", "warehouse"],
    ["shipped a day late and the carrier also ran past its range", "2026-11-17T10:00:00Z", "2026-11-23T10:00:00Z", "both"],
    // 23:30 on the 16th in Stockholm is still the ship-by day: the warehouse shipped in time.
    ["shipped at 23:30 shop time on the ship-by day", "2026-11-16T22:30:00Z", "2026-11-22T10:00:00Z", "carrier"],
  ])("%s", (_name, shippedAt, deliveredAt, cause) => {
    const outcome = judge([delivered(deliveredAt, { shippedAt: at(shippedAt) })]);
    expect(outcome).toMatchObject({ verdict: "late", lateCause: cause });
  });
});

describe("promiseOutcome: open promises and risk", () => {
  it.each([
    ["nothing shipped, ship-by day not over", [], "2026-11-16T20:00:00Z", null, "2026-11-16T23:00:00Z"],
    ["nothing shipped after the ship-by day", [], "2026-11-17T08:00:00Z", "not-shipped", "2026-11-18T23:00:00Z"],
    ["in transit, within the carrier's range", [parcel()], "2026-11-18T08:00:00Z", null, "2026-11-18T23:00:00Z"],
    ["in transit on the day before the promise", [parcel()], "2026-11-19T08:00:00Z", "due-soon", "2026-11-19T23:00:00Z"],
    ["in transit past the carrier's latest date", [parcel()], "2026-11-20T08:00:00Z", "transit-overdue", "2026-11-20T23:00:00Z"],
  ] as const)("%s", (_name, parcels, now, risk, nextCheckAt) => {
    const outcome = judge([...parcels], { now: at(now) });
    expect(outcome).toMatchObject({ verdict: "open", risk, nextCheckAt: at(nextCheckAt) });
  });

  it("once the promised day is over without an arrival it is late, by the days so far, checked again each midnight", () => {
    const outcome = judge([parcel()], { now: at("2026-11-22T08:00:00Z") });
    expect(outcome).toMatchObject({ verdict: "late", daysEarly: -2, lateCause: "carrier", nextCheckAt: at("2026-11-22T23:00:00Z") });
  });

  it("not shipped at all past the promise is the warehouse's", () => {
    expect(judge([], { now: at("2026-11-22T08:00:00Z") })).toMatchObject({ verdict: "late", lateCause: "warehouse" });
  });
});

describe("promiseOutcome: orders the kept-rate leaves out", () => {
  const order = (overrides: Partial<OutcomeInput["order"]>) => ({ order: { cancelledAt: null, financialStatus: "paid", ...overrides } });
  it.each([
    ["cancelled", [delivered("2026-11-18T10:00:00Z")], order({ cancelledAt: at("2026-11-17T10:00:00Z") }), "excluded", "cancelled"],
    ["refunded before it arrived", [], order({ financialStatus: "refunded" }), "excluded", "refunded"],
    [
      "no promise (pickup, local delivery, digital)",
      [],
      { promise: { ...PROMISE, status: "none", noPromiseReason: "no-destination", promisedDate: null } },
      "not_applicable",
      "no-promise:no-destination",
    ],
    ["no promise recorded", [], { promise: null }, "not_applicable", "no-promise:not-recorded"],
    ["not shown at checkout", [delivered("2026-11-18T10:00:00Z")], { promise: { ...PROMISE, shownAtCheckout: false } }, "not_applicable", "not-shown"],
  ] as const)("%s", (_name, parcels, overrides, verdict, reason) => {
    expect(judge([...parcels], overrides as Partial<OutcomeInput>)).toMatchObject({ verdict, reason, nextCheckAt: null });
  });

  it("refunded after it arrived keeps its verdict", () => {
    const outcome = judge([delivered("2026-11-18T10:00:00Z")], { order: { cancelledAt: null, financialStatus: "refunded" } });
    expect(outcome).toMatchObject({ verdict: "kept", daysEarly: 2 });
  });
});

describe("arrivalOf: inferred arrival", () => {
  const LANE: TransitHistory = { p90Hours: 72, sample: 40, scope: "lane" };

  it("waits the quiet period after the lane's p90 carrier time, then infers arrival at the p90 point", () => {
    const waiting = arrival([parcel()], { transit: LANE, now: at("2026-11-20T12:00:00Z") });
    expect(waiting).toMatchObject({ arrival: { kind: "none" }, inferenceDueAt: at("2026-11-21T10:00:00Z") });
    const inferred = arrival([parcel()], { transit: LANE, now: at("2026-11-21T10:00:00Z") });
    expect(inferred.arrival).toMatchObject({ kind: "inferred", at: at("2026-11-19T10:00:00Z"), parcels: 1 });
    expect(inferred.arrival.kind === "inferred" && inferred.arrival.how).toContain("this lane's 90th-percentile carrier time (3.0 days over 40 deliveries)");
  });

  it("never infers an arrival before the parcel's last scan", () => {
    const facts = arrival([parcel({ lastScanAt: at("2026-11-20T15:00:00Z") })], { transit: LANE, now: at("2026-11-25T00:00:00Z") });
    expect(facts.arrival).toMatchObject({ kind: "inferred", at: at("2026-11-20T15:00:00Z") });
  });

  it("a multi-parcel order with one confirmed parcel infers the rest, not earlier than the confirmed one", () => {
    const facts = arrival([delivered("2026-11-22T10:00:00Z"), parcel()], { transit: LANE, now: at("2026-11-30T00:00:00Z") });
    expect(facts.arrival).toMatchObject({ kind: "inferred", at: at("2026-11-22T10:00:00Z"), parcels: 2 });
  });

  it("infers nothing without history, and nothing before every parcel shipped", () => {
    expect(arrival([parcel()], { now: at("2026-12-30T00:00:00Z") }).arrival.kind).toBe("none");
    expect(arrival([parcel()], { transit: LANE, orderFulfillmentStatus: "partial", orderLineCount: 3 }).arrival.kind).toBe("none");
  });

  it("a late inferred arrival judges the promise late, an early one kept", () => {
    const outcome = judge([parcel()], { now: at("2026-11-30T00:00:00Z") }, { transit: { p90Hours: 24 * 7, sample: 200, scope: "shop" } });
    expect(outcome).toMatchObject({ verdict: "late", daysEarly: -3, lateCause: "carrier", nextCheckAt: null });
  });
});

describe("mergeArrival: the fact never goes backwards", () => {
  const confirmed: Arrival = { kind: "confirmed", at: at("2026-11-19T10:00:00Z"), by: "scan", parcels: 1 };
  const inferred: Arrival = { kind: "inferred", at: at("2026-11-18T10:00:00Z"), how: "p90", parcels: 1 };
  const none: Arrival = { kind: "none" };
  it.each([
    ["an inference, then the real scan", inferred, confirmed, confirmed],
    ["a confirmation, then a later computation without it", confirmed, none, confirmed],
    ["a confirmation, then an inference", confirmed, inferred, confirmed],
    ["an inference, then nothing (history changed)", inferred, none, inferred],
    ["nothing, then an inference", none, inferred, inferred],
  ])("%s", (_name, previous, next, expected) => {
    expect(mergeArrival(previous, next)).toEqual(expected);
  });
});

describe("destinationZone", () => {
  it.each([
    ["SE", null, "Europe/Stockholm", "country"],
    ["US", "CA", "America/Los_Angeles", "province"],
    ["US", "US-TX", "America/Chicago", "province"],
    ["US", "NY", "America/New_York", "country"],
    ["ca", "bc", "America/Vancouver", "province"],
    ["AU", "WA", "Australia/Perth", "province"],
    ["XX", null, STOCKHOLM, "shop"],
    [null, null, STOCKHOLM, "shop"],
  ])("%s %s → %s", (country, province, timeZone, from) => {
    expect(destinationZone(country, province, STOCKHOLM)).toEqual({ timeZone, from });
  });

  it("every zone in the tables is one the runtime knows", async () => {
    const { isKnownTimeZone } = await import("../promise/civil-date");
    const zones = ["AD", "AE", "AR", "BR", "CA", "DE", "FO", "GL", "IN", "JP", "MX", "NZ", "RU", "SE", "UA", "US", "VN", "ZA"].map(
      (country) => destinationZone(country, null, "UTC").timeZone,
    );
    const provinces = ["US-AZ", "US-HI", "CA-NL", "AU-NT", "MX-BCN", "BR-AM", "RU-KGD", "RU-PRI"].map(
      (code) => destinationZone(code.slice(0, 2), code, "UTC").timeZone,
    );
    for (const zone of [...zones, ...provinces]) expect(isKnownTimeZone(zone), zone).toBe(true);
  });
});
