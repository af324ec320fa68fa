import { addDays, compareDates, startOfDayInstant, wallClockAt, type CivilDate } from "../promise/civil-date";
import type { FollowUpRule } from "./follow-up-rule";

// What one follow-up rule means for one order now, from the order's stored facts: not yet (its trigger has
// not happened), send at an instant, never (skip, with the reason in words), or stop what was scheduled
// (cancel). Pure: the scheduler calls it whenever an event changes the order, and the sender again just
// before sending, so a cancellation or an arrival in between is never missed.

export type FollowUpFacts = {
  cancelled: boolean;
  refunded: boolean;
  /** Items of the order came back as a return. */
  returned: boolean;
  /** The order has an email address (customers/redact clears it). */
  hasEmail: boolean;
  verdict: "kept" | "late" | "open" | "not_applicable" | "excluded" | null;
  daysEarly: number | null;
  risk: string | null;
  arrival: { kind: "none" } | { kind: "confirmed" | "inferred"; at: Date };
  shipped: "none" | "partly" | "fully";
  shippedAt: Date | null;
  /** The promise's ship-by date, in the shop's calendar. */
  shipBy: CivilDate | null;
  shopZone: string;
  /** The promised date, in the destination's calendar. */
  promisedDate: CivilDate | null;
  destinationZone: string;
  /** The order's apology, when a rule sends one: for review requests that go out only after it. */
  apology: "none" | "pending" | "sent";
};

export type FollowUpPlan =
  | { kind: "wait" }
  /** `floating`: the instant is "when Kept first saw it" (an apology for a risk): a scheduled row keeps its own. */
  | { kind: "send"; at: Date; floating?: boolean }
  | { kind: "skip"; reason: string }
  | { kind: "cancel"; reason: string };

const HOUR_MS = 3_600_000;
const WAIT: FollowUpPlan = { kind: "wait" };

const after = (at: Date, delay: FollowUpRule["delay"]) => new Date(at.getTime() + (delay.days * 24 + delay.hours) * HOUR_MS);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function stopReason(facts: FollowUpFacts): string | null {
  if (facts.cancelled) return "the order was cancelled";
  if (facts.refunded) return "the order was refunded";
  if (facts.returned) return "the customer returned the order";
  if (!facts.hasEmail) return "the order has no email address";
  return null;
}

function arrivalOf(rule: FollowUpRule, facts: FollowUpFacts): Date | null {
  if (facts.arrival.kind === "none") return null;
  if (facts.arrival.kind === "inferred" && !rule.inferredArrivalCounts) return null;
  return facts.arrival.at;
}

/** Review requests and care advice after a broken promise: the merchant's choice. */
function afterArrival(rule: FollowUpRule, facts: FollowUpFacts, arrivedAt: Date): FollowUpPlan {
  const at = after(arrivedAt, rule.delay);
  if (facts.verdict !== "late") return { kind: "send", at };
  const late = facts.daysEarly !== null && facts.daysEarly < 0 ? `arrived ${plural(-facts.daysEarly, "day", "days")} late` : "arrived late";
  switch (rule.afterBrokenPromise.action) {
    case "send":
      return { kind: "send", at };
    case "skip":
      return { kind: "skip", reason: `the promise was broken: ${late}` };
    case "delay":
      return { kind: "send", at: new Date(at.getTime() + rule.afterBrokenPromise.delayDays * 24 * HOUR_MS) };
    case "apology-first":
      if (facts.apology === "sent") return { kind: "send", at };
      if (facts.apology === "pending") return WAIT;
      return { kind: "skip", reason: `the promise was broken (${late}) and no apology was sent first` };
  }
}

function apology(rule: FollowUpRule, facts: FollowUpFacts, now: Date): FollowUpPlan {
  if (facts.arrival.kind !== "none") return { kind: "cancel", reason: "the order arrived before the apology went out" };
  if (facts.verdict === "late" && facts.promisedDate) {
    // Late: from the first moment of the day after the promised date, where the customer is.
    const lateFrom = new Date(startOfDayInstant(addDays(facts.promisedDate, 1), facts.destinationZone));
    return { kind: "send", at: after(lateFrom, rule.delay) };
  }
  if (facts.verdict === "open" && facts.risk !== null) return { kind: "send", at: after(now, rule.delay), floating: true };
  return { kind: "cancel", reason: "the order is back on track" };
}

function shippedEarly(rule: FollowUpRule, facts: FollowUpFacts, shippedAt: Date): FollowUpPlan {
  if (!facts.shipBy) return { kind: "skip", reason: "the order had no ship-by date" };
  const shippedOn = wallClockAt(shippedAt.getTime(), facts.shopZone).date;
  if (compareDates(shippedOn, facts.shipBy) < 0) return { kind: "send", at: after(shippedAt, rule.delay) };
  return {
    kind: "skip",
    reason: compareDates(shippedOn, facts.shipBy) === 0 ? "shipped on the ship-by date, not before it" : "shipped after the ship-by date",
  };
}

/** The plan for `rule` on an order with `facts` at `now`. */
export function planFollowUp(rule: FollowUpRule, facts: FollowUpFacts, now: Date): FollowUpPlan {
  const stop = stopReason(facts);
  if (stop) return { kind: "cancel", reason: stop };
  const shippedAt = facts.shipped === "fully" ? facts.shippedAt : null;
  const arrivedAt = arrivalOf(rule, facts);
  switch (rule.trigger) {
    case "shipped":
      return shippedAt ? { kind: "send", at: after(shippedAt, rule.delay) } : WAIT;
    case "shipped-early":
      return shippedAt ? shippedEarly(rule, facts, shippedAt) : WAIT;
    case "arrived":
      return arrivedAt ? { kind: "send", at: after(arrivedAt, rule.delay) } : WAIT;
    case "arrived-early":
      if (!arrivedAt) return WAIT;
      if (facts.verdict === "kept" && facts.daysEarly !== null && facts.daysEarly > 0) return { kind: "send", at: after(arrivedAt, rule.delay) };
      return {
        kind: "skip",
        reason: facts.verdict === "late" ? "arrived late" : facts.verdict === "kept" ? "arrived on the promised day" : "no promise to be early for",
      };
    case "care-advice":
    case "review-request":
      return arrivedAt ? afterArrival(rule, facts, arrivedAt) : WAIT;
    case "apology":
      return apology(rule, facts, now);
    case "did-it-arrive": {
      if (facts.arrival.kind !== "none") return { kind: "cancel", reason: "the order arrived" };
      if (!facts.promisedDate) return WAIT;
      const dayAfter = new Date(startOfDayInstant(addDays(facts.promisedDate, 1), facts.destinationZone));
      return { kind: "send", at: after(dayAfter, rule.delay) };
    }
  }
}

/**
 * When the rule's trigger happened for the order, or null when it has not (yet). A rule speaks from when it
 * was made: the scheduler makes no row for an order whose trigger came before the rule, so a rule made today
 * does not write to customers whose parcel arrived last month.
 */
export function triggeredAt(rule: FollowUpRule, facts: FollowUpFacts, now: Date): Date | null {
  switch (rule.trigger) {
    case "shipped":
    case "shipped-early":
      return facts.shipped === "fully" ? facts.shippedAt : null;
    case "arrived":
    case "arrived-early":
    case "care-advice":
    case "review-request":
      return arrivalOf(rule, facts);
    case "apology":
      if (facts.verdict === "late" && facts.promisedDate) return new Date(startOfDayInstant(addDays(facts.promisedDate, 1), facts.destinationZone));
      return facts.verdict === "open" && facts.risk !== null ? now : null;
    case "did-it-arrive":
      return facts.promisedDate ? new Date(startOfDayInstant(addDays(facts.promisedDate, 1), facts.destinationZone)) : null;
  }
}

/**
 * The later step of `rule`'s sequence already sent to the order, if any (its rule's name): a message must not
 * go out after one that was meant to follow it.
 */
export function laterStepSent(rule: Pick<FollowUpRule, "id" | "sequence">, sent: readonly Pick<FollowUpRule, "id" | "name" | "sequence">[]): string | null {
  const own = rule.sequence;
  if (!own) return null;
  const later = sent.find((other) => other.id !== rule.id && other.sequence?.name === own.name && other.sequence.step > own.step);
  return later ? later.name : null;
}
