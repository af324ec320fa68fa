import { compileRules, type CompiledRuleSet } from "./compile-rules";
import { isInHoldout } from "./holdout";
import { PreparedOrder } from "./prepared-order";
import type { Rule } from "./rule-model";
import type { RuleOrder } from "./rule-order";

export type SkipReason = "inactive" | "outside-window" | "out-of-stock" | "parcel-full" | "no-match" | "stopped";

type RuleAssignment = { ruleId: string; ruleVersion: number; reasons: string[] };

export type RuleEvaluation = {
  /** Rules whose actions go into this parcel, in evaluation order, with plain-English reasons. */
  assignments: RuleAssignment[];
  /** Rules that matched but held this order out as a control: nothing from them goes into the parcel. */
  holdouts: { ruleId: string; ruleVersion: number }[];
  skipped: { ruleId: string; reason: SkipReason }[];
  warnings: string[];
};

export type EvaluateRulesInput = {
  order: RuleOrder;
  /** Prefer a `compileRules` result reused across orders; raw rules are compiled on every call. */
  rules: CompiledRuleSet | readonly Rule[];
  /** The evaluation instant (ISO); the engine never reads the clock. */
  now: string;
  maxInsertsPerParcel: number;
  /** Current physical stock per rule id (null = unlimited); falls back to the rule's own `physicalItem.stock`. */
  stockLeft: Record<string, number | null>;
  /** Per-shop secret mixed into the holdout hash. */
  holdoutSalt: string;
};

/** True when the rule has a physical insert and none is left. Rules without a physical item never run out. */
function isOutOfStock(rule: Rule, stockLeft: Record<string, number | null>): boolean {
  const item = rule.actions.physicalItem;
  if (!item) return false;
  const stock = Object.hasOwn(stockLeft, rule.id) ? stockLeft[rule.id] : item.stock;
  return stock !== null && stock !== undefined && stock <= 0;
}

/**
 * Decides which insert rules apply to one order.
 *
 * - Rules run by priority (lower first, then id). Inactive rules and rules outside [startsAt, endsAt) are skipped.
 * - A matching rule whose physical insert is out of stock is skipped with a warning and evaluation continues, so
 *   the next matching rule fills in: an order is never blocked by a missing insert. It does not trigger stopAfter.
 * - Holdout: a matching rule holds out a deterministic `holdoutPercent` of orders. A held-out order gets nothing
 *   from the rule but otherwise follows exactly the treated path: it uses a parcel slot and triggers stopAfter.
 *   Otherwise control orders would receive lower-priority inserts that treated orders don't, and the comparison
 *   would measure "insert A vs insert B" instead of "insert A vs nothing".
 * - At most `maxInsertsPerParcel` rules apply (held-out ones included); further matches are skipped 'parcel-full'.
 * - After a rule applies (or holds out) with `stopAfter`, all lower-priority rules are skipped 'stopped'.
 */
export function evaluateRules(input: EvaluateRulesInput): RuleEvaluation {
  const compiled = "kind" in input.rules ? input.rules : compileRules(input.rules);
  const prepared = new PreparedOrder(input.order);
  const nowMs = Date.parse(input.now);
  const { assignments, holdouts, skipped, warnings }: RuleEvaluation = { assignments: [], holdouts: [], skipped: [], warnings: [] };
  let isStopped = false;
  // A plain loop with no per-rule closures: this runs for every rule of every order.
  for (const { rule, startsAtMs, endsAtMs, check, problems } of compiled.rules) {
    let reason: SkipReason | null = null;
    if (!isStopped && rule.active && problems.length > 0) warnings.push(`Rule "${rule.name}" is broken: ${problems.join("; ")}.`);
    if (isStopped) reason = "stopped";
    else if (!rule.active) reason = "inactive";
    else if (!(nowMs >= startsAtMs && nowMs < endsAtMs)) reason = "outside-window";
    else if (!check.test(prepared)) reason = "no-match";
    else if (isOutOfStock(rule, input.stockLeft)) {
      reason = "out-of-stock";
      warnings.push(`Rule "${rule.name}": insert "${rule.actions.physicalItem?.label}" is out of stock, so the next matching rule was used.`);
    } else if (assignments.length + holdouts.length >= input.maxInsertsPerParcel) reason = "parcel-full";
    if (reason !== null) {
      skipped.push({ ruleId: rule.id, reason });
      continue;
    }
    const held = isInHoldout({ holdoutSalt: input.holdoutSalt, ruleId: rule.id, orderGid: input.order.orderGid, holdoutPercent: rule.holdoutPercent });
    if (held) holdouts.push({ ruleId: rule.id, ruleVersion: rule.version });
    else assignments.push({ ruleId: rule.id, ruleVersion: rule.version, reasons: check.explain(prepared).reasons });
    isStopped = rule.stopAfter;
  }
  return { assignments, holdouts, skipped, warnings };
}
