import { wallClockAt, type CivilDate } from "~/domain/promise/civil-date";
import { computePromise } from "~/domain/promise/compute-promise";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { recordPromise, type PromiseRecord } from "~/models/promise/delivery-promise.server";
import { findVersionInForce, findVersionPublishedBy, loadSettingsDocument, type VersionInForce } from "~/models/promise/promise-settings.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { promiseSettingsSchema, toPromiseConfig, type PromiseSettings } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import type { OrderRecord } from "~/domain/orders/order-record";

// Per shop and version, not per order: the parsed settings document and, per start day, the engine's
// config with holidays expanded (the expensive step). Which version applies is asked of the database
// for every order, so a newly published version applies to the next order processed, in any process. Versions
// are never changed; a number is reused only after shop/redact erased the shop's versions, so a parsed
// version remembers its row's createdAt (reloaded when that differs) and configs are keyed by it too.
// Both caches hold at most 500 entries (a config is a few kilobytes).
type ParsedVersion = { createdAt: string; settings: PromiseSettings | null; issues: string[] };

const MAX_ENTRIES = 500;
const versions = new Map<string, ParsedVersion>();
const configs = new Map<string, PromiseConfig>();

/** Evicts the oldest entry first: enough for caches whose entries are never stale, only unused. */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

function parsedVersion(db: SqliteDb, shop: string, inForce: VersionInForce): ParsedVersion {
  const key = `${shop}\n${inForce.version}`;
  const cached = versions.get(key);
  if (cached?.createdAt === inForce.createdAt) return cached;
  const parsed = promiseSettingsSchema.safeParse(JSON.parse(loadSettingsDocument(db, shop, inForce.version)));
  return remember(versions, key, {
    createdAt: inForce.createdAt,
    settings: parsed.success ? parsed.data : null,
    issues: parsed.success ? [] : parsed.error.issues.map((issue) => issue.message),
  });
}

/** A version's parsed settings (null when the stored document no longer validates), from the same cache. */
export function settingsOfVersion(db: SqliteDb, shop: string, row: VersionInForce): PromiseSettings | null {
  return parsedVersion(db, shop, row).settings;
}

function configFor(shop: string, inForce: VersionInForce, settings: PromiseSettings, startDate: CivilDate): PromiseConfig {
  const key = `${shop}\n${inForce.version}\n${inForce.createdAt}\n${startDate}`;
  return configs.get(key) ?? remember(configs, key, toPromiseConfig(settings, expandClosedDatesForSettings(settings, startDate)));
}

type Computed = Omit<PromiseRecord, "shownAtCheckout">;

function none(reason: string, version: number | null, details: string[] = []): Computed {
  return {
    status: "none",
    noPromiseReason: reason,
    laneKey: null,
    laneLabel: null,
    shipBy: null,
    rawEarliest: null,
    rawLatest: null,
    promisedDate: null,
    paddingDays: null,
    settingsVersion: version,
    reason: details,
  };
}

/**
 * Recomputes, on the server, the promise the shopper saw for this order, from its creation instant,
 * shipping line and destination, and records it (or why there is none). The settings are the version
 * checkout had at that instant: the newest one published to the shop metafield by then, which may be
 * older than the newest saved (a sync job still retrying or dead-lettered). When none had been published
 * (Shopify unreachable, as in the offline demo) the version in force is used, and the record says the
 * promise was not shown at checkout. Runs inside the worker's transaction that stores the order.
 */
export function recordOrderPromise(db: SqliteDb, shop: string, order: OrderRecord): PromiseRecord {
  const published = findVersionPublishedBy(db, shop, order.createdAtShopify);
  const version = published ?? findVersionInForce(db, shop, order.createdAtShopify);
  const computed = version
    ? promiseFor(shop, version, parsedVersion(db, shop, version), order)
    : none("no-settings", null, ["no promise settings were in force when the order was placed"]);
  const record: PromiseRecord = published
    ? { ...computed, shownAtCheckout: true }
    : {
        ...computed,
        shownAtCheckout: false,
        reason: [...computed.reason, "not shown at checkout: no settings version had been published to the shop metafield when the order was placed"],
      };
  recordPromise(db, shop, order.orderGid, record);
  return record;
}

function promiseFor(shop: string, applied: VersionInForce, entry: ParsedVersion, order: OrderRecord): Computed {
  const { version } = applied;
  if (!entry.settings) return none("invalid-settings", version, entry.issues);
  if (!order.shipCountry) return none("no-destination", version, ["the order has no shipping address"]);
  const orderedAt = order.createdAtShopify.getTime();
  const config = configFor(shop, applied, entry.settings, wallClockAt(orderedAt, entry.settings.shop.timeZone).date);
  const result = computePromise(config, {
    orderedAt,
    method: { handle: order.shippingCode ?? undefined, title: order.shippingMethod ?? undefined },
    destination: { countryCode: order.shipCountry, provinceCode: order.shipProvince ?? undefined, postalCode: order.shipZip ?? undefined },
  });
  if (!result.ok) return none(result.reason, version, result.details);
  return {
    status: "promised",
    noPromiseReason: null,
    laneKey: result.lane.id,
    laneLabel: result.lane.label,
    shipBy: result.shipBy,
    rawEarliest: result.earliest,
    rawLatest: result.latest,
    promisedDate: result.promised,
    paddingDays: result.paddingDays,
    settingsVersion: version,
    reason: result.reason,
  };
}
