import { describeRuleStatus } from "~/domain/rules/rule-status";
import { listInsertRules, reorderInsertRules, setInsertRuleArchived } from "~/models/inserts/insert-rule.server";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { listInsertTemplates, seedDefaultTemplates } from "~/models/inserts/insert-template.server";
import { listRecentOrderRecords } from "~/models/orders/order.server";
import { readRecordedFacts } from "./recorded-order-facts.server";

/**
 * The Inserts page: the shop's rules with status, stock and match counts, its templates and settings.
 * The first visit gives a shop without templates the built-in ones.
 */
export async function loadInsertsOverview(shop: string, now: Date) {
  const seeded = await seedDefaultTemplates(shop);
  const [rules, templates, settings, orders] = await Promise.all([
    listInsertRules(shop),
    listInsertTemplates(shop),
    ensureInsertSettings(shop),
    listRecentOrderRecords(shop, 20),
  ]);
  const facts = await readRecordedFacts(
    shop,
    orders.map((order) => ({ ...order, createdAt: order.createdAtShopify })),
    { orderCount: true, customerTags: true, productTypes: false },
  );
  return {
    seeded,
    rules: rules.map((row) => ({
      id: row.id,
      name: row.name,
      status: describeRuleStatus(row.rule ?? { active: row.active }, row.archivedAt !== null, now.getTime()),
      priority: row.priority,
      itemLabel: row.rule?.actions.physicalItem?.label ?? null,
      stockLeft: row.stockLeft,
      stockOutAt: row.stockOutAt,
      matched: row.matched,
      heldOut: row.heldOut,
      version: row.version,
      updatedAt: row.updatedAt,
    })),
    templates,
    recentOrders: orders.map((order) => ({
      orderGid: order.orderGid,
      legacyId: order.legacyId,
      name: order.name,
      createdAtShopify: order.createdAtShopify,
      totalPrice: order.totalPrice,
      currency: order.currency,
      shipCountry: order.shipCountry,
      sourceName: order.sourceName,
      tags: order.tags,
      skus: order.lines.flatMap((line) => (line.sku ? [line.sku] : [])),
      orderCount: facts.get(order.orderGid)?.orderCount ?? null,
      customerTags: facts.get(order.orderGid)?.customerTags?.value ?? null,
    })),
    settings: { maxInsertsPerParcel: settings.maxInsertsPerParcel, fallbackLocale: settings.fallbackLocale, paperSize: settings.paperSize },
  };
}

export type RulesListAction = { intent: "archive" | "restore"; id: string } | { intent: "reorder"; order: string[] };

/** Archive, restore or reorder from the rules list; the message says what happened. */
export async function applyRulesListAction(shop: string, action: RulesListAction): Promise<{ ok: boolean; message: string }> {
  if (action.intent === "reorder") {
    const result = await reorderInsertRules(shop, action.order);
    return result.ok ? { ok: true, message: `Order saved (${result.changed} rule${result.changed === 1 ? "" : "s"} got a new priority).` } : result;
  }
  const archived = action.intent === "archive";
  const done = await setInsertRuleArchived(shop, action.id, archived);
  if (!done) return { ok: false, message: "There is no such rule in this shop." };
  return { ok: true, message: archived ? "Rule archived: it no longer runs. Restore it from the archived list." : "Rule restored." };
}
