import { describe, expect, it } from "vitest";
import { compileRules } from "../rules/compile-rules";
import type { Rule } from "../rules/rule-model";
import { makeOrder, makeRule } from "../rules/test-fixtures";
import { decideInserts, noParcelReason, type ChooseCode, type OrderFacts, type ShopInsertContext } from "./decide-inserts";

function contextFor(rules: Rule[], templates: Record<string, string> = { "thank-you": "Thank-you card" }): ShopInsertContext {
  return {
    compiled: compileRules(rules),
    rulesById: new Map(rules.map((rule) => [rule.id, rule])),
    templates: new Map(Object.entries(templates).map(([id, name]) => [id, { version: 3, name }])),
    maxInsertsPerParcel: 3,
    holdoutSalt: "salt",
    problems: [],
  };
}

const facts = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  ruleOrder: makeOrder(),
  createdAt: new Date("2026-11-20T10:00:00Z"),
  cancelled: false,
  firstName: "Anna",
  ...overrides,
});

/** A code chooser that records what it was asked for. */
function recordingChooser(): ChooseCode & { calls: { prefix?: string; firstName: string | null }[] } {
  const calls: { prefix?: string; firstName: string | null }[] = [];
  return Object.assign(
    (args: { prefix?: string; firstName: string | null }) => {
      calls.push(args);
      return `${args.prefix ?? args.firstName ?? "X"}-CODE${calls.length}`;
    },
    { calls },
  );
}

describe("decideInserts", () => {
  it("turns a matching card rule into an assignment with the template's version and a packing plan naming it", () => {
    const decision = decideInserts(contextFor([makeRule({ id: "r1" })]), facts(), {}, recordingChooser());
    expect(decision.assignments).toEqual([
      expect.objectContaining({ ruleId: "r1", ruleVersion: 1, holdout: false, templateId: "thank-you", templateVersion: 3, discountCode: null }),
    ]);
    expect(decision.packingPlan).toContain("Thank-you card");
    expect(decision.ruleVersions).toEqual({ r1: 1 });
  });

  it("asks the injected chooser for a personal code with the rule's prefix and the first name, and dates its expiry from the order", () => {
    const chooser = recordingChooser();
    const rule = makeRule({ id: "r1", actions: { discount: { kind: "percentage", value: "10", expiresInDays: 30, prefix: "VIP" } } });
    const decision = decideInserts(contextFor([rule]), facts(), {}, chooser);
    expect(chooser.calls).toEqual([{ prefix: "VIP", firstName: "Anna" }]);
    expect(decision.assignments[0]).toMatchObject({
      discountCode: "VIP-CODE1",
      discountStatus: "pending",
      discountExpiresAt: new Date("2026-12-20T10:00:00Z"),
    });
  });

  it("counts down stock only for an item with a finite stock", () => {
    const counted = makeRule({ id: "counted", actions: { physicalItem: { label: "Sample", stock: 5 } } });
    const endless = makeRule({ id: "endless", actions: { physicalItem: { label: "Sticker", stock: null } } });
    const decision = decideInserts(contextFor([counted, endless]), facts(), { counted: 5, endless: null }, recordingChooser());
    expect(decision.stockTakes).toEqual([{ ruleId: "counted", label: "Sample" }]);
  });

  it("warns, and prints nothing, when a rule names a template that is gone", () => {
    const decision = decideInserts(contextFor([makeRule({ id: "r1", actions: { insertTemplateId: "gone" } })]), facts(), {}, recordingChooser());
    expect(decision.assignments[0]).toMatchObject({ templateId: null, templateVersion: null });
    expect(decision.warnings.join(" ")).toContain('template "gone" does not exist');
  });

  it("decides nothing for a cancelled order or a POS sale without a shipping address, and says why", () => {
    const chooser = recordingChooser();
    const context = contextFor([makeRule({ id: "r1" })]);
    expect(decideInserts(context, facts({ cancelled: true }), {}, chooser).skipped).toEqual([{ ruleId: null, reason: "order-cancelled" }]);
    const counter = facts({ ruleOrder: makeOrder({ sourceName: "pos", shipCountry: null }) });
    expect(noParcelReason(counter)).toBe("pos-no-parcel");
    expect(decideInserts(context, counter, {}, chooser).assignments).toEqual([]);
    expect(chooser.calls).toEqual([]);
  });
});
