import type { Rule } from "~/domain/rules/rule-model";
import { makeRule } from "~/domain/rules/test-fixtures";

/** A valid rule document as the editor submits it (first orders, no actions yet), overridden per test. */
export const ruleDocument = (overrides: Partial<Rule> & { id: string }): Rule =>
  makeRule({ conditions: { op: "and", items: [{ kind: "first-order" }] }, actions: {}, ...overrides });

export const withItem = (id: string, stock: number | null, overrides: Partial<Rule> = {}): Rule =>
  ruleDocument({ id, actions: { physicalItem: { label: "Soap sample", stock } }, ...overrides });
