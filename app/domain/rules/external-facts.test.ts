import { describe, expect, it } from "vitest";
import { compileRules } from "./compile-rules";
import { evaluateRules } from "./evaluate-rules";
import { applyResolvedFacts, describeResolvedFacts, findNeededFacts, needsAnyFact, type ResolvedFacts } from "./external-facts";
import type { Condition, ConditionGroup } from "./rule-model";
import { makeOrder, makeRule } from "./test-fixtures";

const group = (...items: (Condition | ConditionGroup)[]): ConditionGroup => ({ op: "and", items });

describe("findNeededFacts", () => {
  it.each<[string, ConditionGroup, ReturnType<typeof findNeededFacts>]>([
    ["no conditions", group(), { orderCount: false, customerTags: false, productTypes: false }],
    [
      "order tags, SKU and vendor need nothing",
      group({ kind: "order-tags", op: "any", tags: ["vip"] }, { kind: "line-item", field: "vendor", values: ["Acme"] }),
      { orderCount: false, customerTags: false, productTypes: false },
    ],
    ["first order", group({ kind: "first-order" }), { orderCount: true, customerTags: false, productTypes: false }],
    [
      "order count, nested two levels down",
      group({ op: "or", items: [group({ kind: "order-count", op: "gte", count: 3 })] }),
      { orderCount: true, customerTags: false, productTypes: false },
    ],
    ["customer tags", group({ kind: "customer-tags", op: "none", tags: ["wholesale"] }), { orderCount: false, customerTags: true, productTypes: false }],
    [
      "product type",
      group({ op: "or", items: [{ kind: "line-item", field: "productType", values: ["Soap"] }] }),
      { orderCount: false, customerTags: false, productTypes: true },
    ],
  ])("%s", (_title, conditions, needed) => {
    expect(findNeededFacts([makeRule({ id: "r", conditions })])).toEqual(needed);
    expect(needsAnyFact(needed)).toBe(Object.values(needed).some(Boolean));
  });

  it("adds up over all rules", () => {
    const rules = [
      makeRule({ id: "a", conditions: group({ kind: "first-order" }) }),
      makeRule({ id: "b", conditions: group({ kind: "customer-tags", op: "any", tags: ["x"] }) }),
    ];
    expect(findNeededFacts(rules)).toEqual({ orderCount: true, customerTags: true, productTypes: false });
  });
});

describe("rules evaluated with resolved facts", () => {
  const rules = compileRules([
    makeRule({ id: "welcome", priority: 1, conditions: group({ kind: "first-order" }) }),
    makeRule({ id: "loyal", priority: 2, conditions: group({ kind: "order-count", op: "gte", count: 5 }) }),
    makeRule({ id: "vip", priority: 3, conditions: group({ kind: "customer-tags", op: "any", tags: ["vip"] }) }),
    makeRule({ id: "not-wholesale", priority: 4, conditions: group({ kind: "customer-tags", op: "none", tags: ["wholesale"] }) }),
    makeRule({ id: "soap", priority: 5, conditions: group({ kind: "line-item", field: "productType", values: ["soap"] }) }),
  ]);
  const unknown = applyResolvedFacts(makeOrder(), {}); // what the order record alone knows
  const applied = (facts: ResolvedFacts) =>
    evaluateRules({
      order: applyResolvedFacts(unknown, facts),
      rules,
      now: "2026-11-20T10:00:00Z",
      maxInsertsPerParcel: 10,
      stockLeft: {},
      holdoutSalt: "s",
    }).assignments.map((assignment) => assignment.ruleId);

  it.each<[string, ResolvedFacts, string[]]>([
    ["nothing resolved: no fact-dependent rule matches", {}, []],
    [
      "Shopify's count and tags",
      { orderCount: { value: 7, origin: "shopify" }, customerTags: { value: ["VIP"], origin: "shopify" } },
      ["loyal", "vip", "not-wholesale"],
    ],
    ["Kept's history says first order", { orderCount: { value: 1, origin: "kept-history" }, customerTags: { value: null, origin: "unknown" } }, ["welcome"]],
    ["a guest: no count, no tags", { orderCount: { value: null, origin: "guest" }, customerTags: { value: [], origin: "guest" } }, ["not-wholesale"]],
    ["product types by product GID", { productTypes: { value: { "gid://shopify/Product/1": "Soap" }, origin: "shopify" } }, ["soap"]],
    ["another product's type", { productTypes: { value: { "gid://shopify/Product/2": "Soap" }, origin: "shopify" } }, []],
  ])("%s", (_title, facts, expected) => {
    expect(applied(facts)).toEqual(expected);
  });

  it("takes away what the record does not know, whatever the order carried", () => {
    expect(unknown).toMatchObject({ customerOrdersCount: null, customerTags: null });
    expect(unknown.lines.map((line) => line.productType)).toEqual([null]);
  });
});

describe("describeResolvedFacts", () => {
  it.each<[string, ResolvedFacts, string[]]>([
    ["nothing needed", {}, []],
    [
      "from Shopify",
      {
        orderCount: { value: 3, origin: "shopify" },
        customerTags: { value: ["vip", "newsletter"], origin: "shopify" },
        productTypes: { value: { a: "Soap", b: "Soap", c: "Candle" }, origin: "shopify" },
      },
      ["Order count: #3 (Shopify)", "Customer tags: vip, newsletter (Shopify)", "Product types: Soap, Candle (Shopify)"],
    ],
    [
      "Admin API unreachable",
      {
        orderCount: { value: 1, origin: "kept-history" },
        customerTags: { value: null, origin: "unknown" },
        productTypes: { value: null, origin: "unknown" },
        fallbackReason: "Admin API unreachable",
      },
      [
        "Order count: #1 (Kept's history since install, Admin API unreachable)",
        "Customer tags: not known (Admin API unreachable); customer-tag conditions do not match",
        "Product types: not known (Admin API unreachable); product-type conditions do not match",
      ],
    ],
    [
      "a guest",
      { orderCount: { value: null, origin: "guest" }, customerTags: { value: [], origin: "guest" } },
      ["Order count: none (guest checkout)", "Customer tags: none (guest checkout)"],
    ],
  ])("%s", (_title, facts, lines) => {
    expect(describeResolvedFacts(facts)).toEqual(lines);
  });
});
