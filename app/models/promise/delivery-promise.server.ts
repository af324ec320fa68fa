import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";
import prisma from "~/models/db/prisma.server";

export type PromiseRecord = {
  status: "promised" | "none";
  noPromiseReason: string | null;
  laneKey: string | null;
  laneLabel: string | null;
  shipBy: string | null;
  rawEarliest: string | null;
  rawLatest: string | null;
  promisedDate: string | null;
  paddingDays: number | null;
  settingsVersion: number | null;
  /** Whether that version had been published to checkout when the order was placed (shoppers could see it). */
  shownAtCheckout: boolean;
  reason: string[];
};

/** Records an order's promise once; a replayed or late orders/create keeps the first record. Worker connection. */
export function recordPromise(db: SqliteDb, shop: string, orderGid: string, promise: PromiseRecord) {
  db.statement(
    `
    INSERT INTO "DeliveryPromise" ("shop", "orderGid", "status", "noPromiseReason", "laneKey", "laneLabel", "shipBy", "rawEarliest",
      "rawLatest", "promisedDate", "paddingDays", "settingsVersion", "shownAtCheckout", "reason", "computedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT ("shop", "orderGid") DO NOTHING`,
  ).run(
    shop,
    orderGid,
    promise.status,
    promise.noPromiseReason,
    promise.laneKey,
    promise.laneLabel,
    promise.shipBy,
    promise.rawEarliest,
    promise.rawLatest,
    promise.promisedDate,
    promise.paddingDays,
    promise.settingsVersion,
    sqliteValue(promise.shownAtCheckout),
    JSON.stringify(promise.reason),
    sqliteDate(new Date()),
  );
}

/**
 * What a shopper may see about one order's promise: the recorded promise, the order's owner, creation
 * and cancellation, and its shipments' delivery facts. Null when the order is not recorded (yet).
 */
export async function findShopperOrderPromise(shop: string, orderGid: string) {
  const [order, promise, fulfillments] = await Promise.all([
    prisma.order.findUnique({
      where: { shop_orderGid: { shop, orderGid } },
      select: { customerGid: true, createdAtShopify: true, cancelledAt: true, fulfillmentStatus: true },
    }),
    prisma.deliveryPromise.findUnique({
      where: { shop_orderGid: { shop, orderGid } },
      select: { status: true, promisedDate: true },
    }),
    prisma.fulfillment.findMany({
      where: { shop, orderGid, status: { notIn: ["cancelled", "error", "failure"] } },
      select: { inTransitAt: true, deliveredAt: true },
    }),
  ]);
  return order && { order, promise, fulfillments };
}
