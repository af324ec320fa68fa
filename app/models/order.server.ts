import prisma from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { NormalizedOrder } from "~/services/normalize-payloads";

type Tx = Prisma.TransactionClient;
export type ApplyOutcome = "created" | "updated" | "stale";

const column = (name: string) => Prisma.raw(`"${name}"`);

/**
 * Stores an order unless what is stored is newer (Shopify's updated_at decides, so a late or replayed
 * orders/updated never overwrites fresher data). The customer's order count is taken from Kept's own
 * records at first sight of the order (2026-01 payloads no longer carry it).
 *
 * Plain SQL on purpose: this runs for every order delivery, and a raw statement costs a fraction of a
 * generated query (see bench/webhooks.ts). The conditional UPDATE is the staleness guard itself, so
 * concurrent workers cannot interleave a read and a write.
 */
export async function applyOrder(
  tx: Tx,
  shop: string,
  order: NormalizedOrder,
  options: { likelyNew?: boolean } = {},
): Promise<ApplyOutcome> {
  // orders/create is usually the first sight of an order: try the insert first; otherwise the update.
  if (options.likelyNew && (await insertOrder(tx, shop, order))) return "created";
  const fields = Object.entries(order).filter(([name]) => name !== "orderGid");
  const assignments = Prisma.join(fields.map(([name, value]) => Prisma.sql`${column(name)} = ${value}`));
  const updated = await tx.$executeRaw`
    UPDATE "Order" SET ${assignments}
    WHERE "shop" = ${shop} AND "orderGid" = ${order.orderGid} AND "updatedAtShopify" <= ${order.updatedAtShopify}`;
  if (updated === 1) return "updated";
  if (!options.likelyNew && (await insertOrder(tx, shop, order))) return "created";
  return "stale";
}

/** Inserts the order unless it exists; true when this call created it. */
async function insertOrder(tx: Tx, shop: string, order: NormalizedOrder): Promise<boolean> {
  const [{ earlier }] = order.customerGid
    ? await tx.$queryRaw<{ earlier: number | bigint }[]>`
        SELECT COUNT(*) AS "earlier" FROM "Order"
        WHERE "shop" = ${shop} AND "customerGid" = ${order.customerGid} AND "createdAtShopify" < ${order.createdAtShopify}`
    : [{ earlier: -1 }];
  const row: Record<string, unknown> = { ...order, shop, customerOrdersCount: Number(earlier) < 0 ? null : Number(earlier) + 1, receivedAt: new Date() };
  const names = Object.keys(row);
  const inserted = await tx.$executeRaw`
    INSERT INTO "Order" (${Prisma.join(names.map(column))}) VALUES (${Prisma.join(names.map((name) => row[name]))})
    ON CONFLICT ("shop", "orderGid") DO NOTHING`;
  return inserted === 1;
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
  return { order, fulfillments, events, promise };
}

export async function countOrders(shop: string) {
  return prisma.order.count({ where: { shop } });
}

/** Recent orders with the facts insert rules read (order count, total, country, channel, tags, lines). */
export async function listOrdersForInserts(shop: string, take = 50) {
  return prisma.order.findMany({
    where: { shop },
    orderBy: { createdAtShopify: "desc" },
    take,
    select: {
      orderGid: true, legacyId: true, name: true, createdAtShopify: true, totalPrice: true, currency: true,
      shipCountry: true, sourceName: true, tags: true, customerTags: true, customerOrdersCount: true, lines: true,
    },
  });
}
