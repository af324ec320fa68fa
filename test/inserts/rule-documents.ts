import type { Rule } from "~/domain/rules/rule-model";

/** A valid rule document as the editor submits it, overridden per test. */
export function ruleDocument(overrides: Partial<Rule> & { id: string }): Rule {
  return {
    version: 1,
    name: `Rule ${overrides.id}`,
    priority: 10,
    active: true,
    stopAfter: false,
    holdoutPercent: 0,
    conditions: { op: "and", items: [{ kind: "first-order" }] },
    actions: {},
    ...overrides,
  };
}

export const withItem = (id: string, stock: number | null, overrides: Partial<Rule> = {}): Rule =>
  ruleDocument({ id, actions: { physicalItem: { label: "Soap sample", stock } }, ...overrides });
