import prisma from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { NormalizedEvent, NormalizedFulfillment } from "~/services/normalize-payloads";
import type { ApplyOutcome } from "./order.server";

type Tx = Prisma.TransactionClient;

const IN_TRANSIT = new Set(["carrier_picked_up", "in_transit", "out_for_delivery", "attempted_delivery", "delayed"]);

/**
 * Stores a fulfillment unless the stored one is newer. A fulfillment may arrive before its order: it is
 * kept with the order's GID and is linked as soon as the order is stored.
 */
export async function applyFulfillment(tx: Tx, shop: string, fulfillment: NormalizedFulfillment): Promise<ApplyOutcome> {
  const where = { shop_fulfillmentGid: { shop, fulfillmentGid: fulfillment.fulfillmentGid } };
  const existing = await tx.fulfillment.findUnique({ where, select: { updatedAtShopify: true } });
  let outcome: ApplyOutcome = "created";
  if (existing) {
    const { count } = await tx.fulfillment.updateMany({
      where: { shop, fulfillmentGid: fulfillment.fulfillmentGid, updatedAtShopify: { lte: fulfillment.updatedAtShopify } },
      data: fulfillment,
    });
    outcome = count === 1 ? "updated" : "stale";
  } else {
    await tx.fulfillment.create({ data: { ...fulfillment, shop } });
  }
  if (outcome !== "stale") await refreshDeliveryFacts(tx, shop, fulfillment.fulfillmentGid);
  return outcome;
}

/** Stores a carrier scan once (replays change nothing) and updates the fulfillment's delivery facts. */
export async function applyDeliveryEvent(tx: Tx, shop: string, event: NormalizedEvent): Promise<"created" | "duplicate"> {
  const where = { shop_eventGid: { shop, eventGid: event.eventGid } };
  const existing = await tx.deliveryEvent.findUnique({ where, select: { eventGid: true } });
  if (existing) return "duplicate";
  await tx.deliveryEvent.create({ data: { ...event, shop } });
  await refreshDeliveryFacts(tx, shop, event.fulfillmentGid);
  return "created";
}

/**
 * Derives in-transit, delivered and carrier-estimate facts from all scans of a fulfillment, so the
 * result does not depend on the order in which scans and fulfillment updates arrived.
 */
export async function refreshDeliveryFacts(tx: Tx, shop: string, fulfillmentGid: string) {
  const fulfillment = await tx.fulfillment.findUnique({
    where: { shop_fulfillmentGid: { shop, fulfillmentGid } },
    select: { shipmentStatus: true, updatedAtShopify: true },
  });
  if (!fulfillment) return;
  const events = await tx.deliveryEvent.findMany({ where: { shop, fulfillmentGid }, orderBy: { happenedAt: "asc" } });
  const inTransitAt = events.find((event) => IN_TRANSIT.has(event.status))?.happenedAt ?? null;
  const deliveredEvent = events.find((event) => event.status === "delivered");
  const deliveredAt =
    deliveredEvent?.happenedAt ?? (fulfillment.shipmentStatus === "delivered" ? fulfillment.updatedAtShopify : null);
  const carrierEstimateAt = [...events].reverse().find((event) => event.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null;
  await tx.fulfillment.updateMany({
    where: { shop, fulfillmentGid },
    data: { inTransitAt, deliveredAt, carrierEstimateAt },
  });
}

export async function countFulfillments(shop: string) {
  return prisma.fulfillment.count({ where: { shop } });
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
      fulfillmentGid: true, orderGid: true, name: true, trackingCompany: true, trackingNumber: true,
      shipmentStatus: true, shippedAt: true, inTransitAt: true, deliveredAt: true, carrierEstimateAt: true,
    },
  });
  const orders = await prisma.order.findMany({
    where: { shop, orderGid: { in: [...new Set(fulfillments.map((row) => row.orderGid))] } },
    select: { orderGid: true, legacyId: true, name: true, createdAtShopify: true },
  });
  const byGid = new Map(orders.map((order) => [order.orderGid, order]));
  return fulfillments.map((row) => ({ ...row, order: byGid.get(row.orderGid) ?? null }));
}
