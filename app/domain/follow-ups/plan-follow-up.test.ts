import { describe, expect, it } from "vitest";
import type { FollowUpRule } from "./follow-up-rule";
import { laterStepSent, planFollowUp, triggeredAt, type FollowUpFacts } from "./plan-follow-up";

const now = new Date("2026-11-25T12:00:00Z");

const rule = (over: Partial<FollowUpRule> = {}): FollowUpRule => ({
  id: "r",
  version: 1,
  name: "Rule",
  active: true,
  trigger: "review-request",
  delay: { days: 3, hours: 0 },
  inferredArrivalCounts: true,
  lookBackDays: 0,
  sequence: null,
  afterBrokenPromise: { action: "send", delayDays: 3 },
  conditions: { op: "and", items: [] },
  message: { kind: "built-in" },
  ...over,
});

const facts = (over: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
  cancelled: false,
  refunded: false,
  returned: false,
  hasEmail: true,
  verdict: "open",
  daysEarly: null,
  risk: null,
  arrival: { kind: "none" },
  shipped: "none",
  shippedAt: null,
  shipBy: "2026-11-20",
  shopZone: "Europe/Stockholm",
  promisedDate: "2026-11-24",
  destinationZone: "Europe/Berlin",
  apology: "none",
  ...over,
});

const arrived = (at: string, kind: "confirmed" | "inferred" = "confirmed") => ({ kind, at: new Date(at) }) as const;

describe("planning a follow-up", () => {
  it("waits for the trigger, then sends at the trigger plus the delay", () => {
    expect(planFollowUp(rule(), facts(), now)).toEqual({ kind: "wait" });
    const plan = planFollowUp(rule(), facts({ verdict: "kept", daysEarly: 1, arrival: arrived("2026-11-23T10:00:00Z") }), now);
    expect(plan).toEqual({ kind: "send", at: new Date("2026-11-26T10:00:00Z") });
  });

  it("never sends a review request before arrival, and counts an inferred arrival only when the rule says so", () => {
    const inferred = facts({ verdict: "kept", daysEarly: 0, arrival: arrived("2026-11-23T10:00:00Z", "inferred") });
    expect(planFollowUp(rule({ inferredArrivalCounts: false }), inferred, now)).toEqual({ kind: "wait" });
    expect(planFollowUp(rule({ inferredArrivalCounts: true }), inferred, now).kind).toBe("send");
    expect(planFollowUp(rule(), facts({ shipped: "fully", shippedAt: new Date("2026-11-19T08:00:00Z") }), now)).toEqual({ kind: "wait" });
  });

  it("after a broken promise: skips, waits longer, or waits for the apology, as the merchant chose", () => {
    const late = facts({ verdict: "late", daysEarly: -2, arrival: arrived("2026-11-26T10:00:00Z") });
    expect(planFollowUp(rule({ afterBrokenPromise: { action: "skip", delayDays: 3 } }), late, now)).toEqual({
      kind: "skip",
      reason: "the promise was broken: arrived 2 days late",
    });
    expect(planFollowUp(rule({ afterBrokenPromise: { action: "delay", delayDays: 4 } }), late, now)).toEqual({
      kind: "send",
      at: new Date("2026-12-03T10:00:00Z"),
    });
    const apologyFirst = rule({ afterBrokenPromise: { action: "apology-first", delayDays: 3 } });
    expect(planFollowUp(apologyFirst, { ...late, apology: "pending" }, now)).toEqual({ kind: "wait" });
    expect(planFollowUp(apologyFirst, { ...late, apology: "sent" }, now).kind).toBe("send");
    expect(planFollowUp(apologyFirst, { ...late, apology: "none" }, now)).toMatchObject({ kind: "skip" });
  });

  it("stops for a cancelled or refunded order, or one without an email", () => {
    const kept = { verdict: "kept" as const, daysEarly: 1, arrival: arrived("2026-11-23T10:00:00Z") };
    expect(planFollowUp(rule(), facts({ ...kept, cancelled: true }), now)).toEqual({ kind: "cancel", reason: "the order was cancelled" });
    expect(planFollowUp(rule(), facts({ ...kept, refunded: true }), now)).toEqual({ kind: "cancel", reason: "the order was refunded" });
    expect(planFollowUp(rule(), facts({ ...kept, returned: true }), now)).toEqual({ kind: "cancel", reason: "the customer returned the order" });
    expect(planFollowUp(rule(), facts({ ...kept, hasEmail: false }), now)).toEqual({ kind: "cancel", reason: "the order has no email address" });
  });

  it("says 'we shipped early' only when the parcel left before the ship-by date, in the shop's calendar", () => {
    const early = rule({ trigger: "shipped-early", delay: { days: 0, hours: 1 } });
    // 23:30 UTC on 18 Nov is 00:30 on 19 Nov in Stockholm: still before the ship-by date of the 20th
    const shipped = (iso: string) => facts({ shipped: "fully", shippedAt: new Date(iso) });
    expect(planFollowUp(early, shipped("2026-11-18T23:30:00Z"), now)).toEqual({ kind: "send", at: new Date("2026-11-19T00:30:00Z") });
    // 23:30 UTC on 19 Nov is the 20th in Stockholm: the ship-by date itself
    expect(planFollowUp(early, shipped("2026-11-19T23:30:00Z"), now)).toEqual({ kind: "skip", reason: "shipped on the ship-by date, not before it" });
    expect(planFollowUp(early, shipped("2026-11-21T10:00:00Z"), now)).toEqual({ kind: "skip", reason: "shipped after the ship-by date" });
    expect(planFollowUp(early, facts({ shipped: "partly", shippedAt: new Date("2026-11-18T10:00:00Z") }), now)).toEqual({ kind: "wait" });
  });

  it("apologises when a promise is at risk (from when Kept saw it) or late (from the day after the promised date, where the customer is)", () => {
    const apology = rule({ trigger: "apology", delay: { days: 0, hours: 0 } });
    expect(planFollowUp(apology, facts({ risk: "not-shipped" }), now)).toEqual({ kind: "send", at: now, floating: true });
    // Berlin is UTC+1 in November: 25 Nov starts at 23:00 UTC on the 24th
    expect(planFollowUp(apology, facts({ verdict: "late", daysEarly: -1 }), now)).toEqual({ kind: "send", at: new Date("2026-11-24T23:00:00Z") });
    expect(planFollowUp(apology, facts({ verdict: "late", arrival: arrived("2026-11-25T08:00:00Z") }), now)).toEqual({
      kind: "cancel",
      reason: "the order arrived before the apology went out",
    });
    expect(planFollowUp(apology, facts(), now)).toEqual({ kind: "cancel", reason: "the order is back on track" });
  });

  it("asks 'did it arrive?' N days after the promised date unless it arrived", () => {
    const ask = rule({ trigger: "did-it-arrive", delay: { days: 2, hours: 0 } });
    expect(planFollowUp(ask, facts(), now)).toEqual({ kind: "send", at: new Date("2026-11-26T23:00:00Z") });
    expect(planFollowUp(ask, facts({ arrival: arrived("2026-11-25T08:00:00Z") }), now)).toEqual({ kind: "cancel", reason: "the order arrived" });
    expect(planFollowUp(ask, facts({ promisedDate: null }), now)).toEqual({ kind: "wait" });
  });

  it("tells an early arrival apart from one on the day", () => {
    const early = rule({ trigger: "arrived-early", delay: { days: 0, hours: 0 } });
    expect(planFollowUp(early, facts({ verdict: "kept", daysEarly: 2, arrival: arrived("2026-11-22T10:00:00Z") }), now).kind).toBe("send");
    expect(planFollowUp(early, facts({ verdict: "kept", daysEarly: 0, arrival: arrived("2026-11-24T10:00:00Z") }), now)).toEqual({
      kind: "skip",
      reason: "arrived on the promised day",
    });
  });

  it("knows when the trigger happened, so a new rule speaks only of what happens after it is made", () => {
    const arrival = facts({ verdict: "kept", daysEarly: 1, arrival: arrived("2026-11-23T10:00:00Z", "inferred") });
    expect(triggeredAt(rule(), arrival, now)).toEqual(new Date("2026-11-23T10:00:00Z"));
    expect(triggeredAt(rule({ inferredArrivalCounts: false }), arrival, now)).toBeNull();
    expect(triggeredAt(rule({ trigger: "shipped" }), facts({ shipped: "partly", shippedAt: new Date("2026-11-19T08:00:00Z") }), now)).toBeNull();
    expect(triggeredAt(rule({ trigger: "shipped" }), facts({ shipped: "fully", shippedAt: new Date("2026-11-19T08:00:00Z") }), now)).toEqual(
      new Date("2026-11-19T08:00:00Z"),
    );
    expect(triggeredAt(rule({ trigger: "apology" }), facts({ risk: "not-shipped" }), now)).toEqual(now);
    expect(triggeredAt(rule({ trigger: "apology" }), facts({ verdict: "late" }), now)).toEqual(new Date("2026-11-24T23:00:00Z"));
    expect(triggeredAt(rule({ trigger: "apology" }), facts(), now)).toBeNull();
    expect(triggeredAt(rule({ trigger: "did-it-arrive" }), facts(), now)).toEqual(new Date("2026-11-24T23:00:00Z"));
  });

  it("stops a step of a sequence when a later step was already sent, and only then", () => {
    const care = rule({ id: "care", name: "Care advice", sequence: { name: "After arrival", step: 1 } });
    const review = rule({ id: "review", name: "Review request", sequence: { name: "After arrival", step: 2 } });
    const other = rule({ id: "other", name: "Other", sequence: { name: "Winback", step: 5 } });
    expect(laterStepSent(care, [review])).toBe("Review request");
    expect(laterStepSent(review, [care])).toBeNull();
    expect(laterStepSent(care, [other])).toBeNull();
    expect(laterStepSent(rule({ sequence: null }), [review])).toBeNull();
  });
});
