import type { MatchExplanation } from "./compiled-check";
import { compileRules } from "./compile-rules";
import { PreparedOrder } from "./prepared-order";
import type { Rule } from "./rule-model";
import type { RuleOrder } from "./rule-order";

/**
 * Whether the rule's conditions match this order, and why, for "test this rule against my last 100 orders".
 * Looks at conditions only: activity, schedule, stock, holdout and parcel limits are not considered here.
 * `failed` lists every unmet condition (for an `or` group: all of its alternatives), plus rule problems.
 */
export function explainMatch(rule: Rule, order: RuleOrder): MatchExplanation {
  const [compiled] = compileRules([rule]).rules;
  const explanation = compiled.check.explain(new PreparedOrder(order));
  if (explanation.matched || compiled.problems.length === 0) return explanation;
  const extra = compiled.problems.filter((problem) => !explanation.failed.includes(problem));
  return { ...explanation, failed: [...explanation.failed, ...extra] };
}
