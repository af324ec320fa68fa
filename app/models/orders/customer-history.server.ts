import prisma from "~/models/db/prisma.server";

// A customer's orders as Kept has stored them since install: the fallback order count when Shopify cannot
// be asked. Counted by Shopify's creation instant, not by arrival, so an order whose webhook arrives after
// a later order's still counts as the earlier one.

/** How many of the customer's stored orders were created before `createdAt` (this order not included). */
export async function countCustomerOrdersBefore(shop: string, customerGid: string, createdAt: Date): Promise<number> {
  return prisma.order.count({ where: { shop, customerGid, createdAtShopify: { lt: createdAt } } });
}

/**
 * The same for many orders at once (the trial run's last 100 orders): orderGid → stored orders of the same
 * customer created before it. Orders without a customer are left out.
 */
export async function countEarlierOrdersOfCustomers(
  shop: string,
  orders: readonly { orderGid: string; customerGid: string | null; createdAt: Date }[],
): Promise<Map<string, number>> {
  const customers = [...new Set(orders.flatMap((order) => (order.customerGid ? [order.customerGid] : [])))];
  if (customers.length === 0) return new Map();
  const rows = await prisma.order.findMany({ where: { shop, customerGid: { in: customers } }, select: { customerGid: true, createdAtShopify: true } });
  const instants = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.customerGid) continue;
    const list = instants.get(row.customerGid) ?? [];
    list.push(row.createdAtShopify.getTime());
    instants.set(row.customerGid, list);
  }
  const counts = new Map<string, number>();
  for (const order of orders) {
    if (!order.customerGid) continue;
    const at = order.createdAt.getTime();
    counts.set(order.orderGid, (instants.get(order.customerGid) ?? []).filter((instant) => instant < at).length);
  }
  return counts;
}
