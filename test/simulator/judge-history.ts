import { readFileSync } from "node:fs";
import { arrivalOf, type Parcel, type TransitHistory } from "~/domain/outcomes/arrival";
import { destinationZone } from "~/domain/outcomes/destination-zone";
import { keptRateOf, laneAlerts, type KeptRate } from "~/domain/outcomes/kept-rate";
import { promiseOutcome, type Outcome } from "~/domain/outcomes/promise-outcome";
import { addDays, compareDates, wallClockAt } from "~/domain/promise/civil-date";
import { computePromise, type DeliveryPromise } from "~/domain/promise/compute-promise";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { percentile } from "~/domain/stats/percentiles";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import type { Delivery } from "../../scripts/simulator/timeline";

// What Kept would conclude from a scenario's deliveries at `now`, worked out with Kept's own domain code and
// the demo's promise settings (scripts/demo-promise-settings.json): each order's promise, arrival and
// verdict, then the Dashboard's figures (lanes of the last 30 days, their alerts, the orders at risk). The
// carrier time arrivals are inferred from is the steady state: each lane's confirmed deliveries, else the shop's.

const settings = promiseSettingsSchema.parse(JSON.parse(readFileSync("scripts/demo-promise-settings.json", "utf8")));
const configs = new Map<string, PromiseConfig>();
const configFor = (date: string) => configs.get(date) ?? configs.set(date, toPromiseConfig(settings, expandClosedDatesForSettings(settings, date))).get(date)!;

type OrderBody = {
  admin_graphql_api_id: string;
  created_at: string;
  shipping_lines: { code: string; title: string }[];
  shipping_address?: { country_code: string; province_code: string | null; zip: string };
  cancelled_at: string | null;
};
type FulfillmentBody = { admin_graphql_api_id: string; created_at: string; order_id: number; line_items: unknown[] };
type EventBody = { fulfillment_id: number; status: string; happened_at: string };

export type Judged = { laneKey: string; promise: DeliveryPromise; outcome: Outcome; transitHours: number | null };

function judgeOne(order: OrderBody, parcels: Parcel[], transit: (laneKey: string) => TransitHistory | null, now: Date): Judged | null {
  const address = order.shipping_address;
  const line = order.shipping_lines[0];
  if (!address || !line || order.cancelled_at) return null;
  const ordered = Date.parse(order.created_at);
  const method = { handle: line.code, title: line.title };
  const destination = { countryCode: address.country_code, provinceCode: address.province_code ?? undefined, postalCode: address.zip };
  const result = computePromise(configFor(wallClockAt(ordered, settings.shop.timeZone).date), { orderedAt: ordered, method, destination });
  if (!result.ok) return null;
  const facts = arrivalOf({ parcels, orderFulfillmentStatus: null, orderLineCount: 1, transit: transit(result.lane.id), quietHours: 48, now });
  const zone = destinationZone(address.country_code, address.province_code, settings.shop.timeZone).timeZone;
  const promise = {
    status: "promised" as const,
    noPromiseReason: null,
    shownAtCheckout: true,
    shipBy: result.shipBy,
    rawLatest: result.latest,
    promisedDate: result.promised,
  };
  const outcome = promiseOutcome({
    promise,
    order: { cancelledAt: null, financialStatus: "paid" },
    facts,
    arrival: facts.arrival,
    shopZone: settings.shop.timeZone,
    destinationZone: zone,
    now,
  });
  const transitHours =
    facts.arrival.kind === "confirmed" && facts.lastShippedAt ? (facts.arrival.at.getTime() - facts.lastShippedAt.getTime()) / 3_600_000 : null;
  return { laneKey: result.lane.id, promise: result, outcome, transitHours };
}

/** Every promised, not cancelled order of the deliveries, judged at `now` (only deliveries sent by then count). */
export function judgeDeliveries(deliveries: Delivery[], now: Date): Judged[] {
  const sent = deliveries.filter((delivery) => Date.parse(delivery.triggeredAt) <= now.getTime());
  const body = <T>(delivery: Delivery) => delivery.payload as unknown as T;
  const orders = new Map(sent.filter((d) => d.topic === "orders/create").map((d) => [String(body<{ id: number }>(d).id), body<OrderBody>(d)]));
  for (const d of sent.filter((d) => d.topic === "orders/cancelled")) orders.set(String(body<{ id: number }>(d).id), body<OrderBody>(d));
  const parcels = new Map<number, { order: string; parcel: Parcel }>();
  for (const d of sent.filter((d) => d.topic === "fulfillments/create")) {
    const f = body<FulfillmentBody & { id: number }>(d);
    parcels.set(f.id, {
      order: String(f.order_id),
      parcel: { status: "success", lineCount: 1, shippedAt: new Date(f.created_at), deliveredAt: null, deliveredBy: null, lastScanAt: null },
    });
  }
  for (const d of sent.filter((d) => d.topic === "fulfillment_events/create")) {
    const event = body<EventBody>(d);
    const entry = parcels.get(event.fulfillment_id);
    if (!entry) continue;
    const at = new Date(event.happened_at);
    if (!entry.parcel.lastScanAt || at > entry.parcel.lastScanAt) entry.parcel.lastScanAt = at;
    if (event.status === "delivered" && (!entry.parcel.deliveredAt || at < entry.parcel.deliveredAt))
      entry.parcel = { ...entry.parcel, deliveredAt: at, deliveredBy: "scan" };
  }
  const byOrder = new Map<string, Parcel[]>();
  for (const { order, parcel } of parcels.values()) byOrder.set(order, [...(byOrder.get(order) ?? []), parcel]);
  // First pass without inference, for the carrier times; then the verdicts with them.
  const first = [...orders].map(([id, order]) => judgeOne(order, byOrder.get(id) ?? [], () => null, now)).filter((entry) => entry !== null);
  const hours = (lane?: string) =>
    first.filter((entry) => entry.transitHours !== null && (!lane || entry.laneKey === lane)).map((entry) => entry.transitHours!);
  const history = (values: number[], scope: "lane" | "shop") =>
    values.length >= 20 ? { p90Hours: percentile(values, 90)!, sample: values.length, scope } : null;
  const transit = (lane: string) => history(hours(lane), "lane") ?? history(hours(), "shop");
  return [...orders].map(([id, order]) => judgeOne(order, byOrder.get(id) ?? [], transit, now)).filter((entry) => entry !== null);
}

/** The Dashboard's lanes of the last 30 days (promised date up to yesterday, shop calendar) and their alerts. */
export function lanesOfLast30Days(judged: Judged[], now: Date): { lanes: { laneKey: string; keptRate: KeptRate }[]; alerts: ReturnType<typeof laneAlerts> } {
  const today = wallClockAt(now.getTime(), settings.shop.timeZone).date;
  const due = judged.filter(
    ({ outcome, promise }) =>
      (outcome.verdict === "kept" || outcome.verdict === "late") &&
      compareDates(promise.promised, addDays(today, -30)) >= 0 &&
      compareDates(promise.promised, today) < 0,
  );
  const laneKeys = [...new Set(due.map((entry) => entry.laneKey))];
  const lanes = laneKeys.map((laneKey) => ({
    laneKey,
    keptRate: keptRateOf(
      due
        .filter((entry) => entry.laneKey === laneKey)
        .map(({ outcome }) => ({ verdict: outcome.verdict, lateCause: outcome.lateCause, count: 1, daysEarlySum: outcome.daysEarly })),
    ),
  }));
  return { lanes, alerts: laneAlerts(lanes, settings.targetKeptRate) };
}
