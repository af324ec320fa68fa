import { addDays, compareDates, startOfDayInstant, wallClockAt, type CivilDate } from "../promise/civil-date";
import type { Arrival, ArrivalFacts } from "./arrival";

// The verdict on one order's delivery promise, from its arrival fact, at an instant. Dates are compared in
// the destination's calendar (a promise "by Friday" is kept by a parcel that arrives on Friday where the
// shopper lives); the ship-by date lives in the shop's calendar. Pure: the worker recomputes it as events
// arrive and when `nextCheckAt` comes (a deadline passing changes the verdict without any event).

/** The promise Kept recorded for the order at its first sight (models/promise/delivery-promise). */
export type RecordedPromise = {
  status: "promised" | "none";
  noPromiseReason: string | null;
  /** false: no settings version had reached checkout, so shoppers saw no Kept date. */
  shownAtCheckout: boolean | null;
  shipBy: CivilDate | null;
  /** The carrier's latest date before padding, and the padded date shoppers saw. */
  rawLatest: CivilDate | null;
  promisedDate: CivilDate | null;
};

type OutcomeOrder = { cancelledAt: Date | null; financialStatus: string | null };

/**
 * - kept: arrived on or before the promised date (`daysEarly` >= 0; 0 is on the day);
 * - late: arrived after it, or the promised day is over without an arrival (`daysEarly` < 0, so far);
 * - open: not arrived and the promised day is not over, possibly `risk`y;
 * - not_applicable: no promise, or not shown at checkout (counted apart: the kept-rate covers what shoppers saw);
 * - excluded: cancelled, or refunded before it arrived.
 */
type Verdict = "kept" | "late" | "open" | "not_applicable" | "excluded";
type LateCause = "warehouse" | "carrier" | "both";
/** Why an open promise may break: not shipped by the ship-by date; in transit past the carrier's latest date; due today or tomorrow. */
type Risk = "not-shipped" | "transit-overdue" | "due-soon";

export type Outcome = {
  verdict: Verdict;
  /** Days between arrival (or, while late and not arrived, today) and the promised date, in the destination's calendar. */
  daysEarly: number | null;
  lateCause: LateCause | null;
  risk: Risk | null;
  /** Why the order is not applicable or excluded (`no-promise:<reason>`, `not-shown`, `cancelled`, `refunded`). */
  reason: string | null;
  arrivalDate: CivilDate | null;
  /** The next instant at which the verdict may change with no new event, or null. */
  nextCheckAt: Date | null;
};

export type OutcomeInput = {
  promise: RecordedPromise | null;
  order: OutcomeOrder;
  facts: ArrivalFacts;
  /** The arrival fact to judge by (the stored one merged with `facts.arrival`, so it never goes backwards). */
  arrival: Arrival;
  shopZone: string;
  destinationZone: string;
  now: Date;
};

const dateIn = (instant: Date, zone: string): CivilDate => wallClockAt(instant.getTime(), zone).date;
const startOf = (date: CivilDate, zone: string) => new Date(startOfDayInstant(date, zone));

function earliestFuture(now: Date, candidates: (Date | null)[]): Date | null {
  const future = candidates.filter((candidate): candidate is Date => candidate !== null && candidate.getTime() > now.getTime());
  return future.length === 0 ? null : future.reduce((a, b) => (a.getTime() <= b.getTime() ? a : b));
}

function settled(verdict: Verdict, reason: string, arrivalDate: CivilDate | null): Outcome {
  return { verdict, daysEarly: null, lateCause: null, risk: null, reason, arrivalDate, nextCheckAt: null };
}

/**
 * Why a late promise broke. Warehouse: the order shipped after its ship-by date (or has not shipped). Carrier:
 * it shipped in time and the carrier took longer than the lane's range. Both: it shipped late and the carrier
 * also ran past its range counted from the day it really shipped.
 */
function lateCause(promise: RecordedPromise, input: OutcomeInput, endDate: CivilDate): LateCause {
  const { facts } = input;
  if (!promise.shipBy) return "carrier";
  if (facts.shipped !== "fully" || !facts.lastShippedAt) return "warehouse";
  const warehouseDelay = Math.max(0, compareDates(dateIn(facts.lastShippedAt, input.shopZone), promise.shipBy));
  if (warehouseDelay === 0) return "carrier";
  const carrierLatest = promise.rawLatest ? addDays(promise.rawLatest, warehouseDelay) : null;
  return carrierLatest && compareDates(endDate, carrierLatest) > 0 ? "both" : "warehouse";
}

/** The verdict on a recorded promise at `now`. */
export function promiseOutcome(input: OutcomeInput): Outcome {
  const { promise, order, facts, arrival, destinationZone, shopZone, now } = input;
  const arrivalDate = arrival.kind === "none" ? null : dateIn(arrival.at, destinationZone);
  if (order.cancelledAt) return settled("excluded", "cancelled", arrivalDate);
  if (order.financialStatus === "refunded" && arrival.kind === "none") return settled("excluded", "refunded", arrivalDate);
  if (!promise || promise.status !== "promised" || !promise.promisedDate) {
    return settled("not_applicable", `no-promise:${promise?.noPromiseReason ?? "not-recorded"}`, arrivalDate);
  }
  if (promise.shownAtCheckout === false) return settled("not_applicable", "not-shown", arrivalDate);

  const promised = promise.promisedDate;
  if (arrivalDate) {
    const daysEarly = compareDates(promised, arrivalDate);
    const verdict = daysEarly >= 0 ? "kept" : "late";
    // An inferred arrival is replaced by a real scan when one comes: that is an event, not a deadline.
    return {
      verdict,
      daysEarly,
      lateCause: verdict === "late" ? lateCause(promise, input, arrivalDate) : null,
      risk: null,
      reason: null,
      arrivalDate,
      nextCheckAt: null,
    };
  }

  const today = dateIn(now, destinationZone);
  const dayAfterPromise = startOf(addDays(promised, 1), destinationZone);
  if (compareDates(today, promised) > 0) {
    // Late and still on its way: the days late grow each day until it arrives (or is inferred).
    const nextCheckAt = earliestFuture(now, [startOf(addDays(today, 1), destinationZone), facts.inferenceDueAt]);
    return {
      verdict: "late",
      daysEarly: compareDates(promised, today),
      lateCause: lateCause(promise, input, today),
      risk: null,
      reason: null,
      arrivalDate: null,
      nextCheckAt,
    };
  }

  const shipByOver = promise.shipBy ? startOf(addDays(promise.shipBy, 1), shopZone) : null;
  const carrierLatestOver = promise.rawLatest ? startOf(addDays(promise.rawLatest, 1), destinationZone) : null;
  const dueSoonFrom = startOf(addDays(promised, -1), destinationZone);
  const after = (instant: Date | null) => instant !== null && now.getTime() >= instant.getTime();
  const risk: Risk | null =
    facts.shipped !== "fully" && after(shipByOver)
      ? "not-shipped"
      : facts.shipped === "fully" && after(carrierLatestOver)
        ? "transit-overdue"
        : after(dueSoonFrom)
          ? "due-soon"
          : null;
  const nextCheckAt = earliestFuture(now, [
    facts.shipped !== "fully" ? shipByOver : null,
    carrierLatestOver,
    dueSoonFrom,
    dayAfterPromise,
    facts.inferenceDueAt,
  ]);
  return { verdict: "open", daysEarly: null, lateCause: null, risk, reason: null, arrivalDate: null, nextCheckAt };
}
