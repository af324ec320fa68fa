import { addDays, compareDates, wallClockAt, weekdayOf, type CivilDate, type Weekday } from "../../app/domain/promise/civil-date";
import { isOpenDay } from "../../app/domain/promise/business-days";
import { instantAtWallClock } from "../../app/domain/promise/wall-clock-instant";
import type { CountryCode } from "./destinations";
import { createShopWorld, type ShopWorld } from "./fixtures";
import { createCustomerBook, pickBuyer } from "./history-buyers";
import { isConfirmingCarrier, planHistoryOrder, processingDays, SHOP_ZONE, workingCalendar, type OrderPlan, type PlannedDelivery } from "./history-story";
import type { ItemSpec } from "./line-item-fixtures";
import { buildOrder } from "./order-fixtures";
import { createRng, seedFrom, type Rng } from "./random";
import type { ScenarioOptions } from "./scenario-demo";
import { createTimeline, type Delivery } from "./timeline";

// The shop's last ten weeks up to now, so the Dashboard has a past: 15-40 orders a day (fewer at weekends),
// each shipped and scanned as its carrier does, a few shipped late by the warehouse, one parcel a working day
// held up by PostNord, and a DHL slowdown to Germany for three weeks that breaks that lane's promises before
// it recovers. Every order is a function of (seed, its day, its place in the day), never of `now`, except
// whether its parcel shipped during the slowdown; ids derive from the same, so a re-run the same day (or
// later, for the days both cover) sends the same deliveries, which Kept dedupes. Only what is past is sent.

const HISTORY_DAYS = 70;
/** Extra carrier days on the slowed lane (Germany), for parcels shipped in the window. */
const SLOWDOWN_COUNTRY: CountryCode = "DE";
const ORDERS_PER_DAY: Record<Weekday, [number, number]> = {
  mon: [24, 36],
  tue: [20, 32],
  wed: [20, 32],
  thu: [20, 32],
  fri: [18, 28],
  sat: [15, 22],
  sun: [16, 26],
};
/** How orders spread over the day (shop time, per hour): quiet at night, busiest in the evening. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 3.5, 3.5, 3.5, 4, 3.5, 3, 3, 3, 3.5, 4.5, 5.5, 6, 5.5, 4, 2.5];
const CODES = ["HÖST25", "VIP15", "WELCOME10"];
/** Kept must have seen this many confirmed deliveries before the first parcel of a carrier that never confirms one ships. */
const CONFIRMED_BEFORE_UNCONFIRMED = 40;

/** The shop-calendar days [from, until) whose parcels to Germany take 2-3 carrier days longer: three weeks, ending two weeks before today. */
export function slowdownWindow(now: Date): { country: CountryCode; from: CivilDate; until: CivilDate } {
  const today = wallClockAt(now.getTime(), SHOP_ZONE).date;
  return { country: SLOWDOWN_COUNTRY, from: addDays(today, -35), until: addDays(today, -14) };
}

function pickMinuteOfDay(rng: Rng): number {
  let roll = rng.next() * HOUR_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  const hour = HOUR_WEIGHTS.findIndex((weight) => (roll -= weight) < 0);
  return (hour === -1 ? 23 : hour) * 60 + rng.int(0, 59);
}

function pickItems(world: ShopWorld): ItemSpec[] {
  const chosen = new Set<number>();
  const count = world.rng.pick([1, 1, 1, 2, 2, 3]);
  while (chosen.size < count) chosen.add(world.rng.int(0, world.catalog.length - 1));
  return [...chosen].map((index) => ({ variant: world.catalog[index]!, quantity: world.rng.pick([1, 1, 2]) }));
}

type HistoryOrder = { country: CountryCode; deliveries: PlannedDelivery[] };
type DayContext = { seed: number; shopDomain: string; customers: ShopWorld["customerFor"]; calendar: ReturnType<typeof workingCalendar>; now: Date };

/** One day's orders: each with its own seeded world (ids in their own block), so one order's story never shifts another's. */
function buildDay(context: DayContext, date: CivilDate): HistoryOrder[] {
  const rng = createRng(seedFrom(context.seed, "history", date));
  const [fewest, most] = ORDERS_PER_DAY[weekdayOf(date)];
  const minutes = Array.from({ length: rng.int(fewest, most) }, () => pickMinuteOfDay(rng)).sort((a, b) => a - b);
  const dayNumber = compareDates(date, "1970-01-01");
  const offsetMinutes = Math.round((Date.parse(`${date}T12:00:00Z`) - instantAtWallClock(date, 720, SHOP_ZONE)) / 60_000);
  const orders = minutes.map((minute, index) => {
    const world: ShopWorld = {
      ...createShopWorld({
        seed: seedFrom(context.seed, "history", date, index),
        shopDomain: context.shopDomain,
        offsetMinutes,
        idBlock: dayNumber * 50 + index,
        lastOrderNumber: 20_000 + compareDates(date, "2024-01-01") * 50 + index,
      }),
      customerFor: context.customers,
    };
    const createdAt = new Date(instantAtWallClock(date, minute, SHOP_ZONE));
    const persona = pickBuyer(world);
    const discount = world.rng.chance(0.12) ? { code: world.rng.pick(CODES), percent: world.rng.pick([10, 15, 25]) } : null;
    const checkout = world.rng.chance(0.25) ? "guest" : "account";
    const order = buildOrder(world, { createdAt, persona, checkout, source: "web", items: pickItems(world), discount });
    const isSameDay = processingDays(context.calendar, createdAt).start === date;
    return { world, order, createdAt, country: persona.country_code, isSameDay, roll: world.rng.next(), extraDays: world.rng.pick([2, 3, 3]), index };
  });
  // On working days: the first order worked on the same day waits for stock (a backorder), and the first
  // Swedish one after it is held up by the carrier. The rest: a few cancelled, a few shipped a day late.
  const isWorkingDay = isOpenDay(context.calendar, date);
  const backorder = isWorkingDay ? orders.find((order) => order.isSameDay) : undefined;
  const heldUp = isWorkingDay ? orders.find((order) => order.isSameDay && order !== backorder && order.country === "SE") : undefined;
  const slowdown = slowdownWindow(context.now);
  return orders.map((entry) => {
    const kind: OrderPlan["kind"] =
      entry === backorder ? "backorder" : entry === heldUp ? "held-up" : entry.roll < 0.015 ? "cancelled" : entry.roll < 0.035 ? "late-by-a-day" : "normal";
    const plan: OrderPlan = { kind, slowdown: entry.country === slowdown.country ? { ...slowdown, days: entry.extraDays } : null };
    const key = `${date}#${entry.index}`;
    return { country: entry.country, deliveries: planHistoryOrder({ ...entry, calendar: context.calendar, key, plan }) };
  });
}

/** Orders on carriers that never confirm a delivery wait until Kept has enough confirmed ones to infer theirs from. */
function withEnoughConfirmedFirst(orders: HistoryOrder[]): HistoryOrder[] {
  const confirmed = orders
    .flatMap((order) => order.deliveries)
    .filter((delivery) => (delivery.payload as { status?: unknown }).status === "delivered")
    .map((delivery) => delivery.at.getTime())
    .sort((a, b) => a - b);
  const from = confirmed[CONFIRMED_BEFORE_UNCONFIRMED - 1] ?? Infinity;
  return orders.filter((order) => isConfirmingCarrier(order.country) || order.deliveries[0]!.at.getTime() > from);
}

/** The history up to `options.now` (default `start`): only deliveries whose instant has passed. */
export function buildHistoryScenario(options: ScenarioOptions): Delivery[] {
  const now = options.now ?? options.start;
  const today = wallClockAt(now.getTime(), SHOP_ZONE).date;
  const first = addDays(today, -(HISTORY_DAYS - 1));
  const context: DayContext = {
    seed: options.seed,
    shopDomain: options.shopDomain,
    customers: createCustomerBook(),
    calendar: workingCalendar(addDays(first, -7), HISTORY_DAYS + 60),
    now,
  };
  const orders = Array.from({ length: HISTORY_DAYS }, (_, index) => buildDay(context, addDays(first, index))).flat();
  const timeline = createTimeline("history", options.seed);
  for (const { deliveries } of withEnoughConfirmedFirst(orders)) {
    for (const delivery of deliveries) {
      if (delivery.at.getTime() <= now.getTime())
        timeline.add(delivery.at, delivery.topic, delivery.payload, delivery.label, delivery.action, { key: delivery.key });
    }
  }
  return timeline.deliveries();
}
