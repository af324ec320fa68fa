import { arrivalOf, mergeArrival, type Arrival, type Parcel, type TransitHistory } from "~/domain/outcomes/arrival";
import { destinationZone } from "~/domain/outcomes/destination-zone";
import { promiseOutcome } from "~/domain/outcomes/promise-outcome";
import { percentile } from "~/domain/stats/percentiles";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { loadOutcomeInputs, recentTransitHours, saveOutcome, type OutcomeInputs, type StoredArrival } from "~/models/outcomes/promise-outcome.server";
import { findVersionByNumber, findVersionInForce } from "~/models/promise/promise-settings.server";
import type { PromiseSettings } from "~/schemas/promise/promise-settings";
import { settingsOfVersion } from "../promise/record-order-promise.server";

// Keeps each order's PromiseOutcome up to date: called in the worker's transaction after an order,
// fulfillment or scan is applied (so the verdict commits with the event that changed it), and by the
// sweep when a deadline passes. Synchronous, on the worker's connection.

/** Hours without a delivered scan after the lane's p90 carrier time before arrival is inferred. */
const QUIET_HOURS = 48;
/** Confirmed deliveries a lane needs before its own carrier time is used; fewer, and the shop's is. */
const MIN_TRANSIT_SAMPLE = 20;
/** The most recent deliveries the carrier time is taken from (carriers drift: recent ones tell more). */
const TRANSIT_WINDOW = 500;
/** How long a lane's carrier time is reused before it is read again. */
const TRANSIT_TTL_MS = 3_600_000;
const HOUR_MS = 3_600_000;

type CachedTransit = { readAt: number; history: TransitHistory | null };
const transitCache = new Map<string, CachedTransit>();

function historyOf(hours: number[], scope: TransitHistory["scope"]): TransitHistory | null {
  const p90 = hours.length >= MIN_TRANSIT_SAMPLE ? percentile(hours, 90) : null;
  return p90 === null ? null : { p90Hours: p90, sample: hours.length, scope };
}

/**
 * The lane's carrier time from its confirmed deliveries, else the shop's, else (too few confirmed yet) the
 * lane's configured transit maximum in calendar days. A learned time is cached for an hour; "too few" is
 * not, so the first deliveries that make enough are used at once (and reading fewer than 20 rows is cheap).
 */
function transitHistory(db: SqliteDb, shop: string, laneKey: string | null, configured: () => TransitHistory | null, now: Date): TransitHistory | null {
  const key = `${shop}\n${laneKey ?? ""}`;
  const cached = transitCache.get(key);
  if (cached && now.getTime() - cached.readAt < TRANSIT_TTL_MS) return cached.history;
  const learned =
    (laneKey !== null ? historyOf(recentTransitHours(db, shop, laneKey, TRANSIT_WINDOW), "lane") : null) ??
    historyOf(recentTransitHours(db, shop, null, TRANSIT_WINDOW), "shop");
  if (!learned) return configured();
  if (transitCache.size >= 1000) transitCache.delete(transitCache.keys().next().value as string);
  transitCache.set(key, { readAt: now.getTime(), history: learned });
  return learned;
}

/** The lane's configured longest transit as calendar hours: carrier days spread over the carrier's week (5 a week: 7/5 calendar days each), rounded up to whole days. */
function configuredTransit(settings: PromiseSettings | null, laneKey: string | null): TransitHistory | null {
  const lane = settings?.lanes.find((entry) => entry.id === laneKey);
  if (!settings || !lane) return null;
  const calendarDays = Math.ceil((lane.transitDays.max * 7) / settings.carrier.deliveryDays.length);
  return { p90Hours: calendarDays * 24, sample: 0, scope: "settings" };
}

/** Forgets the carrier times read so far (tests that rebuild a shop's history in one process). */
export function forgetTransitHistory() {
  transitCache.clear();
}

/** The settings the order's promise used (that version, else the one in force when it was placed); null without any. */
function settingsOfOrder(db: SqliteDb, shop: string, inputs: OutcomeInputs): PromiseSettings | null {
  const version =
    inputs.promise?.settingsVersion != null
      ? findVersionByNumber(db, shop, inputs.promise.settingsVersion)
      : findVersionInForce(db, shop, inputs.order.createdAt);
  return (version && settingsOfVersion(db, shop, version)) || null;
}

function storedArrival(stored: StoredArrival | null): Arrival {
  if (!stored?.at) return { kind: "none" };
  if (stored.kind === "confirmed") return { kind: "confirmed", at: stored.at, by: stored.by === "status" ? "status" : "scan", parcels: stored.parcels };
  if (stored.kind === "inferred") return { kind: "inferred", at: stored.at, how: stored.how ?? "", parcels: stored.parcels };
  return { kind: "none" };
}

const toParcel = (row: OutcomeInputs["parcels"][number]): Parcel => ({
  status: row.status,
  lineCount: row.lineCount,
  shippedAt: row.shippedAt,
  deliveredAt: row.deliveredAt,
  deliveredBy: row.deliveredAt ? (row.deliveredByScan ? "scan" : "status") : null,
  lastScanAt: row.lastScanAt,
});

/** Recomputes and stores the order's outcome at `now`; nothing when the order is not stored yet (its own event will). */
export function refreshOutcome(db: SqliteDb, shop: string, orderGid: string, now: Date): void {
  const inputs = loadOutcomeInputs(db, shop, orderGid);
  if (!inputs) return;
  const { order, promise } = inputs;
  const settings = settingsOfOrder(db, shop, inputs);
  const shopZone = settings?.shop.timeZone || "UTC";
  const destination = destinationZone(order.shipCountry, order.shipProvince, shopZone);
  const parcels = inputs.parcels.map(toParcel);
  const laneKey = promise?.laneKey ?? null;
  const needsTransit = parcels.some((parcel) => parcel.deliveredAt === null);
  const facts = arrivalOf({
    parcels,
    orderFulfillmentStatus: order.fulfillmentStatus,
    orderLineCount: order.lineCount,
    transit: needsTransit ? transitHistory(db, shop, laneKey, () => configuredTransit(settings, laneKey), now) : null,
    quietHours: QUIET_HOURS,
    now,
  });
  const arrival = mergeArrival(storedArrival(inputs.stored), facts.arrival);
  const outcome = promiseOutcome({
    promise,
    order: { cancelledAt: order.cancelledAt, financialStatus: order.financialStatus },
    facts,
    arrival,
    shopZone,
    destinationZone: destination.timeZone,
    now,
  });
  const transitHours =
    arrival.kind === "confirmed" && facts.lastShippedAt ? Math.max(0, (arrival.at.getTime() - facts.lastShippedAt.getTime()) / HOUR_MS) : null;
  saveOutcome(db, shop, orderGid, {
    verdict: outcome.verdict,
    daysEarly: outcome.daysEarly,
    lateCause: outcome.lateCause,
    risk: outcome.risk,
    reason: outcome.reason,
    arrivalKind: arrival.kind,
    arrivalAt: arrival.kind === "none" ? null : arrival.at,
    arrivalBy: arrival.kind === "confirmed" ? arrival.by : null,
    arrivalHow: arrival.kind === "inferred" ? arrival.how : null,
    arrivalDate: outcome.arrivalDate,
    parcels: arrival.kind === "none" ? 0 : arrival.parcels,
    shipped: facts.shipped,
    shippedAt: facts.lastShippedAt,
    transitHours,
    laneKey,
    promisedDate: promise?.promisedDate ?? null,
    destinationZone: destination.timeZone,
    orderedAt: order.createdAt,
    nextCheckAt: outcome.nextCheckAt,
    updatedAt: now,
  });
}
