import { addDays, compareDates, wallClockAt, weekdayOf, type CivilDate } from "../../app/domain/promise/civil-date";
import { addBusinessDays, createWorkCalendar, type WorkCalendar } from "../../app/domain/promise/business-days";
import { instantAtWallClock } from "../../app/domain/promise/wall-clock-instant";
import { expandClosedDates } from "../../app/services/promise/expand-closed-dates.server";
import type { CountryCode } from "./destinations";
import { buildFulfillmentEvent } from "./event-fixtures";
import type { ShopWorld } from "./fixtures";
import { buildFulfillment, cancelledOrder, orderWithFulfillments, type FulfillmentPayload, type ShipmentStatus } from "./fulfillment-fixtures";
import type { OrderPayload } from "./order-fixtures";
import { addMinutes } from "./shop-time";
import type { JsonValue } from "./json-text";

// One order of the history scenario as the shop and its carriers lived it: the warehouse ships on working days
// (Mon-Fri, not on Swedish holidays) after the day's cut-off rule, carriers deliver on working days in the
// buyer's own hours, and each carrier's tracking feed is what it is: some never scan "delivered".

export const SHOP_ZONE = "Europe/Stockholm";

type Feed = "full" | "no-delivered" | "first-scan-only";
type Carrier = { transit: number[]; zone: string; feed: Feed };

/** Carrier days from the day a parcel ships to the day it arrives (drawn from the list), and what each carrier scans. */
const CARRIERS: Record<CountryCode, Carrier> = {
  SE: { transit: [1, 1, 1, 2, 2], zone: "Europe/Stockholm", feed: "full" },
  DE: { transit: [2, 2, 3, 3, 3, 4], zone: "Europe/Berlin", feed: "full" },
  FR: { transit: [3, 3, 4, 4, 5], zone: "Europe/Paris", feed: "full" },
  // Correos' feed ends at out_for_delivery; the international standard service scans once, when it leaves.
  ES: { transit: [3, 4, 5], zone: "Europe/Madrid", feed: "no-delivered" },
  US: { transit: [2, 3, 3, 4], zone: "America/New_York", feed: "full" },
  JP: { transit: [3, 4, 5], zone: "Asia/Tokyo", feed: "full" },
  RU: { transit: [7, 8, 9, 10, 11, 12], zone: "Europe/Moscow", feed: "first-scan-only" },
};

/** The warehouse's daily cut-off (minute of day, shop time): orders placed before it are worked on the same day. */
const CUTOFF_MINUTES: Record<string, number> = { mon: 840, tue: 840, wed: 840, thu: 840, fri: 780 };

export const isConfirmingCarrier = (country: CountryCode) => CARRIERS[country].feed === "full";

/** Mon-Fri minus Swedish public and full-day bank holidays around `from` (the warehouse's and the carriers' days). */
export function workingCalendar(from: CivilDate, days: number): WorkCalendar {
  const closed = expandClosedDates({ country: "SE", startDate: from, days, includeBankHolidays: true });
  return createWorkCalendar(["mon", "tue", "wed", "thu", "fri"], closed);
}

const at = (date: CivilDate, zone: string, hour: number, minute: number) => new Date(instantAtWallClock(date, hour * 60 + minute, zone));

export type OrderPlan = {
  /** What happens to it: shipped in time, a backorder shipped 2 working days after its ship-by day, or a parcel the carrier holds up. */
  kind: "normal" | "late-by-a-day" | "backorder" | "held-up" | "cancelled";
  /** A slowdown on the order's lane: `days` more in transit for a parcel that ships in [from, until) (shop calendar). */
  slowdown: { from: CivilDate; until: CivilDate; days: number } | null;
};

export type PlannedDelivery = { at: Date; topic: string; payload: JsonValue; label: string; action: string; key: string };

/** The first working day of the order and its ship-by day (one working day of processing at most), as the warehouse works. */
export function processingDays(calendar: WorkCalendar, createdAt: Date) {
  const placed = wallClockAt(createdAt.getTime(), SHOP_ZONE);
  const cutoff = CUTOFF_MINUTES[weekdayOf(placed.date)];
  const sameDay = cutoff !== undefined && placed.minuteOfDay < cutoff && addBusinessDays(calendar, placed.date, 0) === placed.date;
  const start = addBusinessDays(calendar, sameDay ? placed.date : addDays(placed.date, 1), 0)!;
  return { start, shipBy: addBusinessDays(calendar, start, 1)! };
}

type StoryInput = { world: ShopWorld; calendar: WorkCalendar; order: OrderPayload; createdAt: Date; country: CountryCode; key: string; plan: OrderPlan };

/** Every delivery of one order's life (orders/create, its shipment and its scans), whether or not it is past yet. */
export function planHistoryOrder(input: StoryInput): PlannedDelivery[] {
  const { world, calendar, order, createdAt, key, plan } = input;
  const { rng, shop } = world;
  const planned: PlannedDelivery[] = [
    { at: createdAt, topic: "orders/create", payload: order, label: order.name, action: `create:${order.id}`, key: `${key}:create` },
  ];
  if (plan.kind === "cancelled") {
    const cancelAt = addMinutes(createdAt, rng.int(60, 300));
    const cancelled = cancelledOrder(order, cancelAt, shop.offsetMinutes, rng.pick(["customer", "inventory"] as const));
    planned.push({
      at: cancelAt,
      topic: "orders/cancelled",
      payload: cancelled,
      label: `${order.name} cancelled`,
      action: `cancel:${order.id}`,
      key: `${key}:cancel`,
    });
    return planned;
  }
  const { start, shipBy } = processingDays(calendar, createdAt);
  const shipDay =
    plan.kind === "backorder"
      ? addBusinessDays(calendar, shipBy, 2)!
      : plan.kind === "late-by-a-day"
        ? addBusinessDays(calendar, shipBy, 1)!
        : plan.kind === "held-up"
          ? start
          : addBusinessDays(calendar, start, rng.chance(0.55) ? 0 : 1)!;
  const packedAt = at(shipDay, SHOP_ZONE, rng.int(10, 16), rng.int(0, 59));
  const shippedAt = packedAt.getTime() > addMinutes(createdAt, 60).getTime() ? packedAt : addMinutes(createdAt, rng.int(60, 120));
  const fulfillment = buildFulfillment(world, order, { createdAt: shippedAt, sequence: 1 });
  const fulfilled = orderWithFulfillments(order, [fulfillment], shippedAt, shop.offsetMinutes);
  const fulfil = `fulfil:${fulfillment.id}`;
  planned.push({ at: shippedAt, topic: "fulfillments/create", payload: fulfillment, label: fulfillment.name, action: fulfil, key: `${key}:fulfil` });
  planned.push({
    at: addMinutes(shippedAt, 0.02),
    topic: "orders/fulfilled",
    payload: fulfilled,
    label: `${order.name} fulfilled`,
    action: fulfil,
    key: `${key}:fulfilled`,
  });

  return [...planned, ...planScans({ ...input, fulfillment, shipDay, shipBy, shippedAt })];
}

type Shipped = StoryInput & { fulfillment: FulfillmentPayload; shipDay: CivilDate; shipBy: CivilDate; shippedAt: Date };

/** The carrier's scans of the parcel: in transit, held at the hub while late, out for delivery, delivered (as its feed goes). */
function planScans(input: Shipped): PlannedDelivery[] {
  const { world, calendar, country, plan, fulfillment, shipDay, shipBy, shippedAt, key } = input;
  const { rng } = world;
  const carrier = CARRIERS[country];
  const usual = rng.pick(carrier.transit);
  const expectedDay = addBusinessDays(calendar, shipDay, usual)!;
  // A held-up parcel arrives a day after the carrier's usual worst case counted from the ship-by day (so on the
  // day Kept promised, thanks to its padding), or, one held-up parcel in three, a day later still.
  const heldUntil = addBusinessDays(calendar, shipBy, Math.max(...carrier.transit) + (compareDates(shipBy, "1970-01-01") % 3 === 0 ? 2 : 1))!;
  const { slowdown } = plan;
  const slowdownDays = slowdown && compareDates(shipDay, slowdown.from) >= 0 && compareDates(shipDay, slowdown.until) < 0 ? slowdown.days : 0;
  const arrivalDay = plan.kind === "held-up" ? heldUntil : addBusinessDays(calendar, expectedDay, slowdownDays)!;
  const arrivesAt =
    plan.kind === "held-up" ? at(arrivalDay, carrier.zone, rng.int(14, 19), rng.int(0, 59)) : at(arrivalDay, carrier.zone, rng.int(9, 16), rng.int(0, 59));
  const scans: Array<{ status: ShipmentStatus; at: Date; estimate: Date | null }> = [
    { status: "in_transit", at: addMinutes(shippedAt, rng.int(180, 480)), estimate: at(expectedDay, carrier.zone, 18, 0) },
  ];
  // A late parcel is scanned at the hub every day it waits (so Kept never takes its silence for a delivery).
  if (arrivalDay !== expectedDay) {
    for (let day = expectedDay; compareDates(day, arrivalDay) < 0; day = addDays(day, 1)) {
      scans.push({ status: "delayed", at: at(day, carrier.zone, 5, rng.int(0, 59)), estimate: at(arrivalDay, carrier.zone, 18, 0) });
    }
  }
  if (carrier.feed !== "first-scan-only") scans.push({ status: "out_for_delivery", at: at(arrivalDay, carrier.zone, 7, rng.int(0, 59)), estimate: null });
  if (carrier.feed === "full") scans.push({ status: "delivered", at: arrivesAt, estimate: null });
  return scans.map((scan, index) => {
    const event = buildFulfillmentEvent(world, fulfillment, { status: scan.status, happenedAt: scan.at, estimatedDeliveryAt: scan.estimate });
    const label = `${fulfillment.name} ${scan.status}`;
    return { at: scan.at, topic: "fulfillment_events/create", payload: event, label, action: `scan:${event.id}`, key: `${key}:scan${index}` };
  });
}
