import { isConditionGroup, type ConditionGroup, type Rule } from "./rule-model";
import type { RuleOrder } from "./rule-order";

// Facts rules can ask about that Shopify's order webhooks do not carry (2026-01 payloads have no
// orders_count, no customer tags and no product type): the caller finds them out (Shopify's Admin API, or
// Kept's own history when Shopify cannot answer) and records where each came from, so the merchant can
// see why a rule matched.

/** Which of those facts a set of rules reads. */
export type NeededFacts = { orderCount: boolean; customerTags: boolean; productTypes: boolean };

/**
 * What the rules' conditions need beyond the order record: the customer's order count (`first-order`,
 * `order-count`), their tags (`customer-tags`), and the products' types (`line-item` on `productType`).
 */
export function findNeededFacts(rules: readonly Pick<Rule, "conditions">[]): NeededFacts {
  const needed: NeededFacts = { orderCount: false, customerTags: false, productTypes: false };
  const visit = (group: ConditionGroup) => {
    for (const item of group.items) {
      if (isConditionGroup(item)) visit(item);
      else if (item.kind === "first-order" || item.kind === "order-count") needed.orderCount = true;
      else if (item.kind === "customer-tags") needed.customerTags = true;
      else if (item.kind === "line-item" && item.field === "productType") needed.productTypes = true;
    }
  };
  for (const rule of rules) visit(rule.conditions);
  return needed;
}

export const needsAnyFact = (needed: NeededFacts) => needed.orderCount || needed.customerTags || needed.productTypes;

/**
 * Where a fact came from: Shopify's Admin API; Kept's own order records since install (order count only,
 * when Shopify could not answer); a guest checkout (no customer, so no count and no tags); or not known.
 */
export type FactOrigin = "shopify" | "kept-history" | "guest" | "unknown";

/** The facts found out for one order (only those its shop's rules needed), each with its origin. */
export type ResolvedFacts = {
  orderCount?: { value: number | null; origin: FactOrigin };
  customerTags?: { value: string[] | null; origin: FactOrigin };
  /** Product GID → product type (products without a type are left out). */
  productTypes?: { value: Record<string, string> | null; origin: FactOrigin };
  /** Why Shopify's answer was not used, in the merchant's words ("Admin API unreachable"). */
  fallbackReason?: string;
};

/** The order as rules read it with these facts; facts not resolved stay unknown (they never match). */
export function applyResolvedFacts(order: RuleOrder, facts: ResolvedFacts): RuleOrder {
  const types = facts.productTypes?.value ?? null;
  return {
    ...order,
    customerOrdersCount: facts.orderCount?.value ?? null,
    customerTags: facts.customerTags?.value ?? null,
    lines: order.lines.map((line) => ({ ...line, productType: types && line.productGid ? (types[line.productGid] ?? null) : null })),
  };
}

function sourceOf(origin: FactOrigin, reason: string): string {
  if (origin === "shopify") return "Shopify";
  if (origin === "kept-history") return `Kept's history since install, ${reason}`;
  if (origin === "guest") return "guest checkout";
  return reason;
}

const listed = (values: string[]) => (values.length ? values.join(", ") : "none");

/**
 * One plain-English line per resolved fact with its source, for the order page and the trial run:
 * "Order count: 3 (Shopify)", "Order count: 1 (Kept's history since install, Admin API unreachable)",
 * "Customer tags: not known (Admin API unreachable); customer-tag conditions do not match".
 */
export function describeResolvedFacts(facts: ResolvedFacts): string[] {
  const reason = facts.fallbackReason ?? "Shopify not asked";
  const lines: string[] = [];
  const { orderCount, customerTags, productTypes } = facts;
  if (orderCount) {
    const value = orderCount.value === null ? (orderCount.origin === "guest" ? "none" : "not known") : `#${orderCount.value}`;
    lines.push(`Order count: ${value} (${sourceOf(orderCount.origin, reason)})`);
  }
  if (customerTags) {
    lines.push(
      customerTags.value === null
        ? `Customer tags: not known (${reason}); customer-tag conditions do not match`
        : `Customer tags: ${listed(customerTags.value)} (${sourceOf(customerTags.origin, reason)})`,
    );
  }
  if (productTypes) {
    lines.push(
      productTypes.value === null
        ? `Product types: not known (${reason}); product-type conditions do not match`
        : `Product types: ${listed([...new Set(Object.values(productTypes.value))])} (${sourceOf(productTypes.origin, reason)})`,
    );
  }
  return lines;
}
