import { wallClockAt, type CivilDate } from "~/domain/promise/civil-date";
import { computePromise } from "~/domain/promise/compute-promise";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { recordPromise, type PromiseRecord } from "~/models/delivery-promise.server";
import { findVersionInForce, loadSettingsDocument, type VersionInForce } from "~/models/promise-settings.server";
import type { SqliteDb } from "~/models/sqlite.server";
import { promiseSettingsSchema, toPromiseConfig, type PromiseSettings } from "~/schemas/promise-settings";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import type { NormalizedOrder } from "./normalize-payloads";

// Per shop and version, not per order: the parsed settings document and, per start day, the engine's
// config with holidays expanded (the expensive step). Which version is in force is asked of the database
// for every order, so a newly saved version applies to the next order processed, in any process. Versions
// are never changed; a number is reused only after shop/redact erased the shop's versions, so an entry
// also remembers its row's createdAt and is reloaded when that differs.
type ParsedVersion = { createdAt: string; settings: PromiseSettings | null; issues: string[]; configs: Map<CivilDate, PromiseConfig> };

const MAX_VERSIONS = 1_000;
const MAX_CONFIGS_PER_VERSION = 16;
const versions = new Map<string, ParsedVersion>();

/** Evicts the oldest entry first: enough for a cache whose entries are never stale, only unused. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value as K);
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
    configs: new Map(),
  }, MAX_VERSIONS);
}

function configFor(entry: ParsedVersion, settings: PromiseSettings, startDate: CivilDate): PromiseConfig {
  return entry.configs.get(startDate) ?? remember(entry.configs, startDate, toPromiseConfig(settings, expandClosedDatesForSettings(settings, startDate)), MAX_CONFIGS_PER_VERSION);
}

function none(reason: string, version: number | null, details: string[] = []): PromiseRecord {
  return {
    status: "none", noPromiseReason: reason, laneKey: null, laneLabel: null, shipBy: null, rawEarliest: null, rawLatest: null,
    promisedDate: null, paddingDays: null, settingsVersion: version, reason: details,
  };
}

/**
 * Recomputes, on the server, the promise the shopper saw for this order: from its creation instant,
 * shipping line and destination with the settings version in force at that instant, and records it
 * (or records why there is none). Runs inside the worker's transaction that stores the order.
 */
export function recordOrderPromise(db: SqliteDb, shop: string, order: NormalizedOrder): PromiseRecord {
  const inForce = findVersionInForce(db, shop, order.createdAtShopify);
  const record = inForce ? promiseFor(parsedVersion(db, shop, inForce), inForce.version, order) : none("no-settings", null, ["no promise settings were in force when the order was placed"]);
  recordPromise(db, shop, order.orderGid, record);
  return record;
}

function promiseFor(entry: ParsedVersion, version: number, order: NormalizedOrder): PromiseRecord {
  if (!entry.settings) return none("invalid-settings", version, entry.issues);
  if (!order.shipCountry) return none("no-destination", version, ["the order has no shipping address"]);
  const orderedAt = order.createdAtShopify.getTime();
  const config = configFor(entry, entry.settings, wallClockAt(orderedAt, entry.settings.shop.timeZone).date);
  const result = computePromise(config, {
    orderedAt,
    method: { handle: order.shippingCode ?? undefined, title: order.shippingMethod ?? undefined },
    destination: { countryCode: order.shipCountry, provinceCode: order.shipProvince ?? undefined, postalCode: order.shipZip ?? undefined },
  });
  if (!result.ok) return none(result.reason, version, result.details);
  return {
    status: "promised", noPromiseReason: null, laneKey: result.lane.id, laneLabel: result.lane.label, shipBy: result.shipBy,
    rawEarliest: result.earliest, rawLatest: result.latest, promisedDate: result.promised, paddingDays: result.paddingDays,
    settingsVersion: version, reason: result.reason,
  };
}
