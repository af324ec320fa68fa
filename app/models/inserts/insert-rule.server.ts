import prisma, { inTransaction } from "~/models/db/prisma.server";
import type { Rule } from "~/domain/rules/rule-model";
import { parseStoredRule } from "~/schemas/inserts/insert-rule";

/** An insert rule as the admin lists it: the current document plus the columns the pipeline keeps up to date. */
export type InsertRuleRow = {
  id: string;
  name: string;
  priority: number;
  active: boolean;
  version: number;
  /** The current document; null if it no longer validates (never written that way by Kept). */
  rule: Rule | null;
  stockLeft: number | null;
  stockOutAt: Date | null;
  archivedAt: Date | null;
  updatedAt: Date;
};

const ROW = {
  id: true,
  name: true,
  priority: true,
  active: true,
  version: true,
  document: true,
  stockLeft: true,
  stockOutAt: true,
  archivedAt: true,
  updatedAt: true,
} as const;

function toRow({ document, ...row }: { document: string } & Omit<InsertRuleRow, "rule">): InsertRuleRow {
  return { ...row, rule: parseStoredRule(document) };
}

/** The shop's rules in evaluation order (archived ones last), with how many orders each applied to or held out. */
export async function listInsertRules(shop: string): Promise<(InsertRuleRow & { matched: number; heldOut: number })[]> {
  const [rows, counts] = await Promise.all([
    prisma.insertRule.findMany({ where: { shop }, orderBy: [{ priority: "asc" }, { id: "asc" }], select: ROW }),
    prisma.insertAssignment.groupBy({ by: ["ruleId", "holdout"], where: { shop }, _count: { _all: true } }),
  ]);
  const countOf = (ruleId: string, holdout: boolean) => counts.find((c) => c.ruleId === ruleId && c.holdout === holdout)?._count._all ?? 0;
  const listed = rows.map((row) => ({ ...toRow(row), matched: countOf(row.id, false), heldOut: countOf(row.id, true) }));
  return [...listed.filter((row) => !row.archivedAt), ...listed.filter((row) => row.archivedAt)];
}

/** One rule with its saved versions (newest first); null when the shop has no such rule. */
export async function getInsertRule(shop: string, id: string) {
  const row = await prisma.insertRule.findUnique({ where: { shop_id: { shop, id } }, select: ROW });
  if (!row) return null;
  const versions = await prisma.insertRuleVersion.findMany({
    where: { shop, ruleId: id },
    orderBy: { version: "desc" },
    take: 20,
    select: { version: true, createdAt: true },
  });
  return { ...toRow(row), versions };
}

/** The shop's rules that are not archived (active or not), as the engine and the linter read them. */
export async function listLiveRules(shop: string): Promise<{ rules: Rule[]; stockLeft: Record<string, number | null> }> {
  const rows = await prisma.insertRule.findMany({ where: { shop, archivedAt: null }, select: { document: true, stockLeft: true } });
  const rules: Rule[] = [];
  const stockLeft: Record<string, number | null> = {};
  for (const row of rows) {
    const rule = parseStoredRule(row.document);
    if (!rule) continue;
    rules.push(rule);
    if (rule.actions.physicalItem) stockLeft[rule.id] = row.stockLeft;
  }
  return { rules, stockLeft };
}

/** Archives (or restores) a rule: an archived rule never runs and is listed apart. False when there is no such rule. */
export async function setInsertRuleArchived(shop: string, id: string, archived: boolean): Promise<boolean> {
  const { count } = await prisma.insertRule.updateMany({ where: { shop, id }, data: { archivedAt: archived ? new Date() : null } });
  return count === 1;
}

/**
 * Puts the shop's non-archived rules in the given order: priorities become 10, 20, 30 … and every rule whose
 * priority changes gets a new version. Refused when the list is not exactly the shop's non-archived rules
 * (the page was stale, or ids of another shop were sent).
 */
export async function reorderInsertRules(shop: string, orderedIds: readonly string[]): Promise<{ ok: true; changed: number } | { ok: false; message: string }> {
  return inTransaction(async (tx) => {
    const rows = await tx.insertRule.findMany({ where: { shop, archivedAt: null }, select: { id: true, version: true, document: true, stockLeft: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    if (rows.length !== orderedIds.length || new Set(orderedIds).size !== orderedIds.length || !orderedIds.every((id) => byId.has(id))) {
      return { ok: false, message: "The rules changed since this page was loaded. Reload it and try again." };
    }
    const step = orderedIds.length * 10 <= 9999 ? 10 : 1;
    let changed = 0;
    for (const [index, id] of orderedIds.entries()) {
      const row = byId.get(id);
      const rule = row ? parseStoredRule(row.document) : null;
      const priority = (index + 1) * step;
      if (!row || !rule || rule.priority === priority) continue;
      const version = row.version + 1;
      const document = JSON.stringify(withStockSnapshot({ ...rule, priority, version }, row.stockLeft));
      await tx.insertRuleVersion.create({ data: { shop, ruleId: id, version, document } });
      await tx.insertRule.update({ where: { shop_id: { shop, id } }, data: { priority, version, document } });
      changed += 1;
    }
    return { ok: true, changed };
  });
}

/** A saved version records the stock as it was when it was saved; the live count is `InsertRule.stockLeft`. */
export function withStockSnapshot(rule: Rule, stockLeft: number | null): Rule {
  const item = rule.actions.physicalItem;
  return item ? { ...rule, actions: { ...rule.actions, physicalItem: { ...item, stock: stockLeft } } } : rule;
}
