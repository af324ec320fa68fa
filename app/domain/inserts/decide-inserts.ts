import { evaluateRules } from "../rules/evaluate-rules";
import type { CompiledRuleSet } from "../rules/compile-rules";
import type { Rule } from "../rules/rule-model";
import type { RuleOrder } from "../rules/rule-order";
import { describePackingPlan } from "./packing-plan";

const DAY_MS = 86_400_000;

export type ShopInsertContext = {
  compiled: CompiledRuleSet;
  rulesById: Map<string, Rule>;
  /** Live templates by id: current version and name. */
  templates: Map<string, { version: number; name: string }>;
  maxInsertsPerParcel: number;
  holdoutSalt: string;
  /** Warnings about the rules themselves (unreadable documents). */
  problems: string[];
};

/** One row of an order's insert evaluation: what a rule put in the parcel, or that the order is in its control group. */
export type AssignmentRow = {
  ruleId: string;
  ruleVersion: number;
  holdout: boolean;
  reasons: string[];
  templateId: string | null;
  templateVersion: number | null;
  itemLabel: string | null;
  discountCode: string | null;
  discountStatus: "pending" | null;
  discountExpiresAt: Date | null;
};

/** Picks a fresh personal discount code (the caller owns the randomness: services/inserts/personal-code.server.ts). */
export type ChooseCode = (args: { prefix?: string; firstName: string | null }) => string;

export type OrderFacts = { ruleOrder: RuleOrder; createdAt: Date; cancelled: boolean; firstName: string | null };

export type InsertDecision = {
  assignments: AssignmentRow[];
  /** Rules whose physical insert has a finite stock to count down, with the item's label. */
  stockTakes: { ruleId: string; label: string }[];
  skipped: unknown[];
  warnings: string[];
  ruleVersions: Record<string, number>;
  packingPlan: string;
};

/**
 * Why some orders get no evaluation at all: a cancelled order ships nothing, and a POS sale without a
 * shipping address is handed over at the counter (there is no parcel to pack). Documented in docs/inserts.md.
 */
export function noParcelReason(order: OrderFacts): string | null {
  if (order.cancelled) return "order-cancelled";
  if (order.ruleOrder.sourceName === "pos" && !order.ruleOrder.shipCountry) return "pos-no-parcel";
  return null;
}

/** Turns the engine's answer into assignment rows, stock to take, a chosen code per discount, and the packing plan. */
export function decideInserts(context: ShopInsertContext, order: OrderFacts, stockLeft: Record<string, number | null>, chooseCode: ChooseCode): InsertDecision {
  const ruleVersions = Object.fromEntries(context.compiled.rules.map(({ rule }) => [rule.id, rule.version]));
  const reason = noParcelReason(order);
  if (reason) return { assignments: [], stockTakes: [], skipped: [{ ruleId: null, reason }], warnings: [], ruleVersions, packingPlan: "" };
  const result = evaluateRules({
    order: order.ruleOrder,
    rules: context.compiled,
    now: order.createdAt.toISOString(),
    maxInsertsPerParcel: context.maxInsertsPerParcel,
    stockLeft,
    holdoutSalt: context.holdoutSalt,
  });
  const warnings = [...context.problems, ...result.warnings];
  const stockTakes: InsertDecision["stockTakes"] = [];
  const applied = result.assignments.map((assignment): AssignmentRow => {
    const rule = context.rulesById.get(assignment.ruleId) as Rule;
    const { insertTemplateId, physicalItem, discount } = rule.actions;
    const template = insertTemplateId ? context.templates.get(insertTemplateId) : undefined;
    if (insertTemplateId && !template)
      warnings.push(`Rule "${rule.name}": template "${insertTemplateId}" does not exist any more, so nothing is printed for it.`);
    if (physicalItem && stockLeft[rule.id] !== null && stockLeft[rule.id] !== undefined) stockTakes.push({ ruleId: rule.id, label: physicalItem.label });
    return {
      ruleId: rule.id,
      ruleVersion: assignment.ruleVersion,
      holdout: false,
      reasons: assignment.reasons,
      templateId: template ? (insertTemplateId ?? null) : null,
      templateVersion: template?.version ?? null,
      itemLabel: physicalItem?.label ?? null,
      discountCode: discount ? chooseCode({ prefix: discount.prefix, firstName: order.firstName }) : null,
      discountStatus: discount ? "pending" : null,
      discountExpiresAt: discount ? new Date(order.createdAt.getTime() + discount.expiresInDays * DAY_MS) : null,
    };
  });
  const heldOut = result.holdouts.map((holdout): AssignmentRow => ({
    ruleId: holdout.ruleId,
    ruleVersion: holdout.ruleVersion,
    holdout: true,
    reasons: ["held out as the rule's control group"],
    templateId: null,
    templateVersion: null,
    itemLabel: null,
    discountCode: null,
    discountStatus: null,
    discountExpiresAt: null,
  }));
  const packingPlan = describePackingPlan(
    applied.map((row) => ({
      insert: row.templateId ? (context.templates.get(row.templateId)?.name ?? null) : null,
      item: row.itemLabel,
      code: row.discountCode ? { code: row.discountCode, status: "pending" as const } : null,
    })),
  );
  return { assignments: [...applied, ...heldOut], stockTakes, skipped: result.skipped, warnings, ruleVersions, packingPlan };
}
