import { addBusinessDays, createWorkCalendar, isOpenDay, nextOpenDayOnOrAfter } from "./business-days";
import { addDays, laterDate, startOfDayInstant, wallClockAt, weekdayOf, type CivilDate } from "./civil-date";
import type { LaneMatch } from "./match-lane";
import { lanePadding, type DayRange, type PromiseConfig } from "./promise-config";

/** The order as the warehouse sees it: its date on the shop's calendar and whether it beat that day's cut-off. */
export interface ShopDayOrder {
  date: CivilDate;
  isBeforeCutoff: boolean;
  /** How the order time was read, for the reason trail (e.g. "14:05 Europe/Stockholm"). */
  clock: string;
}

/** The dates of a promise, before it is wrapped into the engine's result. */
export interface PromiseTimeline {
  start: CivilDate;
  shipFrom: CivilDate;
  shipBy: CivilDate;
  earliest: CivilDate;
  latest: CivilDate;
  promised: CivilDate;
  explanation: string;
  transitDays: DayRange;
}

/**
 * The civil date in the destination's calendar on which a parcel shipped on `shipDate`
 * (shop calendar) starts its transit. We take the END of the shop's ship day and read it on
 * the destination's clock, and never go earlier than the shop date itself. So a shopper east
 * of the shop (e.g. Los Angeles shop → Auckland shopper) counts transit from the next day,
 * and a shopper west of it from the same date: the promise errs late, never early.
 * The same zone on both sides needs no clock (and no Intl) at all.
 */
function departureDate(shipDate: CivilDate, shopZone: string, destinationZone: string): CivilDate {
  if (shopZone === destinationZone) return shipDate;
  const endOfShipDay = startOfDayInstant(addDays(shipDate, 1), shopZone) - 1;
  return laterDate(shipDate, wallClockAt(endOfShipDay, destinationZone).date);
}

/**
 * Works out the promise dates for an order seen on the shop's calendar:
 * - processing starts on the order day when it is a working day and the order beat that weekday's
 *   cut-off, otherwise on the next working day;
 * - processing min/max business days on the warehouse calendar give shipFrom/shipBy;
 * - transit min/max (the lane's, or the carrier's own estimate when given) in carrier delivery days
 *   from the departure date in the destination calendar give earliest/latest;
 * - padding adds carrier delivery days after latest.
 * Returns null when a calendar has no open day within a year.
 */
export function buildTimeline(
  config: PromiseConfig,
  match: LaneMatch,
  order: ShopDayOrder,
  destinationZone: string,
  transitOverride?: DayRange,
): PromiseTimeline | null {
  const warehouse = createWorkCalendar(config.workingDays, config.closedDates);
  const carrier = createWorkCalendar(config.carrier.deliveryDays, config.carrier.closedDates);
  const weekday = weekdayOf(order.date);
  const cutoff = config.cutoffs[weekday];
  const isWorkingDay = isOpenDay(warehouse, order.date);
  const isSameDay = isWorkingDay && cutoff !== undefined && order.isBeforeCutoff;
  const timing = !isWorkingDay
    ? "warehouse closed that day"
    : cutoff === undefined
      ? "no cut-off that day"
      : `${isSameDay ? "before" : "at or after"} cut-off ${cutoff}`;
  const start = isSameDay ? order.date : nextOpenDayOnOrAfter(warehouse, addDays(order.date, 1));
  const transitDays = transitOverride ?? match.lane.transitDays;
  const shipFrom = start && addBusinessDays(warehouse, start, config.processingDays.min);
  const shipBy = start && addBusinessDays(warehouse, start, config.processingDays.max);
  const earliest = shipFrom && addBusinessDays(carrier, departureDate(shipFrom, config.timeZone, destinationZone), transitDays.min);
  const latest = shipBy && addBusinessDays(carrier, departureDate(shipBy, config.timeZone, destinationZone), transitDays.max);
  const promised = latest && addBusinessDays(carrier, latest, lanePadding(config, match.lane));
  if (!start || !shipFrom || !shipBy || !earliest || !latest || !promised) return null;
  const explanation = `ordered ${weekday} ${order.date} ${order.clock} (${timing})`;
  return { start, shipFrom, shipBy, earliest, latest, promised, explanation, transitDays };
}
