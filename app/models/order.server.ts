import prisma from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { NormalizedOrder } from "~/services/normalize-payloads";

type Tx = Prisma.TransactionClient;
export type ApplyOutcome = "created" | "updated" | "stale";

/**
 * Stores an order unless what is stored is newer (Shopify's updated_at decides, so a late or replayed
 * orders/updated never overwrites fresher data). The customer's order count is taken from Kept's own
 * records at first sight of the order (2026-01 payloads no longer carry it).
 */
export async function applyOrder(tx: Tx, shop: string, order: NormalizedOrder): Promise<ApplyOutcome> {
  const where = { shop_orderGid: { shop, orderGid: order.orderGid } };
  const existing = await tx.order.findUnique({ where, select: { updatedAtShopify: true } });
  if (existing) {
    const { count } = await tx.order.updateMany({
      where: { shop, orderGid: order.orderGid, updatedAtShopify: { lte: order.updatedAtShopify } },
      data: order,
    });
    return count === 1 ? "updated" : "stale";
  }
  const earlier = order.customerGid
    ? await tx.order.count({
        where: { shop, customerGid: order.customerGid, createdAtShopify: { lt: order.createdAtShopify } },
      })
    : null;
  await tx.order.create({
    data: { ...order, shop, customerOrdersCount: earlier === null ? null : earlier + 1 },
  });
  return "created";
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
