import { compareDates, isKnownTimeZone, wallClockAt, weekdayOf, type CivilDate } from "./civil-date";
import { matchLane, type Destination, type LaneMatch, type ShippingMethod } from "./match-lane";
import { cutoffToMinutes, hasPromiseConfigShape, isPromiseConfig, lanePadding, type DayRange, type PromiseConfig } from "./promise-config";
import { buildTimeline, type ShopDayOrder } from "./promise-timeline";

/** One question to the engine: when will this order, shipped this way to this place, arrive? */
export interface PromiseRequest {
  /** When the order was (or would be) placed: ISO 8601 with `Z` or an offset, or epoch milliseconds. */
  orderedAt: string | number;
  method: ShippingMethod;
  destination: Destination;
  /**
   * The carrier's own transit time for this option in carrier delivery days (Shopify's estimate at
   * checkout). When given it replaces the lane's transit; a lane must still match.
   */
  transitDays?: DayRange;
}

/**
 * The same question from a runtime that only knows the shop's calendar (a Shopify Function: the
 * shop's local date, and whether that day's cut-off has passed). Delivery dates are then read in the
 * shop's calendar, as for a destination without a time zone.
 */
export interface ShopDayRequest {
  shopDate: CivilDate;
  isBeforeCutoff: boolean;
  method: ShippingMethod;
  destination: Omit<Destination, "timeZone">;
  transitDays?: DayRange;
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

type NoPromiseReason = "invalid-config" | "invalid-order-time" | "invalid-destination" | "no-lane" | "calendar-exhausted" | "beyond-horizon";

/** The engine declines to promise anything; `details` says why in words. */
interface NoPromise {
  ok: false;
  reason: NoPromiseReason;
  details: string[];
}

export type PromiseResult = DeliveryPromise | NoPromise;

const EXPLICIT_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of the order, or null. Strings must carry a zone so the answer never depends on the host TZ. */
export function parseOrderInstant(orderedAt: string | number): number | null {
  if (typeof orderedAt === "number") return Number.isFinite(orderedAt) ? orderedAt : null;
  if (!EXPLICIT_OFFSET.test(orderedAt.trim())) return null;
  const epochMs = Date.parse(orderedAt);
  return Number.isNaN(epochMs) ? null : epochMs;
}

const formatMinutes = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const refuse = (reason: NoPromiseReason, detail: string): NoPromise => ({ ok: false, reason, details: [detail] });

function findLane(config: PromiseConfig, method: ShippingMethod, destination: Omit<Destination, "timeZone">): LaneMatch | NoPromise {
  const match = matchLane(config.lanes, method, destination);
  if (match !== null) return match;
  const { countryCode, provinceCode, postalCode } = destination;
  const where = [countryCode, provinceCode, postalCode].filter(Boolean).join(" ");
  return refuse("no-lane", `no lane for ${method.handle ?? method.title ?? "unknown method"} to ${where}`);
}

function promiseFrom(config: PromiseConfig, match: LaneMatch, order: ShopDayOrder, destinationZone: string, transitDays?: DayRange): PromiseResult {
  const timeline = buildTimeline(config, match, order, destinationZone, transitDays);
  if (timeline === null) return refuse("calendar-exhausted", "warehouse or carrier calendar has no open day within a year");
  // The promised date is the latest day the calendars were asked about; past the horizon they no longer
  // know the holidays, so the answer could be early.
  if (config.validUntil !== undefined && compareDates(timeline.promised, config.validUntil) > 0) {
    return refuse("beyond-horizon", `the promise would need ${timeline.promised}; the config's closed dates end ${config.validUntil}`);
  }
  const { lane } = match;
  const { start, shipFrom, shipBy, earliest, latest, promised } = timeline;
  const transit = `${timeline.transitDays.min}-${timeline.transitDays.max}`;
  return {
    ok: true,
    shipFrom,
    shipBy,
    earliest,
    latest,
    promised,
    lane: { id: lane.id, label: lane.label },
    paddingDays: lanePadding(config, lane),
    reason: [
      timeline.explanation,
      `processing starts ${start}; ships ${shipFrom}..${shipBy} (${config.processingDays.min}-${config.processingDays.max} business days)`,
      `lane ${lane.id} matched by ${match.matchedBy}; transit ${transit} carrier days${transitDays ? " (carrier estimate)" : ""} in ${destinationZone}`,
      `delivery ${earliest}..${latest}; +${lanePadding(config, lane)} padding carrier days${lane.paddingDays === undefined ? "" : " (the lane's own)"} → promised ${promised}`,
    ],
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
 * - Transit min/max of the most specific matching lane (or the carrier's own estimate, when the
 *   request carries one) is counted in carrier delivery days from the departure date in the
 *   destination calendar, giving earliest/latest.
 * - Padding adds carrier delivery days after latest, giving the promised date.
 * Returns `{ ok: false }` rather than inventing a date when config, input or lane is missing, or when the
 * promise would fall after the config's horizon (`validUntil`: holidays beyond it are unknown).
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
  const match = findLane(config, request.method, request.destination);
  if ("ok" in match) return match;
  const ordered = wallClockAt(orderedAtMs, config.timeZone);
  const cutoff = config.cutoffs[weekdayOf(ordered.date)];
  const order: ShopDayOrder = {
    date: ordered.date,
    isBeforeCutoff: cutoff !== undefined && ordered.minuteOfDay < cutoffToMinutes(cutoff),
    clock: `${formatMinutes(ordered.minuteOfDay)} ${config.timeZone}`,
  };
  return promiseFrom(config, match, order, destinationZone, request.transitDays);
}

/**
 * The promise for an order known only on the shop's calendar (see ShopDayRequest): same rules as
 * computePromise, without reading any clock or time zone, so it runs where `Intl` does not exist.
 * The caller must only pass `isBeforeCutoff: true` when it knows the cut-off had not passed; when
 * unsure, `false` gives the later, safe date.
 */
export function computePromiseForShopDay(config: unknown, request: ShopDayRequest): PromiseResult {
  if (!hasPromiseConfigShape(config)) return refuse("invalid-config", "promise configuration failed validation");
  const match = findLane(config, request.method, request.destination);
  if ("ok" in match) return match;
  const order: ShopDayOrder = {
    date: request.shopDate,
    isBeforeCutoff: request.isBeforeCutoff,
    clock: `${request.isBeforeCutoff ? "before" : "after"} the cut-off on the shop clock`,
  };
  return promiseFrom(config, match, order, config.timeZone, request.transitDays);
}
