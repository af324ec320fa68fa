import { findOrderNames } from "~/models/orders/order.server";
import { countDeliveriesByStatus, listDeliveries, type DeliveryPageRequest } from "~/models/intake/webhook-delivery.server";

/** Rows per page of the Webhook log. */
const WEBHOOK_LOG_PAGE_SIZE = 50;

/**
 * Everything the Webhook log shows: one page of deliveries (newest first, filtered), each with the name of
 * the order it concerns when Kept has that order, the shop's totals per status, and the totals per status
 * within the topic filter (what the Status filter offers and the pagination counts).
 */
export async function loadWebhookLog(shop: string, request: Omit<DeliveryPageRequest, "take">) {
  const [page, counts, topicCounts] = await Promise.all([
    listDeliveries(shop, { ...request, take: WEBHOOK_LOG_PAGE_SIZE }),
    countDeliveriesByStatus(shop),
    request.topic ? countDeliveriesByStatus(shop, { topic: request.topic }) : null,
  ]);
  const orderGids = [...new Set(page.deliveries.flatMap((delivery) => (delivery.orderGid ? [delivery.orderGid] : [])))];
  const orders = new Map((await findOrderNames(shop, orderGids)).map((order) => [order.orderGid, order]));
  const deliveries = page.deliveries.map((delivery) => {
    const order = delivery.orderGid ? orders.get(delivery.orderGid) : undefined;
    return { ...delivery, order: order ? { name: order.name, legacyId: order.legacyId } : null };
  });
  return { ...page, deliveries, counts, filterCounts: topicCounts ?? counts };
}
