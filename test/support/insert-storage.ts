import type { PrismaClient } from "~/generated/prisma/client";
import { parseRule } from "~/schemas/inserts/insert-rule";
import { parseInsertTemplate } from "~/schemas/inserts/insert-template";

// Stores rules and templates the way the rule editor (built on another branch) will: the current document
// plus a version row. Tests and the demo end-to-end test use it while that editor does not exist here.

/** Stores a validated rule (and its version row); `stockLeft` is the editor's authoritative stock column. */
export async function storeInsertRule(db: PrismaClient, shop: string, input: unknown, options: { stockLeft?: number | null } = {}) {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new Error(`invalid rule in test: ${JSON.stringify(parsed.errors)}`);
  const rule = parsed.rule;
  const document = JSON.stringify(rule);
  const stockLeft = options.stockLeft !== undefined ? options.stockLeft : (rule.actions.physicalItem?.stock ?? null);
  const columns = { version: rule.version, name: rule.name, priority: rule.priority, active: rule.active, document, stockLeft };
  await db.insertRule.upsert({ where: { shop_id: { shop, id: rule.id } }, create: { shop, id: rule.id, ...columns }, update: columns });
  await db.insertRuleVersion.upsert({
    where: { shop_ruleId_version: { shop, ruleId: rule.id, version: rule.version } },
    create: { shop, ruleId: rule.id, version: rule.version, document },
    update: { document },
  });
  return rule;
}

/** Stores a validated template document (and its version row). */
export async function storeInsertTemplate(db: PrismaClient, shop: string, input: unknown, version = 1) {
  const parsed = parseInsertTemplate(input);
  if (!parsed.ok) throw new Error(`invalid template in test: ${JSON.stringify(parsed.errors)}`);
  const template = parsed.template;
  const document = JSON.stringify(template);
  await db.insertTemplate.upsert({
    where: { shop_id: { shop, id: template.id } },
    create: { shop, id: template.id, version, name: template.name, document },
    update: { version, name: template.name, document },
  });
  await db.insertTemplateVersion.upsert({
    where: { shop_templateId_version: { shop, templateId: template.id, version } },
    create: { shop, templateId: template.id, version, document },
    update: { document },
  });
  return template;
}

/**
 * The rows an insert assignment belongs to (its order and the order's evaluation), for tests that store an
 * assignment without running the pipeline: the schema refuses an assignment without them.
 */
export async function storeEvaluatedOrder(db: PrismaClient, shop: string, orderGid: string, at = new Date("2026-11-20T10:00:00Z")) {
  const legacyId = orderGid.slice(orderGid.lastIndexOf("/") + 1);
  await db.order.upsert({
    where: { shop_orderGid: { shop, orderGid } },
    create: { shop, orderGid, legacyId, name: `#${legacyId}`, currency: "EUR", totalPrice: "10.00", createdAtShopify: at, updatedAtShopify: at },
    update: {},
  });
  await db.insertEvaluation.upsert({ where: { shop_orderGid: { shop, orderGid } }, create: { shop, orderGid, evaluatedFor: at }, update: {} });
}
