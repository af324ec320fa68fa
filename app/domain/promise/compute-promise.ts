import {
  addBusinessDays,
  createWorkCalendar,
  isOpenDay,
  nextOpenDayOnOrAfter,
  type WorkCalendar,
} from "./business-days";
import {
  addDays,
  isKnownTimeZone,
  laterDate,
  startOfDayInstant,
  wallClockAt,
  weekdayOf,
  type CivilDate,
} from "./civil-date";
import { matchLane, type Destination, type ShippingMethod } from "./match-lane";
import { cutoffToMinutes, isPromiseConfig, type PromiseConfig } from "./promise-config";

/** One question to the engine: when will this order, shipped this way to this place, arrive? */
export interface PromiseRequest {
  /** When the order was (or would be) placed: ISO 8601 with `Z` or an offset, or epoch milliseconds. */
  orderedAt: string | number;
  method: ShippingMethod;
  destination: Destination;
}

/** A delivery promise. All dates are YYYY-MM-DD. */
export interface DeliveryPromise {
  ok: true;
  /** Earliest day the parcel can leave the warehouse (processing min), shop calendar. */
  shipFrom: CivilDate;
  /** Latest day the parcel must leave the warehouse for the promise to hold (processing max), shop calendar. */
  shipBy: CivilDate;
  /** Earliest and latest raw delivery days, destination calendar. */
  earliest: CivilDate;
  latest: CivilDate;
  /** What the shopper is told: `latest` plus padding, destination calendar. */
  promised: CivilDate;
  lane: { id: string; label: string };
  paddingDays: number;
  /** Human-readable trail of how the dates were reached (for support and the promise ledger). */
  reason: string[];
}

export type NoPromiseReason =
  | "invalid-config"
  | "invalid-order-time"
  | "invalid-destination"
  | "no-lane"
  | "calendar-exhausted";

/** The engine declines to promise anything; `details` says why in words. */
export interface NoPromise {
  ok: false;
  reason: NoPromiseReason;
  details: string[];
}

export type PromiseResult = DeliveryPromise | NoPromise;

const EXPLICIT_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of the order, or null. Strings must carry a zone so the answer never depends on the host TZ. */
function parseOrderInstant(orderedAt: string | number): number | null {
  if (typeof orderedAt === "number") return Number.isFinite(orderedAt) ? orderedAt : null;
  if (!EXPLICIT_OFFSET.test(orderedAt.trim())) return null;
  const epochMs = Date.parse(orderedAt);
  return Number.isNaN(epochMs) ? null : epochMs;
}

const formatMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const refuse = (reason: NoPromiseReason, detail: string): NoPromise => ({ ok: false, reason, details: [detail] });

/**
 * The civil date in the destination's calendar on which a parcel shipped on `shipDate`
 * (shop calendar) starts its transit. We take the END of the shop's ship day and read it on
 * the destination's clock, and never go earlier than the shop date itself. So a shopper east
 * of the shop (e.g. Los Angeles shop → Auckland shopper) counts transit from the next day,
 * and a shopper west of it from the same date: the promise errs late, never early.
 */
function departureDate(shipDate: CivilDate, shopZone: string, destinationZone: string): CivilDate {
  if (shopZone === destinationZone) return shipDate;
  const endOfShipDay = startOfDayInstant(addDays(shipDate, 1), shopZone) - 1;
  return laterDate(shipDate, wallClockAt(endOfShipDay, destinationZone).date);
}

/**
 * The day processing starts: the order day itself when it is a working day and the order came in
 * strictly before that day's cut-off minute, otherwise the next working day. Null if none within a year.
 */
function findProcessingStart(
  config: PromiseConfig,
  warehouse: WorkCalendar,
  orderedAtMs: number,
): { date: CivilDate | null; explanation: string } {
  const ordered = wallClockAt(orderedAtMs, config.timeZone);
  const weekday = weekdayOf(ordered.date);
  const cutoff = config.cutoffs[weekday];
  const isWorkingDay = isOpenDay(warehouse, ordered.date);
  const isSameDay = isWorkingDay && cutoff !== undefined && ordered.minuteOfDay < cutoffToMinutes(cutoff);
  const timing = !isWorkingDay
    ? "warehouse closed that day"
    : cutoff === undefined
      ? "no cut-off that day"
      : `${isSameDay ? "before" : "at or after"} cut-off ${cutoff}`;
  return {
    date: isSameDay ? ordered.date : nextOpenDayOnOrAfter(warehouse, addDays(ordered.date, 1)),
    explanation: `ordered ${weekday} ${ordered.date} ${formatMinutes(ordered.minuteOfDay)} ${config.timeZone} (${timing})`,
  };
}

/**
 * Computes the delivery promise for one order.
 *
 * Rules (see docs/promise-engine.md):
 * - The order instant is read on the shop's clock. An order placed on a warehouse working day
 *   strictly before that weekday's cut-off minute starts processing the same day; an order AT the
 *   cut-off minute (14:00:00–14:00:59 for "14:00") or later, or on a closed day, starts on the next
 *   working day.
 * - Processing min/max business days are counted on the warehouse calendar from that start day
 *   (0 = ships on the start day), giving shipFrom/shipBy.
 * - Transit min/max of the most specific matching lane is counted in carrier delivery days from
 *   the departure date in the destination calendar, giving earliest/latest.
 * - Padding adds carrier delivery days after latest, giving the promised date.
 * Returns `{ ok: false }` rather than inventing a date when config, input or lane is missing.
 */
export function computePromise(config: unknown, request: PromiseRequest): PromiseResult {
  if (!isPromiseConfig(config)) return refuse("invalid-config", "promise configuration failed validation");
  const orderedAtMs = parseOrderInstant(request.orderedAt);
  if (orderedAtMs === null) {
    return refuse("invalid-order-time", `order time ${String(request.orderedAt)} is not an instant with a zone`);
  }
  const destinationZone = request.destination.timeZone ?? config.timeZone;
  if (!isKnownTimeZone(destinationZone)) {
    return refuse("invalid-destination", `unknown destination time zone ${destinationZone}`);
  }
  const match = matchLane(config.lanes, request.method, request.destination);
  if (match === null) {
    const { countryCode, provinceCode, postalCode } = request.destination;
    const where = [countryCode, provinceCode, postalCode].filter(Boolean).join(" ");
    const how = request.method.handle ?? request.method.title ?? "unknown method";
    return refuse("no-lane", `no lane for ${how} to ${where}`);
  }
  const { lane } = match;

  const warehouse = createWorkCalendar(config.workingDays, config.closedDates);
  const carrier = createWorkCalendar(config.carrier.deliveryDays, config.carrier.closedDates);
  const start = findProcessingStart(config, warehouse, orderedAtMs);
  const shipFrom = start.date && addBusinessDays(warehouse, start.date, config.processingDays.min);
  const shipBy = start.date && addBusinessDays(warehouse, start.date, config.processingDays.max);
  const earliest =
    shipFrom && addBusinessDays(carrier, departureDate(shipFrom, config.timeZone, destinationZone), lane.transitDays.min);
  const latest =
    shipBy && addBusinessDays(carrier, departureDate(shipBy, config.timeZone, destinationZone), lane.transitDays.max);
  const promised = latest && addBusinessDays(carrier, latest, config.paddingDays);
  if (!shipFrom || !shipBy || !earliest || !latest || !promised) {
    return refuse("calendar-exhausted", "warehouse or carrier calendar has no open day within a year");
  }

  return {
    ok: true,
    shipFrom,
    shipBy,
    earliest,
    latest,
    promised,
    lane: { id: lane.id, label: lane.label },
    paddingDays: config.paddingDays,
    reason: [
      start.explanation,
      `processing starts ${start.date}; ships ${shipFrom}..${shipBy} (${config.processingDays.min}-${config.processingDays.max} business days)`,
      `lane ${lane.id} matched by ${match.matchedBy}; transit ${lane.transitDays.min}-${lane.transitDays.max} carrier days in ${destinationZone}`,
      `delivery ${earliest}..${latest}; +${config.paddingDays} padding carrier days → promised ${promised}`,
    ],
  };
}
