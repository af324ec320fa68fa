import type { Rule } from "./rule-model";

/**
 * Where a rule stands for the merchant: `archived` (put away), `paused` (switched off), `scheduled` (its
 * start lies ahead), `ended` (its end has passed) or `active` (it runs for orders created now).
 */
export type RuleStatus = "active" | "paused" | "scheduled" | "ended" | "archived";

/** The rule's status at `nowMs`; the window is [startsAt, endsAt) as in `evaluateRules`. */
export function describeRuleStatus(rule: Pick<Rule, "active" | "startsAt" | "endsAt">, isArchived: boolean, nowMs: number): RuleStatus {
  if (isArchived) return "archived";
  if (!rule.active) return "paused";
  if (rule.startsAt && nowMs < Date.parse(rule.startsAt)) return "scheduled";
  if (rule.endsAt && nowMs >= Date.parse(rule.endsAt)) return "ended";
  return "active";
}
