import { randomBytes } from "node:crypto";
import { applyResolvedFacts, describeResolvedFacts, findNeededFacts } from "~/domain/rules/external-facts";
import type { Rule } from "~/domain/rules/rule-model";
import { runRuleTrial } from "~/domain/rules/trial-run";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { getInsertRule, listLiveRules, withStockSnapshot } from "~/models/inserts/insert-rule.server";
import { listProductsSeen, listRecentRuleOrders } from "~/models/inserts/insert-rule-orders.server";
import { listInsertTemplates } from "~/models/inserts/insert-template.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { parseRule } from "~/schemas/inserts/insert-rule";
import { readRecordedFacts } from "./recorded-order-facts.server";

/** How many of the shop's latest orders "Test against the last orders" looks at. */
const TRIAL_ORDERS = 100;

function blankRule(priority: number): Rule {
  return {
    id: `rule-${randomBytes(6).toString("hex")}`,
    version: 1,
    name: "",
    priority,
    active: true,
    stopAfter: false,
    holdoutPercent: 0,
    conditions: { op: "and", items: [] },
    actions: {},
  };
}

/**
 * Everything the rule editor needs for rule `id` ("new" for a blank one): the rule with its live stock, the
 * shop's other rules (for checking before saving), templates, products seen in orders, and the time zone.
 * Null when the shop has no rule with this id.
 */
export async function loadRuleEditor(shop: string, id: string) {
  const [stored, live, templates, products, info] = await Promise.all([
    id === "new" ? null : getInsertRule(shop, id),
    listLiveRules(shop),
    listInsertTemplates(shop),
    listProductsSeen(shop),
    getShopInfo(shop),
  ]);
  if (id !== "new" && !stored?.rule) return null;
  const nextPriority = Math.min(9999, Math.max(0, ...live.rules.map((rule) => rule.priority)) + 10);
  const rule = stored?.rule ? withStockSnapshot(stored.rule, stored.stockLeft) : blankRule(nextPriority);
  return {
    rule,
    baseVersion: stored?.version ?? 0,
    hadPhysicalItem: stored?.rule?.actions.physicalItem !== undefined,
    stockOutAt: stored?.stockOutAt ?? null,
    archivedAt: stored?.archivedAt ?? null,
    versions: stored?.versions ?? [],
    otherRules: live.rules.filter((other) => other.id !== rule.id),
    templates: templates.map((template) => ({ id: template.id, name: template.name })),
    products,
    timeZone: info?.timezone ?? "UTC",
    currency: info?.currency ?? "",
  };
}

/**
 * "Test against the last 100 orders" for the rule as edited (unsaved): which orders its conditions match
 * and why, and what the evaluation with the shop's other rules, stock and parcel limit would give each one.
 * Order counts, customer tags and product types are those stored with each order's decision where the
 * pipeline stored them, else Kept's history (readRecordedFacts); each row says which.
 */
export async function tryRuleOnRecentOrders(shop: string, document: unknown) {
  const parsed = parseRule(document);
  if (!parsed.ok) return parsed;
  const [live, orders, settings] = await Promise.all([listLiveRules(shop), listRecentRuleOrders(shop, TRIAL_ORDERS), ensureInsertSettings(shop)]);
  // The edited rule's own stock is the one in the editor (the live count unless the merchant changed it).
  const { [parsed.rule.id]: _own, ...stockLeft } = live.stockLeft;
  const recorded = await readRecordedFacts(shop, orders, findNeededFacts([parsed.rule, ...live.rules]));
  const factsOf = (orderGid: string) => recorded.get(orderGid) ?? {};
  const trial = runRuleTrial({
    rule: parsed.rule,
    otherRules: live.rules,
    orders: orders.map((order) => applyResolvedFacts(order, factsOf(order.orderGid))),
    factNotes: new Map(orders.map((order) => [order.orderGid, describeResolvedFacts(factsOf(order.orderGid))])),
    maxInsertsPerParcel: settings.maxInsertsPerParcel,
    holdoutSalt: settings.holdoutSalt,
    stockLeft,
  });
  return { ok: true as const, ...trial };
}
