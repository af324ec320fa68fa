import { describe, expect, it } from "vitest";
import { compileRules } from "./compile-rules";
import { evaluateRules, type EvaluateRulesInput } from "./evaluate-rules";
import { hashFnv1a32, isInHoldout } from "./holdout";
import type { Rule } from "./rule-model";
import { makeOrder, makeRule } from "./test-fixtures";

const NOW = "2026-11-23T12:00:00Z";
const firstOrderOnly = { op: "and", items: [{ kind: "first-order" }] } as const satisfies Rule["conditions"];

function run(rules: Rule[], overrides: Partial<EvaluateRulesInput> = {}) {
  return evaluateRules({
    order: makeOrder(),
    rules: compileRules(rules),
    now: NOW,
    maxInsertsPerParcel: 3,
    stockLeft: {},
    holdoutSalt: "salt",
    ...overrides,
  });
}

describe("evaluateRules", () => {
  it("runs rules by priority, then id, and explains each assignment", () => {
    const result = run([
      makeRule({ id: "b", priority: 5 }),
      makeRule({ id: "a", priority: 5, conditions: firstOrderOnly }),
      makeRule({ id: "z", priority: 1 }),
    ]);
    expect(result.assignments).toEqual([
      { ruleId: "z", ruleVersion: 1, reasons: ["applies to every order"] },
      { ruleId: "a", ruleVersion: 1, reasons: ["first order"] },
      { ruleId: "b", ruleVersion: 1, reasons: ["applies to every order"] },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it("skips inactive rules, rules outside their window and non-matching rules", () => {
    const result = run([
      makeRule({ id: "off", active: false }),
      makeRule({ id: "future", startsAt: "2026-11-23T12:00:01Z" }),
      makeRule({ id: "ended", endsAt: NOW }),
      makeRule({ id: "live", startsAt: NOW, endsAt: "2026-12-01T00:00:00Z" }),
      makeRule({ id: "repeat", conditions: { op: "and", items: [{ kind: "order-count", op: "gte", count: 2 }] } }),
    ]);
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["live"]);
    expect(result.skipped).toEqual([
      { ruleId: "ended", reason: "outside-window" },
      { ruleId: "future", reason: "outside-window" },
      { ruleId: "off", reason: "inactive" },
      { ruleId: "repeat", reason: "no-match" },
    ]);
  });

  it("falls through to the next matching rule when an insert is out of stock, with a warning", () => {
    const card = (id: string, priority: number, stock: number | null): Rule =>
      makeRule({ id, priority, stopAfter: true, actions: { physicalItem: { label: `Card ${id}`, stock } } });
    const result = run([card("gold", 1, 5), card("silver", 2, null)], { stockLeft: { gold: 0 } });
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["silver"]);
    expect(result.skipped).toEqual([{ ruleId: "gold", reason: "out-of-stock" }]);
    expect(result.warnings).toEqual(['Rule "Rule gold": insert "Card gold" is out of stock, so the next matching rule was used.']);
  });

  it("uses the rule's own stock when the caller passes none, and null stock means unlimited", () => {
    const result = run(
      [
        makeRule({ id: "empty", actions: { physicalItem: { label: "A", stock: 0 } } }),
        makeRule({ id: "unlimited", actions: { physicalItem: { label: "B", stock: 0 } } }),
      ],
      { stockLeft: { unlimited: null } },
    );
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["unlimited"]);
    expect(result.skipped).toEqual([{ ruleId: "empty", reason: "out-of-stock" }]);
  });

  it("stops after a stopAfter rule applies", () => {
    const result = run([makeRule({ id: "a", priority: 1, stopAfter: true }), makeRule({ id: "b", priority: 2 })]);
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["a"]);
    expect(result.skipped).toEqual([{ ruleId: "b", reason: "stopped" }]);
  });

  it("a stopAfter rule that does not match does not stop", () => {
    const result = run([makeRule({ id: "a", priority: 1, stopAfter: true, conditions: firstOrderOnly })], {
      order: makeOrder({ customerOrdersCount: 2 }),
    });
    expect(result.skipped).toEqual([{ ruleId: "a", reason: "no-match" }]);
  });

  it("caps the parcel at maxInsertsPerParcel", () => {
    const rules = ["a", "b", "c"].map((id) => makeRule({ id }));
    const result = run(rules, { maxInsertsPerParcel: 2 });
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["a", "b"]);
    expect(result.skipped).toEqual([{ ruleId: "c", reason: "parcel-full" }]);
  });

  it("a held-out order gets nothing from the rule but still uses the slot and stops like a treated one", () => {
    const result = run([makeRule({ id: "a", priority: 1, stopAfter: true, holdoutPercent: 50 }), makeRule({ id: "b", priority: 2 })], {
      holdoutSalt: findSaltHolding("a", makeOrder().orderGid, 50),
    });
    expect(result.holdouts).toEqual([{ ruleId: "a", ruleVersion: 1 }]);
    expect(result.assignments).toEqual([]);
    expect(result.skipped).toEqual([{ ruleId: "b", reason: "stopped" }]);
  });

  it("accepts raw rules too (compiling them on the spot)", () => {
    const result = evaluateRules({ order: makeOrder(), rules: [makeRule({ id: "a" })], now: NOW, maxInsertsPerParcel: 1, stockLeft: {}, holdoutSalt: "" });
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["a"]);
  });

  it("warns about broken rules instead of throwing, and still serves the order", () => {
    const noCurrency = makeRule({ id: "x", priority: 1, conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "10" }] } });
    const badDate = makeRule({ id: "y", priority: 2, startsAt: "next monday" });
    const result = run([noCurrency, badDate, makeRule({ id: "z", priority: 3 })]);
    expect(result.warnings).toEqual([
      'Rule "Rule x" is broken: order total condition has no currency.',
      'Rule "Rule y" is broken: start "next monday" is not a date and time.',
    ]);
    expect(result.skipped).toEqual([
      { ruleId: "x", reason: "no-match" },
      { ruleId: "y", reason: "outside-window" },
    ]);
    expect(result.assignments.map((a) => a.ruleId)).toEqual(["z"]);
  });
});

/** Finds a salt under which the order is held out, so the test does not depend on one magic hash value. */
function findSaltHolding(ruleId: string, orderGid: string, holdoutPercent: number): string {
  for (let i = 0; ; i++) {
    if (isInHoldout({ holdoutSalt: `s${i}`, ruleId, orderGid, holdoutPercent })) return `s${i}`;
  }
}

describe("holdout", () => {
  it("FNV-1a 32 matches the published test vectors", () => {
    expect(hashFnv1a32("")).toBe(0x811c9dc5);
    expect(hashFnv1a32("a")).toBe(0xe40c292c);
    expect(hashFnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("is deterministic and holds out close to the requested share", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `gid://shopify/Order/${i}`);
    const held = ids.filter((orderGid) => isInHoldout({ holdoutSalt: "shop-1", ruleId: "r1", orderGid, holdoutPercent: 10 }));
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
    const again = ids.filter((orderGid) => isInHoldout({ holdoutSalt: "shop-1", ruleId: "r1", orderGid, holdoutPercent: 10 }));
    expect(again).toEqual(held);
  });

  it("0 % never holds out", () => {
    expect(isInHoldout({ holdoutSalt: "s", ruleId: "r", orderGid: "o", holdoutPercent: 0 })).toBe(false);
  });
});
