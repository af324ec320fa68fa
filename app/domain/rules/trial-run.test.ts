import { describe, expect, it } from "vitest";
import type { Rule } from "./rule-model";
import { makeOrder, makeRule } from "./test-fixtures";
import { runRuleTrial, type RuleTrialInput } from "./trial-run";

const firstOrder = { op: "and", items: [{ kind: "first-order" }] } as const satisfies Rule["conditions"];
const orders = [
  makeOrder({ orderGid: "gid://shopify/Order/1", name: "#1", customerOrdersCount: 1 }),
  makeOrder({ orderGid: "gid://shopify/Order/2", name: "#2", customerOrdersCount: 4 }),
  makeOrder({ orderGid: "gid://shopify/Order/3", name: "#3", customerOrdersCount: 1, createdAt: "2026-12-24T10:00:00Z" }),
];

function trial(rule: Rule, overrides: Partial<RuleTrialInput> = {}) {
  return runRuleTrial({ rule, otherRules: [], orders, maxInsertsPerParcel: 3, holdoutSalt: "salt", stockLeft: {}, ...overrides });
}

describe("runRuleTrial", () => {
  it("says per order whether the conditions match, why and why not", () => {
    const { rows, summary } = trial(makeRule({ id: "welcome", conditions: firstOrder }));
    expect(rows.map((row) => [row.name, row.matched, row.reasons, row.failed, row.outcome.kind])).toEqual([
      ["#1", true, ["first order"], [], "gets-it"],
      ["#2", false, [], ["order #4, not the first"], "skipped"],
      ["#3", true, ["first order"], [], "gets-it"],
    ]);
    expect(summary).toEqual({ orders: 3, matched: 2, getsIt: 2, heldOut: 0, skipped: {} });
  });

  it("checks the active window against each order's creation instant", () => {
    const rule = makeRule({ id: "xmas", conditions: firstOrder, startsAt: "2026-12-20T00:00:00Z" });
    expect(trial(rule).rows.map((row) => row.outcome)).toEqual([
      { kind: "skipped", reason: "outside-window" },
      { kind: "skipped", reason: "outside-window" }, // the window is checked before the conditions
      { kind: "gets-it" },
    ]);
  });

  it("shows what the other rules do to it: stopped by name, parcel full, out of stock, and what goes alongside", () => {
    const rule = makeRule({ id: "sample", priority: 20, conditions: firstOrder, actions: { physicalItem: { label: "Soap sample", stock: 5 } } });
    const stopper = makeRule({
      id: "vip",
      name: "VIP box",
      priority: 10,
      stopAfter: true,
      conditions: { op: "and", items: [{ kind: "order-count", op: "gte", count: 1 }] },
    });
    expect(trial(rule, { otherRules: [stopper] }).rows[0].outcome).toEqual({ kind: "skipped", reason: "stopped", stoppedBy: "VIP box" });

    const card = makeRule({ id: "card", name: "Thank-you card", priority: 10 });
    const full = trial(rule, { otherRules: [card], maxInsertsPerParcel: 1 });
    expect(full.rows[0].outcome).toEqual({ kind: "skipped", reason: "parcel-full" });
    expect(full.rows[0].alongside).toEqual(["Thank-you card"]);

    expect(full.summary).toEqual({ orders: 3, matched: 2, getsIt: 0, heldOut: 0, skipped: { "parcel-full": 2 } });

    const empty = trial(rule, { stockLeft: { sample: 0 } });
    expect(empty.rows[0].outcome).toEqual({ kind: "skipped", reason: "out-of-stock" });
    expect(empty.rows[0].warnings[0]).toContain('"Soap sample" is out of stock');
  });

  it("uses the edited rule instead of its saved version, and reports held-out orders", () => {
    const saved = makeRule({ id: "welcome", conditions: { op: "and", items: [{ kind: "order-count", op: "gte", count: 99 }] } });
    const edited = makeRule({ id: "welcome", holdoutPercent: 50, conditions: firstOrder });
    const { rows, summary } = trial(edited, { otherRules: [saved] });
    expect(summary.matched).toBe(2);
    expect(summary.getsIt + summary.heldOut).toBe(2);
    expect(rows.every((row) => row.alongside.length === 0)).toBe(true);
  });
});
