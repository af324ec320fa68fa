import { describe, expect, it } from "vitest";
import { makeRule } from "~/domain/rules/test-fixtures";
import { checkDraft, describeField } from "./check-draft";

describe("the rule editor's checks before saving", () => {
  it("gives zod errors by path for what would be submitted, and lints only a valid rule", () => {
    const draft = { ...makeRule({ id: "r" }), name: "", priority: "ten" as unknown as number };
    expect(checkDraft(JSON.stringify(draft), [])).toEqual({
      errors: [
        { path: "name", message: "Name must not be empty" },
        { path: "priority", message: "Priority must be a number" },
      ],
      issues: [],
    });
    const stopper = makeRule({ id: "first", name: "Everyone", priority: 1, stopAfter: true });
    expect(checkDraft(JSON.stringify(makeRule({ id: "r", priority: 5 })), [stopper]).issues.map((issue) => issue.message)).toEqual([
      "This rule has no conditions, so it applies to every order.",
      'This rule never applies: "Everyone" runs first, matches every order this one would, and stops after itself.',
    ]);
  });

  it.each([
    ["conditions.items.1.items.0.amount", "Condition 2.1"],
    ["conditions.items.0.values.2", "Condition 1"],
    ["actions.physicalItem.stock", "Stock"],
    ["name", "Name"],
    ["something.else", "something.else"],
  ])("names %s as %s", (path, expected) => {
    expect(describeField(path)).toBe(expected);
  });
});
