import type { NeededFacts, ResolvedFacts } from "~/domain/rules/external-facts";
import prisma from "~/models/db/prisma.server";
import { sqliteDate, type SqliteDb } from "~/models/db/sqlite.server";
import { parseStoredFacts } from "~/schemas/inserts/resolved-facts";

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

/**
 * The facts rules read beyond the order record, on the worker's connection (the follow-up scheduler runs in
 * its transaction): what the inserts.assign job stored with the order's decision from Shopify where it did;
 * otherwise the order count from Kept's history and unknown customer tags and product types, as
 * readRecordedFacts does for the trial.
 */
export function readRuleFacts(
  db: SqliteDb,
  shop: string,
  order: { orderGid: string; customerGid: string | null; createdAt: Date },
  needed: NeededFacts,
): ResolvedFacts {
  const row = db.statement(`SELECT "facts" FROM "InsertEvaluation" WHERE "shop" = ? AND "orderGid" = ?`).get(shop, order.orderGid) as
    { facts: string | null } | undefined;
  const known = parseStoredFacts(row?.facts) ?? {};
  const guest = order.customerGid === null;
  const facts: ResolvedFacts = {};
  if (needed.orderCount) {
    const earlier = () =>
      Number(
        (
          db
            .statement(`SELECT COUNT(*) AS "n" FROM "Order" WHERE "shop" = ? AND "customerGid" = ? AND "createdAtShopify" < ?`)
            .get(shop, order.customerGid, sqliteDate(order.createdAt)) as { n: number }
        ).n,
      );
    facts.orderCount = known.orderCount ?? (guest ? { value: null, origin: "guest" } : { value: 1 + earlier(), origin: "kept-history" });
  }
  if (needed.customerTags) facts.customerTags = known.customerTags ?? (guest ? { value: [], origin: "guest" } : { value: null, origin: "unknown" });
  if (needed.productTypes) facts.productTypes = known.productTypes ?? { value: null, origin: "unknown" };
  return facts;
}
