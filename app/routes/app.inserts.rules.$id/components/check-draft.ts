import { lintRuleChange } from "~/domain/rules/lint-rule-change";
import type { RuleLintIssue } from "~/domain/rules/lint-rules";
import type { Rule } from "~/domain/rules/rule-model";
import { parseRule } from "~/schemas/inserts/insert-rule";
import type { FieldError } from "~/utils/form-json";

/**
 * The checks the server runs on save, run in the browser as the merchant edits: zod field errors by path,
 * then (for a valid rule) the lint against the shop's other rules. `json` is what would be submitted.
 */
export function checkDraft(json: string, otherRules: readonly Rule[]): { errors: FieldError[]; issues: RuleLintIssue[] } {
  const parsed = parseRule(JSON.parse(json));
  if (!parsed.ok) return { errors: parsed.errors, issues: [] };
  return { errors: [], issues: lintRuleChange(otherRules, parsed.rule) };
}

const FIELD_NAMES: Record<string, string> = {
  name: "Name",
  priority: "Priority",
  startsAt: "Starts",
  endsAt: "Ends",
  holdoutPercent: "Holdout",
  conditions: "Conditions",
  "actions.insertTemplateId": "Printed insert",
  "actions.physicalItem.label": "Item",
  "actions.physicalItem.stock": "Stock",
  "actions.discount.value": "Discount value",
  "actions.discount.expiresInDays": "Valid for",
  "actions.discount.prefix": "Code prefix",
};

/** Where a field error sits, in the editor's words: "Condition 2.1", "Stock", "Name". */
export function describeField(path: string): string {
  const nested = /^conditions((?:\.items\.\d+)+)/.exec(path);
  if (nested) return `Condition ${[...nested[1].matchAll(/\d+/g)].map((match) => Number(match[0]) + 1).join(".")}`;
  return FIELD_NAMES[path] ?? path;
}
