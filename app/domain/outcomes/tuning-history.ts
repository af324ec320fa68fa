import { addBusinessDays, type WorkCalendar } from "../promise/business-days";
import { compareDates, type CivilDate } from "../promise/civil-date";
import type { Lane } from "../promise/promise-config";
import type { TuneGroup, TuneLane, TuneObservation } from "./tune-padding";

// The tuner's view of a shop's history (docs/tuner.md): each order's promise as "how much padding would
// have kept it", in carrier delivery days after the carrier's latest date, and the lanes' parents to
// borrow from (method × region or postal area → method × country → the shop).

/** One order's promise and arrival as stored (DeliveryPromise + PromiseOutcome). */
export type TuningRow = {
  laneKey: string;
  orderedAt: Date;
  /** The carrier's latest date (the promise before padding), destination calendar. */
  rawLatest: CivilDate;
  /** The arrival's civil date, confirmed or inferred; null while none is known. */
  arrivalDate: CivilDate | null;
  /** The ship-by date (shop calendar) and when the last parcel shipped; null while not fully shipped. */
  shipBy: CivilDate | null;
  shippedAt: Date | null;
  /** False for a cancelled or refunded order: it never ships, so it says nothing about the warehouse. */
  counts: boolean;
};

/** The search stops here: a parcel this late says "more than the cap" and nothing more precise is needed. */
const SEARCH_LIMIT = 40;

/** The least number of extra working days `k` for which "ship-by + k" is on or after `date`; SEARCH_LIMIT when none is within it. */
function daysPastShipBy(warehouse: WorkCalendar, shipBy: CivilDate, date: CivilDate): number {
  for (let extra = 0; extra < SEARCH_LIMIT; extra += 1) {
    const day = addBusinessDays(warehouse, shipBy, extra);
    if (day === null) return SEARCH_LIMIT;
    if (compareDates(day, date) >= 0) return extra;
  }
  return SEARCH_LIMIT;
}

/**
 * The order as the processing-days proposal counts it: the extra working days past its ship-by date it
 * shipped on (0 when in time); not shipped by today → censored; null when it has no ship-by date, does
 * not count, or its ship-by day has not passed yet. `shopDateOf` reads an instant on the shop's calendar.
 */
export function toShippingObservation(row: TuningRow, warehouse: WorkCalendar, today: CivilDate, shopDateOf: (at: Date) => CivilDate): TuneObservation | null {
  if (!row.shipBy || !row.counts) return null;
  const orderedAt = row.orderedAt.getTime();
  if (row.shippedAt) return { excess: daysPastShipBy(warehouse, row.shipBy, shopDateOf(row.shippedAt)), censored: false, orderedAt };
  const due = daysPastShipBy(warehouse, row.shipBy, today);
  return due === 0 ? null : { excess: due - 1, censored: true, orderedAt };
}

/** The least padding p (carrier days) whose promised date, raw latest + p, is on or after `date`; SEARCH_LIMIT when none is within it. */
function paddingReaching(carrier: WorkCalendar, rawLatest: CivilDate, date: CivilDate): number {
  for (let padding = 0; padding < SEARCH_LIMIT; padding += 1) {
    const promised = addBusinessDays(carrier, rawLatest, padding);
    if (promised === null) return SEARCH_LIMIT;
    if (compareDates(promised, date) >= 0) return padding;
  }
  return SEARCH_LIMIT;
}

/**
 * The order as the tuner counts it: arrived → the least padding that would have kept its promise; not
 * arrived by `today` → censored: it needs more padding than any promise that fell due before today. Null
 * when not arriving yet says nothing (no padding has come due).
 */
export function toObservation(row: TuningRow, carrier: WorkCalendar, today: CivilDate): TuneObservation | null {
  const orderedAt = row.orderedAt.getTime();
  if (row.arrivalDate !== null) return { excess: paddingReaching(carrier, row.rawLatest, row.arrivalDate), censored: false, orderedAt };
  const due = paddingReaching(carrier, row.rawLatest, today);
  return due === 0 ? null : { excess: due - 1, censored: true, orderedAt };
}

const SHOP_KEY = "the whole shop";

/** Whether the lane is narrower than its method × country (a region or a postal area). */
const isNarrow = (lane: Pick<Lane, "destination">) => lane.destination.region !== undefined || lane.destination.postalPrefix !== undefined;

/**
 * The tuner's input for a shop: each configured lane with its own history, its padding in force and its
 * recent kept-rate; a narrow lane's parent is its method × country (every lane of that method and country),
 * and every lane's last parent is the whole shop. Groups are keyed by what they are in words ("all
 * standard lanes to Sweden"), which is how the tuner's reasons name them; `countryName` names a country code.
 */
export function tuningInput(
  lanes: readonly Lane[],
  shopPadding: number,
  observations: ReadonlyMap<string, readonly TuneObservation[]>,
  observedKeptRate: ReadonlyMap<string, number | null>,
  countryName: (code: string) => string,
): { lanes: TuneLane[]; groups: TuneGroup[] } {
  const groupOf = (lane: Lane) => `all ${lane.method.handle ?? lane.method.titlePattern ?? ""} lanes to ${countryName(lane.destination.country)}`;
  const byGroup = new Map<string, TuneObservation[]>();
  const all: TuneObservation[] = [];
  for (const lane of lanes) {
    const own = observations.get(lane.id) ?? [];
    all.push(...own);
    byGroup.set(groupOf(lane), [...(byGroup.get(groupOf(lane)) ?? []), ...own]);
  }
  const groups: TuneGroup[] = [
    ...[...byGroup].map(([key, members]) => ({ key, parentKey: SHOP_KEY, observations: members })),
    { key: SHOP_KEY, parentKey: null, observations: all },
  ];
  return {
    lanes: lanes.map((lane) => ({
      key: lane.id,
      parentKey: isNarrow(lane) ? groupOf(lane) : SHOP_KEY,
      observations: observations.get(lane.id) ?? [],
      current: lane.paddingDays ?? shopPadding,
      observedKeptRate: observedKeptRate.get(lane.id) ?? null,
    })),
    groups,
  };
}

/** The mean days from the day placed to the promised date, were the lane padded by `padding` (null with no order). */
export function meanLeadDays(orders: readonly { orderDate: CivilDate; rawLatest: CivilDate }[], carrier: WorkCalendar, padding: number): number | null {
  let total = 0;
  let count = 0;
  for (const order of orders) {
    const promised = addBusinessDays(carrier, order.rawLatest, padding);
    if (promised === null) continue;
    total += (Date.parse(`${promised}T00:00:00Z`) - Date.parse(`${order.orderDate}T00:00:00Z`)) / 86_400_000;
    count += 1;
  }
  return count === 0 ? null : total / count;
}
