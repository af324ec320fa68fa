import { compileRules } from "./compile-rules";
import { evaluateRules, type SkipReason } from "./evaluate-rules";
import { explainMatch } from "./explain-rule";
import type { Rule } from "./rule-model";
import type { RuleOrder } from "./rule-order";

/** What the full evaluation, with the shop's other rules, gives the tried rule for one order. */
export type TrialOutcome = { kind: "gets-it" } | { kind: "held-out" } | { kind: "skipped"; reason: SkipReason; stoppedBy?: string };

export type TrialRow = {
  orderGid: string;
  name: string;
  createdAt: string;
  /** The rule's conditions alone (`explainMatch`): whether they hold, why, and why not. */
  matched: boolean;
  reasons: string[];
  failed: string[];
  outcome: TrialOutcome;
  /** Names of the other rules that put something into the same parcel. */
  alongside: string[];
  warnings: string[];
  /** Where the facts order webhooks lack came from for this order ("Order count: #3 (Shopify)"). */
  facts: string[];
};

/** Counts over the orders the conditions match: how many get the rule, are held out, or are skipped and why. */
export type TrialSummary = { orders: number; matched: number; getsIt: number; heldOut: number; skipped: Partial<Record<SkipReason, number>> };

export type RuleTrialInput = {
  /** The rule as edited, possibly unsaved; it replaces its saved version among `otherRules`. */
  rule: Rule;
  otherRules: readonly Rule[];
  orders: readonly RuleOrder[];
  maxInsertsPerParcel: number;
  holdoutSalt: string;
  /** Stock as it is now; a trial does not count it down. */
  stockLeft: Record<string, number | null>;
  /** Per orderGid, where its order count, customer tags and product types came from (describeResolvedFacts). */
  factNotes?: ReadonlyMap<string, readonly string[]>;
};

/**
 * "Test this rule against my last orders": for each order, whether the rule's conditions match and why
 * (or why not), and what the real evaluation with the shop's other active rules would give it, with each
 * rule's active window checked against the order's creation instant (as when the order was first seen).
 */
export function runRuleTrial(input: RuleTrialInput): { rows: TrialRow[]; summary: TrialSummary } {
  const { rule } = input;
  const rules = [...input.otherRules.filter((other) => other.id !== rule.id), rule];
  const compiled = compileRules(rules);
  const names = new Map(rules.map((each) => [each.id, each.name]));
  const summary: TrialSummary = { orders: input.orders.length, matched: 0, getsIt: 0, heldOut: 0, skipped: {} };
  const rows = input.orders.map((order): TrialRow => {
    const explanation = explainMatch(rule, order);
    const evaluation = evaluateRules({ ...input, order, rules: compiled, now: order.createdAt });
    const applied = [...evaluation.assignments, ...evaluation.holdouts].map((entry) => entry.ruleId);
    const skip = evaluation.skipped.find((entry) => entry.ruleId === rule.id);
    let outcome: TrialOutcome;
    if (evaluation.assignments.some((entry) => entry.ruleId === rule.id)) outcome = { kind: "gets-it" };
    else if (evaluation.holdouts.some((entry) => entry.ruleId === rule.id)) outcome = { kind: "held-out" };
    else {
      const reason = skip?.reason ?? "no-match";
      const stopper = reason === "stopped" ? compiled.rules.find((each) => each.rule.stopAfter && applied.includes(each.rule.id)) : undefined;
      outcome = { kind: "skipped", reason, ...(stopper ? { stoppedBy: stopper.rule.name } : {}) };
    }
    if (explanation.matched) {
      summary.matched += 1;
      if (outcome.kind === "gets-it") summary.getsIt += 1;
      else if (outcome.kind === "held-out") summary.heldOut += 1;
      else summary.skipped[outcome.reason] = (summary.skipped[outcome.reason] ?? 0) + 1;
    }
    return {
      orderGid: order.orderGid,
      name: order.name,
      createdAt: order.createdAt,
      ...explanation,
      outcome,
      alongside: evaluation.assignments.filter((entry) => entry.ruleId !== rule.id).map((entry) => names.get(entry.ruleId) ?? entry.ruleId),
      warnings: evaluation.warnings,
      facts: [...(input.factNotes?.get(order.orderGid) ?? [])],
    };
  });
  return { rows, summary };
}
