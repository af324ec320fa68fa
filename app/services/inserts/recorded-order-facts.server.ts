import type { NeededFacts, ResolvedFacts } from "~/domain/rules/external-facts";
import { countEarlierOrdersOfCustomers } from "~/models/orders/customer-history.server";
import { findStoredFacts } from "~/models/inserts/insert-evaluation.server";
import { parseStoredFacts } from "~/schemas/inserts/resolved-facts";

/** Why a recorded order's fact comes from Kept's history (or is unknown) rather than from Shopify. */
const NOT_ON_RECORD = "no Shopify facts stored with this order";

export type RecordedOrder = { orderGid: string; customerGid: string | null; createdAt: string | Date };

/**
 * The facts rules read beyond the order record, for orders Kept already has (the trial run, the Inserts
 * page): what the inserts.assign job stored with the order's decision where it did; otherwise Kept's
 * history for the order count (the customer's stored orders created before this one) and unknown customer
 * tags and product types. Makes no Admin API call: 100 orders must not cost 100 queries.
 */
export async function readRecordedFacts(shop: string, orders: readonly RecordedOrder[], needed: NeededFacts): Promise<Map<string, ResolvedFacts>> {
  const [stored, earlier] = await Promise.all([
    findStoredFacts(
      shop,
      orders.map((order) => order.orderGid),
    ),
    needed.orderCount
      ? countEarlierOrdersOfCustomers(
          shop,
          orders.map((order) => ({ ...order, createdAt: new Date(order.createdAt) })),
        )
      : new Map<string, number>(),
  ]);
  const result = new Map<string, ResolvedFacts>();
  for (const order of orders) {
    const known = parseStoredFacts(stored.get(order.orderGid)) ?? {};
    const guest = order.customerGid === null;
    const facts: ResolvedFacts = {};
    let fellBack = false;
    if (needed.orderCount) {
      facts.orderCount =
        known.orderCount ?? (guest ? { value: null, origin: "guest" } : { value: 1 + (earlier.get(order.orderGid) ?? 0), origin: "kept-history" });
      fellBack ||= !known.orderCount && !guest;
    }
    if (needed.customerTags) {
      facts.customerTags = known.customerTags ?? (guest ? { value: [], origin: "guest" } : { value: null, origin: "unknown" });
      fellBack ||= !known.customerTags && !guest;
    }
    if (needed.productTypes) {
      facts.productTypes = known.productTypes ?? { value: null, origin: "unknown" };
      fellBack ||= !known.productTypes;
    }
    const reason = known.fallbackReason ?? (fellBack ? NOT_ON_RECORD : undefined);
    result.set(order.orderGid, reason ? { ...facts, fallbackReason: reason } : facts);
  }
  return result;
}
