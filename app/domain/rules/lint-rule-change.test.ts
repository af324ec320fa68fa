import { describe, expect, it } from "vitest";
import { lintRuleChange } from "./lint-rule-change";
import type { ConditionGroup } from "./rule-model";
import { makeRule } from "./test-fixtures";

const vipOnly: ConditionGroup = { op: "and", items: [{ kind: "customer-tags", op: "any", tags: ["vip"] }] };

describe("lintRuleChange", () => {
  it("reports the candidate's own issues and the ones it newly causes in other rules, not old ones", () => {
    const oldNoise = makeRule({ id: "old", priority: 50, actions: {} }); // "does nothing" before and after
    const vip = makeRule({ id: "vip", name: "VIP note", priority: 20, conditions: vipOnly });
    const catchAll = makeRule({ id: "all", name: "Everyone", priority: 10, stopAfter: true, actions: { physicalItem: { label: "Sticker", stock: 0 } } });
    const issues = lintRuleChange([oldNoise, vip], catchAll);
    // A stopper with 0 in stock can run out, so it does not make "VIP note" unreachable.
    expect(issues.map((issue) => [issue.ruleId, issue.message])).toEqual([
      ["all", "This rule has no conditions, so it applies to every order."],
      ["all", 'Insert "Sticker" has 0 in stock: the rule is skipped until you restock.'],
    ]);
  });

  it("warns that a later rule becomes unreachable behind an unconditional stopper", () => {
    const vip = makeRule({ id: "vip", name: "VIP note", priority: 20, conditions: vipOnly });
    const catchAll = makeRule({ id: "all", name: "Everyone", priority: 10, stopAfter: true });
    const issues = lintRuleChange([vip], catchAll);
    expect(issues).toContainEqual({
      level: "warning",
      ruleId: "vip",
      message: 'This rule never applies: "Everyone" runs first, matches every order this one would, and stops after itself.',
    });
  });

  it("ignores the candidate's saved version among the other rules", () => {
    const saved = makeRule({ id: "a", stopAfter: true, priority: 1 });
    const edited = makeRule({ id: "a", priority: 1, conditions: vipOnly });
    expect(lintRuleChange([saved], edited)).toEqual([]);
  });
});
