import type { Prisma } from "~/generated/prisma/client";
import { wallClockAt } from "~/domain/promise/civil-date";
import { computePromise } from "~/domain/promise/compute-promise";
import { recordPromise, type PromiseRecord } from "~/models/delivery-promise.server";
import { findSettingsInForce } from "~/models/promise-settings.server";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise-settings";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import type { NormalizedOrder } from "./normalize-payloads";

type Tx = Prisma.TransactionClient;

// Holiday expansion is the expensive step; one shop/version/day has one answer.
const configCache = new Map<string, ReturnType<typeof toPromiseConfig>>();

function none(reason: string, version: number | null, details: string[] = []): PromiseRecord {
  return {
    status: "none", noPromiseReason: reason, laneKey: null, laneLabel: null, shipBy: null, rawEarliest: null, rawLatest: null,
    promisedDate: null, paddingDays: null, settingsVersion: version, reason: details,
  };
}

/**
 * Recomputes, on the server, the promise the shopper saw for this order: from its creation instant,
 * shipping line and destination with the settings version in force at that instant, and records it
 * (or records why there is none). Runs inside the transaction that stores the order.
 */
export async function recordOrderPromise(tx: Tx, shop: string, order: NormalizedOrder): Promise<PromiseRecord> {
  const settingsRow = await findSettingsInForce(tx, shop, order.createdAtShopify);
  const record = settingsRow ? promiseFor(shop, settingsRow, order) : none("no-settings", null, ["no promise settings were in force when the order was placed"]);
  await recordPromise(tx, shop, order.orderGid, record);
  return record;
}

function promiseFor(shop: string, settingsRow: { version: number; document: string }, order: NormalizedOrder): PromiseRecord {
  const parsed = promiseSettingsSchema.safeParse(JSON.parse(settingsRow.document));
  if (!parsed.success) return none("invalid-settings", settingsRow.version, parsed.error.issues.map((issue) => issue.message));
  if (!order.shipCountry) return none("no-destination", settingsRow.version, ["the order has no shipping address"]);
  const settings = parsed.data;
  const orderedAt = order.createdAtShopify.getTime();
  const startDate = wallClockAt(orderedAt, settings.shop.timeZone).date;
  const key = `${shop}:${settingsRow.version}:${startDate}`;
  let config = configCache.get(key);
  if (!config) {
    config = toPromiseConfig(settings, expandClosedDatesForSettings(settings, startDate));
    if (configCache.size > 500) configCache.clear();
    configCache.set(key, config);
  }
  const result = computePromise(config, {
    orderedAt,
    method: { handle: order.shippingCode ?? undefined, title: order.shippingMethod ?? undefined },
    destination: { countryCode: order.shipCountry, provinceCode: order.shipProvince ?? undefined, postalCode: order.shipZip ?? undefined },
  });
  if (!result.ok) return none(result.reason, settingsRow.version, result.details);
  return {
    status: "promised", noPromiseReason: null, laneKey: result.lane.id, laneLabel: result.lane.label, shipBy: result.shipBy,
    rawEarliest: result.earliest, rawLatest: result.latest, promisedDate: result.promised, paddingDays: result.paddingDays,
    settingsVersion: settingsRow.version, reason: result.reason,
  };
}
