import { describe, expect, it } from "vitest";
import { FLOW_TRIGGERS, flowEventsOf, flowPayload, triggerNamed, type FlowOrderState } from "./flow-triggers";

// A Berlin shop's order to Stockholm, promised for Fri 20 Nov 2026, ship-by Tue 17 Nov.
const open: FlowOrderState = {
  verdict: "open",
  daysEarly: null,
  lateCause: null,
  arrivalKind: "none",
  arrivalAt: null,
  arrivalDate: null,
  shipped: "none",
  shippedAt: null,
  shipBy: "2026-11-17",
  shopZone: "Europe/Berlin",
  promisedDate: "2026-11-20",
  destinationZone: "Europe/Stockholm",
};
const shippedMonday = { ...open, shipped: "fully", shippedAt: new Date("2026-11-16T09:00:00Z") };
const arrived = (at: string, date: string, verdict: string, daysEarly: number, kind = "confirmed"): FlowOrderState => ({
  ...shippedMonday,
  verdict,
  daysEarly,
  arrivalKind: kind,
  arrivalAt: new Date(at),
  arrivalDate: date,
});
const keptWed = arrived("2026-11-18T14:00:00Z", "2026-11-18", "kept", 2);
const triggersOf = (before: FlowOrderState | null, after: FlowOrderState) => flowEventsOf(before, after).map((event) => event.trigger);

describe("flowEventsOf", () => {
  it.each<[string, FlowOrderState | null, FlowOrderState, string[]]>([
    ["nothing changed", open, open, []],
    ["shipped a day before ship-by", open, shippedMonday, ["kept-order-shipped-early"]],
    ["shipped on the ship-by day (Berlin calendar, 23:30 UTC Mon is Tue)", open, { ...shippedMonday, shippedAt: new Date("2026-11-16T23:30:00Z") }, []],
    ["partly shipped early: not yet", open, { ...shippedMonday, shipped: "partly" }, []],
    ["partly, then fully shipped early", { ...shippedMonday, shipped: "partly" }, shippedMonday, ["kept-order-shipped-early"]],
    ["shipped early with no promise", open, { ...shippedMonday, shipBy: null }, []],
    ["arrived in time", shippedMonday, keptWed, ["kept-promise-kept", "kept-order-arrived"]],
    ["the same refresh again (a duplicate webhook)", keptWed, keptWed, []],
    ["first outcome already kept (fulfillments came before the order)", null, keptWed, ["kept-promise-kept", "kept-order-arrived", "kept-order-shipped-early"]],
    ["an inference replaced by a real scan", arrived("2026-11-19T10:00:00Z", "2026-11-19", "kept", 1, "inferred"), keptWed, []],
    ["arrived late", shippedMonday, arrived("2026-11-22T10:00:00Z", "2026-11-22", "late", -2), ["kept-promise-late", "kept-order-arrived"]],
    [
      "late, then arrives",
      { ...shippedMonday, verdict: "late", daysEarly: -1, lateCause: "carrier" },
      arrived("2026-11-22T10:00:00Z", "2026-11-22", "late", -2),
      ["kept-order-arrived"],
    ],
    ["the promised day ends without it", shippedMonday, { ...shippedMonday, verdict: "late", daysEarly: -1, lateCause: "carrier" }, ["kept-promise-late"]],
    [
      "an order with no promise arrives",
      { ...shippedMonday, verdict: "not_applicable", promisedDate: null, shipBy: null },
      { ...arrived("2026-11-18T14:00:00Z", "2026-11-18", "not_applicable", 0), promisedDate: null, shipBy: null },
      ["kept-order-arrived"],
    ],
  ])("%s", (_case, before, after, expected) => {
    expect(triggersOf(before, after)).toEqual(expected);
  });

  it("sends a kept promise with its dates, the arrival kind and days early, dated at the arrival", () => {
    const [kept, arrival] = flowEventsOf(shippedMonday, keptWed);
    expect(kept).toEqual({
      trigger: "kept-promise-kept",
      happenedAt: new Date("2026-11-18T14:00:00Z"),
      fields: { "Promised date": "2026-11-20", "Arrival date": "2026-11-18", "Arrival kind": "confirmed", "Days early": 2 },
    });
    expect(arrival.fields).toEqual({
      "Arrival kind": "confirmed",
      "Arrived at": "2026-11-18T14:00:00.000Z",
      "Arrival date": "2026-11-18",
      "Promised date": "2026-11-20",
    });
  });

  it("dates a miss without arrival at the first moment after the promised day where the customer is, with its cause", () => {
    const [late] = flowEventsOf(shippedMonday, { ...shippedMonday, verdict: "late", daysEarly: -1, lateCause: "warehouse" });
    // Sat 21 Nov 00:00 in Stockholm (UTC+1)
    expect(late).toEqual({
      trigger: "kept-promise-late",
      happenedAt: new Date("2026-11-20T23:00:00Z"),
      fields: { "Promised date": "2026-11-20", Cause: "warehouse", "Days late": 1, Arrived: false },
    });
  });

  it("counts shipped-early days in the shop's calendar", () => {
    const [event] = flowEventsOf(open, { ...shippedMonday, shipBy: "2026-11-19" });
    expect(event.fields).toEqual({ "Ship by date": "2026-11-19", "Shipped at": "2026-11-16T09:00:00.000Z", "Days early": 3 });
  });
});

describe("the trigger catalogue", () => {
  it("keeps Shopify's limits: handles of at most 30 letters, digits and hyphens, field keys of letters and spaces", () => {
    for (const trigger of FLOW_TRIGGERS) {
      expect(trigger.handle).toMatch(/^[a-z0-9-]{1,30}$/);
      for (const key of Object.keys(trigger.fields)) expect(key).toMatch(/^[a-zA-Z\s]+$/);
    }
  });

  it.each([
    ["Delivery promise kept", "kept-promise-kept"],
    ["delivery promise missed", "kept-promise-late"],
    ["kept-order-arrived", "kept-order-arrived"],
    ["Add row to spreadsheet", null],
  ])("reads the lifecycle callback's trigger %j as %j", (definitionId, handle) => {
    expect(triggerNamed(definitionId)).toBe(handle);
  });

  it("puts the order reference in the payload as the numeric order id", () => {
    expect(flowPayload("820982911946", { Code: "SORRY-1" })).toEqual({ order_id: 820982911946, Code: "SORRY-1" });
  });
});
