import prisma from "~/models/db/prisma.server";
import type { NormalizedEvent, NormalizedFulfillment } from "~/domain/orders/normalize-payloads";
import type { ApplyOutcome } from "./order.server";
import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";

const IN_TRANSIT = ["carrier_picked_up", "in_transit", "out_for_delivery", "attempted_delivery", "delayed"];

const columns = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * Stores a fulfillment unless the stored one is newer. A fulfillment may arrive before its order: it is
 * kept with the order's GID and is linked as soon as the order is stored. Worker connection, hot path.
 */
export function applyFulfillment(db: SqliteDb, shop: string, fulfillment: NormalizedFulfillment): ApplyOutcome {
  const names = Object.keys(fulfillment) as (keyof NormalizedFulfillment)[];
  const values = names.map((name) => sqliteValue(fulfillment[name]));
  const inserted = db
    .statement(
      `INSERT INTO "Fulfillment" ("shop", ${columns(names)}) VALUES (?, ${placeholders(names.length)})
      ON CONFLICT ("shop", "fulfillmentGid") DO NOTHING`,
    )
    .run(shop, ...values).changes;
  let outcome: ApplyOutcome = "created";
  if (inserted === 0) {
    const { changes } = db
      .statement(
        `UPDATE "Fulfillment" SET ${names.map((name) => `"${name}" = ?`).join(", ")}
        WHERE "shop" = ? AND "fulfillmentGid" = ? AND "updatedAtShopify" <= ?`,
      )
      .run(...values, shop, fulfillment.fulfillmentGid, sqliteDate(fulfillment.updatedAtShopify));
    outcome = changes === 1 ? "updated" : "stale";
  }
  if (outcome !== "stale") refreshDeliveryFacts(db, shop, fulfillment.fulfillmentGid);
  return outcome;
}

/** Stores a carrier scan once (replays change nothing) and updates the fulfillment's delivery facts. */
export function applyDeliveryEvent(db: SqliteDb, shop: string, event: NormalizedEvent): "created" | "duplicate" {
  const row: Record<string, unknown> = { ...event, shop, createdAt: new Date() };
  const names = Object.keys(row);
  const { changes } = db
    .statement(
      `INSERT INTO "DeliveryEvent" (${columns(names)}) VALUES (${placeholders(names.length)})
      ON CONFLICT ("shop", "eventGid") DO NOTHING`,
    )
    .run(...names.map((name) => sqliteValue(row[name])));
  if (changes === 0) return "duplicate";
  refreshDeliveryFacts(db, shop, event.fulfillmentGid);
  return "created";
}

// In-transit, delivered and carrier-estimate facts derived from all stored scans of the fulfillment, so
// the result does not depend on the order in which scans and fulfillment updates arrived. Dates are
// stored in one ISO format, so MIN and ORDER BY on them are chronological.
const REFRESH_FACTS = `
  UPDATE "Fulfillment" SET
    "inTransitAt" = (SELECT MIN(e."happenedAt") FROM "DeliveryEvent" e
      WHERE e."shop" = "Fulfillment"."shop" AND e."fulfillmentGid" = "Fulfillment"."fulfillmentGid"
        AND e."status" IN (${IN_TRANSIT.map((status) => `'${status}'`).join(", ")})),
    "deliveredAt" = COALESCE(
      (SELECT MIN(e."happenedAt") FROM "DeliveryEvent" e
        WHERE e."shop" = "Fulfillment"."shop" AND e."fulfillmentGid" = "Fulfillment"."fulfillmentGid" AND e."status" = 'delivered'),
      CASE WHEN "shipmentStatus" = 'delivered' THEN "updatedAtShopify" END),
    "carrierEstimateAt" = (SELECT e."estimatedDeliveryAt" FROM "DeliveryEvent" e
      WHERE e."shop" = "Fulfillment"."shop" AND e."fulfillmentGid" = "Fulfillment"."fulfillmentGid" AND e."estimatedDeliveryAt" IS NOT NULL
      ORDER BY e."happenedAt" DESC LIMIT 1)
  WHERE "shop" = ? AND "fulfillmentGid" = ?`;

/** Recomputes a fulfillment's delivery facts from its scans (one statement; nothing when it is not stored yet). */
function refreshDeliveryFacts(db: SqliteDb, shop: string, fulfillmentGid: string) {
  db.statement(REFRESH_FACTS).run(shop, fulfillmentGid);
}

export type DeliveryFactsFilter = "delivered" | "in_transit" | "not_scanned";

const FACTS_WHERE = {
  delivered: { deliveredAt: { not: null } },
  in_transit: { deliveredAt: null, inTransitAt: { not: null } },
  not_scanned: { deliveredAt: null, inTransitAt: null },
} as const;

/** Fulfillments with their delivery facts and their order's name/date, newest first (the Follow-ups timing source). */
export async function listFulfillmentFacts(shop: string, filter?: DeliveryFactsFilter, take = 100) {
  const fulfillments = await prisma.fulfillment.findMany({
    where: { shop, ...(filter ? FACTS_WHERE[filter] : {}) },
    orderBy: { createdAtShopify: "desc" },
    take,
    select: {
      fulfillmentGid: true,
      orderGid: true,
      name: true,
      trackingCompany: true,
      trackingNumber: true,
      shipmentStatus: true,
      shippedAt: true,
      inTransitAt: true,
      deliveredAt: true,
      carrierEstimateAt: true,
    },
  });
  const orders = await prisma.order.findMany({
    where: { shop, orderGid: { in: [...new Set(fulfillments.map((row) => row.orderGid))] } },
    select: { orderGid: true, legacyId: true, name: true, createdAtShopify: true },
  });
  const byGid = new Map(orders.map((order) => [order.orderGid, order]));
  return fulfillments.map((row) => ({ ...row, order: byGid.get(row.orderGid) ?? null }));
}
