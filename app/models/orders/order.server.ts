import prisma from "~/models/db/prisma.server";
import type { NormalizedOrder } from "~/domain/orders/normalize-payloads";
import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";

export type ApplyOutcome = "created" | "updated" | "stale";

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");

/**
 * Stores an order unless what is stored is newer (Shopify's updated_at decides, so a late or replayed
 * orders/updated never overwrites fresher data). The customer's order count is not stored: insert rules
 * ask Shopify when the order is decided (a count frozen at arrival was wrong for late webhooks).
 *
 * Plain SQL on the worker's connection: this runs for every order delivery. The conditional UPDATE is
 * the staleness guard itself, so concurrent workers cannot interleave a read and a write.
 */
export function applyOrder(db: SqliteDb, shop: string, order: NormalizedOrder, options: { likelyNew?: boolean } = {}): ApplyOutcome {
  // orders/create is usually the first sight of an order: try the insert first; otherwise the update.
  if (options.likelyNew && insertOrder(db, shop, order)) return "created";
  const names = Object.keys(order).filter((name) => name !== "orderGid");
  const values = names.map((name) => sqliteValue(order[name as keyof NormalizedOrder]));
  const { changes } = db
    .statement(`UPDATE "Order" SET ${names.map((name) => `"${name}" = ?`).join(", ")}
      WHERE "shop" = ? AND "orderGid" = ? AND "updatedAtShopify" <= ?`)
    .run(...values, shop, order.orderGid, sqliteDate(order.updatedAtShopify));
  if (changes === 1) return "updated";
  if (!options.likelyNew && insertOrder(db, shop, order)) return "created";
  return "stale";
}

/** Inserts the order unless it exists; true when this call created it. */
function insertOrder(db: SqliteDb, shop: string, order: NormalizedOrder): boolean {
  const row: Record<string, unknown> = { ...order, shop, receivedAt: new Date() };
  const names = Object.keys(row);
  const { changes } = db
    .statement(`INSERT INTO "Order" (${quoted(names)}) VALUES (${names.map(() => "?").join(", ")}) ON CONFLICT ("shop", "orderGid") DO NOTHING`)
    .run(...names.map((name) => sqliteValue(row[name])));
  return changes === 1;
}

export async function listOrders(shop: string, take = 50) {
  return prisma.order.findMany({
    where: { shop },
    orderBy: { createdAtShopify: "desc" },
    take,
    select: {
      orderGid: true, name: true, createdAtShopify: true, totalPrice: true, currency: true, shipCountry: true,
      shippingMethod: true, financialStatus: true, fulfillmentStatus: true, cancelledAt: true, lineCount: true,
      sourceName: true,
    },
  });
}

export async function getOrder(shop: string, orderGid: string) {
  const order = await prisma.order.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  if (!order) return null;
  const [fulfillments, events, promise] = await Promise.all([
    prisma.fulfillment.findMany({ where: { shop, orderGid }, orderBy: { createdAtShopify: "asc" } }),
    prisma.deliveryEvent.findMany({ where: { shop, orderGid }, orderBy: { happenedAt: "asc" } }),
    prisma.deliveryPromise.findUnique({ where: { shop_orderGid: { shop, orderGid } } }),
  ]);
  // When the promise's settings version reached checkout (the order page shows it beside the promise).
  const version = promise?.settingsVersion == null ? null : await prisma.promiseSettingsVersion.findUnique({
    where: { shop_version: { shop, version: promise.settingsVersion } },
    select: { publishedAt: true },
  });
  return { order, fulfillments, events, promise, versionPublishedAt: version?.publishedAt ?? null };
}

/** Name and legacy id (for the order page's URL) of the shop's orders among `orderGids`. */
export async function findOrderNames(shop: string, orderGids: string[]) {
  if (orderGids.length === 0) return [];
  return prisma.order.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true, name: true, legacyId: true } });
}

export async function countOrders(shop: string) {
  return prisma.order.count({ where: { shop } });
}

/** Recent orders with what insert rules read from the order record (total, country, channel, tags, lines). */
export async function listOrdersForInserts(shop: string, take = 50) {
  return prisma.order.findMany({
    where: { shop },
    orderBy: { createdAtShopify: "desc" },
    take,
    select: {
      orderGid: true, legacyId: true, name: true, createdAtShopify: true, totalPrice: true, currency: true,
      shipCountry: true, sourceName: true, tags: true, customerGid: true, lines: true,
    },
  });
}
