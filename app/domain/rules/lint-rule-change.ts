import { lintRules, type RuleLintIssue } from "./lint-rules";
import type { Rule } from "./rule-model";

const keyOf = (issue: RuleLintIssue) => `${issue.level}\u0000${issue.ruleId}\u0000${issue.message}`;

/**
 * What the merchant should hear about saving `candidate` among the shop's other rules: every issue of the
 * candidate itself, plus the issues it newly causes in other rules (e.g. "never applies", because the
 * candidate now stops every order they would match). Issues the other rules had before are left out.
 */
export function lintRuleChange(otherRules: readonly Rule[], candidate: Rule): RuleLintIssue[] {
  const others = otherRules.filter((rule) => rule.id !== candidate.id);
  const before = new Set(lintRules(others).map(keyOf));
  return lintRules([...others, candidate]).filter((issue) => issue.ruleId === candidate.id || !before.has(keyOf(issue)));
}
