import { describe, expect, it } from "vitest";
import { lintRules } from "./lint-rules";
import type { Condition, ConditionGroup } from "./rule-model";
import { makeRule } from "./test-fixtures";

const firstOrder: Condition = { kind: "first-order" };
const vip: Condition = { kind: "customer-tags", op: "any", tags: ["vip"] };

describe("lintRules", () => {
  it("accepts a sensible rule", () => {
    expect(lintRules([makeRule({ id: "a", conditions: { op: "and", items: [firstOrder] } })])).toEqual([]);
  });

  it("flags a rule shadowed by an earlier catch-all stopAfter rule", () => {
    const issues = lintRules([
      makeRule({ id: "all", name: "Everyone", priority: 1, stopAfter: true, conditions: { op: "and", items: [firstOrder] } }),
      makeRule({ id: "catch", name: "Catch-all", priority: 0, stopAfter: true, conditions: { op: "or", items: [] } }),
      makeRule({ id: "late", priority: 5, conditions: { op: "and", items: [vip] } }),
    ]).filter((issue) => issue.message.startsWith("This rule never applies"));
    expect(issues.map((issue) => issue.ruleId)).toEqual(["all", "late"]);
    expect(issues[0]).toEqual({
      level: "warning",
      ruleId: "all",
      message: 'This rule never applies: "Catch-all" runs first, matches every order this one would, and stops after itself.',
    });
  });

  it("flags a rule whose conditions only add to an earlier stopAfter rule's conditions", () => {
    const issues = lintRules([
      makeRule({ id: "first", priority: 1, stopAfter: true, conditions: { op: "and", items: [firstOrder] } }),
      makeRule({ id: "first-vip", priority: 2, conditions: { op: "and", items: [vip, { kind: "first-order" }] } }),
      makeRule({ id: "vip", priority: 3, conditions: { op: "and", items: [vip] } }),
    ]);
    expect(issues.map((issue) => issue.ruleId)).toEqual(["first-vip"]);
  });

  it("does not flag when the earlier rule is scheduled, stock-limited or without stopAfter", () => {
    const late = makeRule({ id: "late", priority: 9 });
    const earlier = [
      makeRule({ id: "a", priority: 1, stopAfter: true, endsAt: "2026-12-31T00:00:00Z", conditions: { op: "and", items: [firstOrder] } }),
      makeRule({
        id: "b",
        priority: 2,
        stopAfter: true,
        conditions: { op: "and", items: [firstOrder] },
        actions: { physicalItem: { label: "Card", stock: 40 } },
      }),
      makeRule({ id: "c", priority: 3, conditions: { op: "and", items: [firstOrder] } }),
    ];
    expect(lintRules([...earlier, late]).filter((issue) => issue.ruleId === "late")).toEqual([
      { level: "warning", ruleId: "late", message: "This rule has no conditions, so it applies to every order." },
    ]);
  });

  it.each<[string, Parameters<typeof makeRule>[0], "error" | "warning", string]>([
    ["empty conditions", { id: "r" }, "warning", "This rule has no conditions, so it applies to every order."],
    [
      "empty nested group",
      { id: "r", conditions: { op: "and", items: [firstOrder, { op: "or", items: [] }] } },
      "warning",
      "A condition group is empty; it matches every order.",
    ],
    [
      "zero stock",
      { id: "r", conditions: { op: "and", items: [firstOrder] }, actions: { physicalItem: { label: "Seed packet", stock: 0 } } },
      "warning",
      'Insert "Seed packet" has 0 in stock: the rule is skipped until you restock.',
    ],
    [
      "reversed window",
      { id: "r", conditions: { op: "and", items: [firstOrder] }, startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-11-01T00:00:00Z" },
      "error",
      "The end date is not after the start date, so the rule never runs.",
    ],
    [
      "reversed total range",
      { id: "r", conditions: { op: "and", items: [{ kind: "order-total", op: "between", min: "100.00", max: "99.99", currency: "EUR" }] } },
      "error",
      "Order total range is reversed: minimum 100.00 is above maximum 99.99.",
    ],
    [
      "missing currency",
      { id: "r", conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "50" }] } },
      "error",
      "The order total condition needs a currency, e.g. EUR.",
    ],
    [
      "bad amount",
      { id: "r", conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "50,00", currency: "EUR" }] } },
      "error",
      'Order total "50,00" is not an amount like 49.90.',
    ],
    ["holdout too large", { id: "r", conditions: { op: "and", items: [firstOrder] }, holdoutPercent: 60 }, "error", "Holdout must be between 0 and 50 %."],
    [
      "no action",
      { id: "r", conditions: { op: "and", items: [firstOrder] }, actions: {} },
      "warning",
      "This rule does nothing: add an insert, an item or a code.",
    ],
  ])("%s", (_title, rule, level, message) => {
    expect(lintRules([makeRule(rule)])).toEqual([{ level, ruleId: "r", message }]);
  });

  it("rejects nesting deeper than four levels", () => {
    const wrap = (group: ConditionGroup): ConditionGroup => ({ op: "and", items: [group] });
    const five = wrap(wrap(wrap(wrap({ op: "and", items: [firstOrder] }))));
    expect(lintRules([makeRule({ id: "r", conditions: five })])).toContainEqual({
      level: "error",
      ruleId: "r",
      message: "Conditions are nested 5 levels deep; at most 4 are allowed.",
    });
  });
});
