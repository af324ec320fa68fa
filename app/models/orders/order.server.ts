import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import type { OrderRecord } from "~/domain/orders/order-record";
import { orderSearchTerms } from "~/domain/orders/search-terms";
import { parseDiscountCodes, parseOrderLines, splitStoredTags } from "~/schemas/orders/order-lines";
import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";

export type ApplyOutcome = "created" | "updated" | "stale";

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");

/** The record's columns as the Order table stores them: tags comma-joined, codes and lines as JSON. */
function orderColumns(order: OrderRecord): Record<string, unknown> {
  return {
    ...order,
    tags: order.tags.join(","),
    discountCodes: JSON.stringify(order.discountCodes),
    lines: JSON.stringify(order.lines),
    lineCount: order.lines.length,
  };
}

/** Every column of the record: the one select list for reading an order back as Kept's record. */
const ORDER_RECORD = {
  orderGid: true,
  legacyId: true,
  name: true,
  email: true,
  customerGid: true,
  customerFirstName: true,
  customerName: true,
  customerLocale: true,
  acceptsMarketing: true,
  returnedAt: true,
  sourceName: true,
  test: true,
  currency: true,
  totalPrice: true,
  subtotalPrice: true,
  financialStatus: true,
  fulfillmentStatus: true,
  tags: true,
  discountCodes: true,
  shippingMethod: true,
  shippingCode: true,
  shippingSource: true,
  shipCountry: true,
  shipProvince: true,
  shipZip: true,
  shipCity: true,
  lines: true,
  createdAtShopify: true,
  updatedAtShopify: true,
  processedAt: true,
  cancelledAt: true,
  cancelReason: true,
  closedAt: true,
} as const satisfies Record<keyof OrderRecord, true>;

/** A stored row back as the record. Unreadable stored lines count as no lines, unreadable codes as none. */
function toOrderRecord(row: Prisma.OrderGetPayload<{ select: typeof ORDER_RECORD }>): OrderRecord {
  return { ...row, tags: splitStoredTags(row.tags), discountCodes: parseDiscountCodes(row.discountCodes), lines: parseOrderLines(row.lines) ?? [] };
}

const DATE_COLUMNS = ["createdAtShopify", "updatedAtShopify", "processedAt", "cancelledAt", "closedAt", "returnedAt"] as const;

/** The same record on the worker's connection (the follow-up scheduler runs inside the worker's transaction). */
export function readOrderRecord(db: SqliteDb, shop: string, orderGid: string): OrderRecord | null {
  const row = db.statement(`SELECT ${quoted(Object.keys(ORDER_RECORD))} FROM "Order" WHERE "shop" = ? AND "orderGid" = ?`).get(shop, orderGid) as
    Record<string, unknown> | undefined;
  if (!row) return null;
  const dates = Object.fromEntries(DATE_COLUMNS.map((name) => [name, row[name] == null ? null : new Date(row[name] as string)]));
  const flags = { test: Boolean(row.test), acceptsMarketing: row.acceptsMarketing == null ? null : Boolean(row.acceptsMarketing) };
  return toOrderRecord({ ...row, ...dates, ...flags } as Prisma.OrderGetPayload<{ select: typeof ORDER_RECORD }>);
}

/** One order of the shop as Kept's record; null when the shop has no such order. */
export async function findOrderRecord(shop: string, orderGid: string): Promise<OrderRecord | null> {
  const row = await prisma.order.findUnique({ where: { shop_orderGid: { shop, orderGid } }, select: ORDER_RECORD });
  return row ? toOrderRecord(row) : null;
}

/** The shop's most recent orders (newest first) as Kept's records. */
export async function listRecentOrderRecords(shop: string, take: number): Promise<OrderRecord[]> {
  const rows = await prisma.order.findMany({ where: { shop }, orderBy: { createdAtShopify: "desc" }, take, select: ORDER_RECORD });
  return rows.map(toOrderRecord);
}

/**
 * Stores an order unless what is stored is newer (Shopify's updated_at decides, so a late or replayed
 * orders/updated never overwrites fresher data). The customer's order count is not stored: insert rules
 * ask Shopify when the order is decided (a count frozen at arrival was wrong for late webhooks).
 *
 * Plain SQL on the worker's connection: this runs for every order delivery. The conditional UPDATE is
 * the staleness guard itself, so concurrent workers cannot interleave a read and a write.
 */
export function applyOrder(db: SqliteDb, shop: string, order: OrderRecord, options: { likelyNew?: boolean } = {}): ApplyOutcome {
  // orders/create is usually the first sight of an order: try the insert first; otherwise the update.
  const outcome = writeOrder(db, shop, order, options.likelyNew === true);
  if (outcome !== "stale") writeSearchTerms(db, shop, order);
  return outcome;
}

function writeOrder(db: SqliteDb, shop: string, order: OrderRecord, likelyNew: boolean): ApplyOutcome {
  const columns = orderColumns(order);
  if (likelyNew && insertOrder(db, shop, columns)) return "created";
  const names = Object.keys(columns).filter((name) => name !== "orderGid");
  const values = names.map((name) => sqliteValue(columns[name]));
  const { changes } = db
    .statement(
      `UPDATE "Order" SET ${names.map((name) => `"${name}" = ?`).join(", ")}
      WHERE "shop" = ? AND "orderGid" = ? AND "updatedAtShopify" <= ?`,
    )
    .run(...values, shop, order.orderGid, sqliteDate(order.updatedAtShopify));
  if (changes === 1) return "updated";
  if (!likelyNew && insertOrder(db, shop, columns)) return "created";
  return "stale";
}

/** The words the Orders search finds the order by, rewritten with the order (a changed email or name). */
function writeSearchTerms(db: SqliteDb, shop: string, order: OrderRecord) {
  db.statement(`DELETE FROM "OrderSearchTerm" WHERE "shop" = ? AND "orderGid" = ?`).run(shop, order.orderGid);
  const insert = db.statement(`INSERT INTO "OrderSearchTerm" ("shop", "term", "orderGid", "customer") VALUES (?, ?, ?, ?)`);
  for (const { term, customer } of orderSearchTerms(order)) insert.run(shop, term, order.orderGid, sqliteValue(customer));
}

/** Inserts the order's columns unless it exists; true when this call created it. */
function insertOrder(db: SqliteDb, shop: string, columns: Record<string, unknown>): boolean {
  const row: Record<string, unknown> = { ...columns, shop, receivedAt: new Date() };
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
      orderGid: true,
      name: true,
      createdAtShopify: true,
      totalPrice: true,
      currency: true,
      shipCountry: true,
      shippingMethod: true,
      financialStatus: true,
      fulfillmentStatus: true,
      cancelledAt: true,
      lineCount: true,
      sourceName: true,
    },
  });
}

export async function getOrder(shop: string, orderGid: string) {
  const order = await prisma.order.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  if (!order) return null;
  const [fulfillments, events, promise, outcome] = await Promise.all([
    prisma.fulfillment.findMany({ where: { shop, orderGid }, orderBy: { createdAtShopify: "asc" } }),
    prisma.deliveryEvent.findMany({ where: { shop, orderGid }, orderBy: { happenedAt: "asc" } }),
    prisma.deliveryPromise.findUnique({ where: { shop_orderGid: { shop, orderGid } } }),
    prisma.promiseOutcome.findUnique({ where: { shop_orderGid: { shop, orderGid } } }),
  ]);
  // When the promise's settings version reached checkout (the order page shows it beside the promise).
  const version =
    promise?.settingsVersion == null
      ? null
      : await prisma.promiseSettingsVersion.findUnique({
          where: { shop_version: { shop, version: promise.settingsVersion } },
          select: { publishedAt: true },
        });
  return { order, fulfillments, events, promise, outcome, versionPublishedAt: version?.publishedAt ?? null };
}

/** Name and legacy id (for the order page's URL) of the shop's orders among `orderGids`. */
export async function findOrderNames(shop: string, orderGids: string[]) {
  if (orderGids.length === 0) return [];
  return prisma.order.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true, name: true, legacyId: true } });
}
