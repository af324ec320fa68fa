import prisma from "~/models/db/prisma.server";
import { elapsedDays, summarizeDays, type DaysSummary } from "~/domain/stats/percentiles";

export type ObservedOrder = {
  orderGid: string;
  legacyId: string;
  name: string;
  createdAt: Date;
  laneKey: string;
  fulfilled: boolean;
  deliveredAt: Date | null;
  daysToDelivered: number | null;
};

type ObservedLane = DaysSummary & {
  laneKey: string;
  shippingMethod: string | null;
  country: string | null;
  orders: number;
  fulfilled: number;
  delivered: number;
};

const laneKeyOf = (method: string | null, country: string | null) => `${method ?? "(no method)"} → ${country ?? "(no country)"}`;

/**
 * The lanes Kept has observed: orders grouped by shipping method × destination country. An order is
 * fulfilled when it has at least one fulfillment, and delivered when every fulfillment has a delivered
 * date; its delivery time runs from the order to the last delivery.
 */
export async function listObservedLanes(shop: string, take = 5000) {
  const orders = await prisma.order.findMany({
    where: { shop, cancelledAt: null },
    orderBy: { createdAtShopify: "desc" },
    take,
    select: { orderGid: true, legacyId: true, name: true, createdAtShopify: true, shippingMethod: true, shipCountry: true },
  });
  const fulfillments = await prisma.fulfillment.findMany({
    where: { shop, orderGid: { in: orders.map((order) => order.orderGid) } },
    select: { orderGid: true, deliveredAt: true },
  });
  const deliveredByOrder = new Map<string, (Date | null)[]>();
  for (const row of fulfillments) deliveredByOrder.set(row.orderGid, [...(deliveredByOrder.get(row.orderGid) ?? []), row.deliveredAt]);

  const observed: ObservedOrder[] = orders.map((order) => {
    const dates = deliveredByOrder.get(order.orderGid) ?? [];
    const times = dates.flatMap((date) => (date ? [date.getTime()] : []));
    const deliveredAt = dates.length > 0 && times.length === dates.length ? new Date(Math.max(...times)) : null;
    return {
      orderGid: order.orderGid,
      legacyId: order.legacyId,
      name: order.name,
      createdAt: order.createdAtShopify,
      laneKey: laneKeyOf(order.shippingMethod, order.shipCountry),
      fulfilled: dates.length > 0,
      deliveredAt,
      daysToDelivered: elapsedDays(order.createdAtShopify, deliveredAt),
    };
  });

  const lanes = new Map<string, { method: string | null; country: string | null; members: ObservedOrder[] }>();
  orders.forEach((order, index) => {
    const key = observed[index].laneKey;
    const lane = lanes.get(key) ?? { method: order.shippingMethod, country: order.shipCountry, members: [] };
    lane.members.push(observed[index]);
    lanes.set(key, lane);
  });
  const laneRows: ObservedLane[] = [...lanes.entries()].map(([laneKey, lane]) => ({
    laneKey,
    shippingMethod: lane.method,
    country: lane.country,
    orders: lane.members.length,
    fulfilled: lane.members.filter((order) => order.fulfilled).length,
    delivered: lane.members.filter((order) => order.deliveredAt).length,
    ...summarizeDays(lane.members.flatMap((order) => (order.daysToDelivered === null ? [] : [order.daysToDelivered]))),
  }));
  laneRows.sort((a, b) => b.orders - a.orders || a.laneKey.localeCompare(b.laneKey));
  // The page lists the most recent orders; the lane statistics use all of them.
  return { lanes: laneRows, orders: observed.slice(0, 100) };
}
