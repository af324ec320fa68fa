import { inTransaction } from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { lintRuleChange } from "~/domain/rules/lint-rule-change";
import type { RuleLintIssue } from "~/domain/rules/lint-rules";
import type { Rule } from "~/domain/rules/rule-model";
import { parseRule, parseStoredRule } from "~/schemas/inserts/insert-rule";
import { describeEditConflict } from "~/utils/editor-form";
import type { FieldError } from "~/utils/form-json";
import { withStockSnapshot } from "./insert-rule.server";

export type SaveRuleInput = {
  document?: unknown;
  /** The version the editor started from; 0 for a new rule. Another save in between is a conflict. */
  baseVersion: number;
  /** True when the merchant typed a stock (or chose unlimited); false keeps the live count. */
  stockEdited: boolean;
};

export type SaveRuleResult = { ok: true; id: string; version: number; warnings: RuleLintIssue[] } | { ok: false; conflict: boolean; errors: FieldError[] };

type Current = { version: number; document: string; stockLeft: number | null; stockOutAt: Date | null } | null;
type StockDecision = { write: false; stockLeft: number | null } | { write: true; stockLeft: number | null; stockOutAt: Date | null };

/**
 * Stock semantics (docs/inserts.md): the live count is `InsertRule.stockLeft`, which the pipeline counts down.
 * Saving writes it only when the merchant entered a stock, the rule is new, or it had no physical item
 * before; otherwise the count keeps running (saving a rename must not undo packed parcels). A stock above 0
 * or unlimited is a restock and clears `stockOutAt`. Removing the item clears both.
 */
function decideStock(rule: Rule, current: Current, stockEdited: boolean): StockDecision {
  const item = rule.actions.physicalItem;
  if (!item) return { write: true, stockLeft: null, stockOutAt: null };
  const hadItem = current !== null && parseStoredRule(current.document)?.actions.physicalItem !== undefined;
  if (current && hadItem && !stockEdited) return { write: false, stockLeft: current.stockLeft };
  const isRestock = item.stock === null || item.stock > 0;
  return { write: true, stockLeft: item.stock, stockOutAt: isRestock ? null : (current?.stockOutAt ?? null) };
}

async function readOtherRules(tx: Prisma.TransactionClient, shop: string, id: string): Promise<Rule[]> {
  const rows = await tx.insertRule.findMany({ where: { shop, archivedAt: null, NOT: { id } }, select: { document: true } });
  return rows.flatMap((row) => parseStoredRule(row.document) ?? []);
}

/**
 * Saves a rule from the editor: validates it (`parseRule`), checks that its template exists in this shop,
 * lints it against the shop's other rules, then appends an `InsertRuleVersion` and updates `InsertRule` in
 * one transaction. Lint errors refuse the save; warnings are returned for the merchant and do not block it.
 */
export async function saveInsertRule(shop: string, input: SaveRuleInput): Promise<SaveRuleResult> {
  const parsed = parseRule(input.document);
  if (!parsed.ok) return { ok: false, conflict: false, errors: parsed.errors };
  const edited = parsed.rule;
  return inTransaction(async (tx): Promise<SaveRuleResult> => {
    const current: Current = await tx.insertRule.findUnique({
      where: { shop_id: { shop, id: edited.id } },
      select: { version: true, document: true, stockLeft: true, stockOutAt: true },
    });
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) return { ok: false, conflict: true, errors: [describeEditConflict("rule", current?.version ?? null)] };
    const templateId = edited.actions.insertTemplateId;
    if (templateId && (await tx.insertTemplate.count({ where: { shop, id: templateId, archivedAt: null } })) === 0) {
      return { ok: false, conflict: false, errors: [{ path: "actions.insertTemplateId", message: "Choose one of your insert templates" }] };
    }
    const stock = decideStock(edited, current, input.stockEdited);
    const version = currentVersion + 1;
    const rule = withStockSnapshot({ ...edited, version }, stock.stockLeft);
    const issues = lintRuleChange(await readOtherRules(tx, shop, rule.id), rule);
    const errors = issues.filter((issue) => issue.level === "error" && issue.ruleId === rule.id);
    if (errors.length > 0) return { ok: false, conflict: false, errors: errors.map((issue) => ({ path: "", message: issue.message })) };

    const document = JSON.stringify(rule);
    const columns = { version, name: rule.name, priority: rule.priority, active: rule.active, document };
    const stockColumns = stock.write ? { stockLeft: stock.stockLeft, stockOutAt: stock.stockOutAt } : {};
    // The rule first: a version belongs to its rule (a foreign key).
    await tx.insertRule.upsert({
      where: { shop_id: { shop, id: rule.id } },
      create: { shop, id: rule.id, ...columns, ...stockColumns },
      update: { ...columns, ...stockColumns },
    });
    await tx.insertRuleVersion.create({ data: { shop, ruleId: rule.id, version, document } });
    return { ok: true, id: rule.id, version, warnings: issues.filter((issue) => issue.level === "warning") };
  });
}
