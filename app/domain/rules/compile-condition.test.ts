import { describe, expect, it } from "vitest";
import type { Condition, ConditionGroup } from "./rule-model";
import type { RuleOrder } from "./rule-order";
import { explainMatch } from "./explain-rule";
import { interpretGroup } from "./interpret-conditions";
import { makeOrder, makeRule } from "./test-fixtures";

const only = (condition: Condition): ConditionGroup => ({ op: "and", items: [condition] });
const explain = (condition: Condition, order: Partial<RuleOrder> = {}) => explainMatch(makeRule({ id: "r", conditions: only(condition) }), makeOrder(order));

describe("single conditions", () => {
  it.each<[string, Condition, Partial<RuleOrder>, boolean, string]>([
    ["first order", { kind: "first-order" }, { customerOrdersCount: 1 }, true, "first order"],
    ["not first order", { kind: "first-order" }, { customerOrdersCount: 3 }, false, "order #3, not the first"],
    ["guest is not first order", { kind: "first-order" }, { customerOrdersCount: null }, false, "order count unknown"],
    ["3rd order eq 3", { kind: "order-count", op: "eq", count: 3 }, { customerOrdersCount: 3 }, true, "customer's order #3 (= 3)"],
    ["5th order gte 3", { kind: "order-count", op: "gte", count: 3 }, { customerOrdersCount: 5 }, true, "customer's order #5 (≥ 3)"],
    ["5th order lte 3", { kind: "order-count", op: "lte", count: 3 }, { customerOrdersCount: 5 }, false, "customer's order #5, rule needs ≤ 3"],
    ["total gte", { kind: "order-total", op: "gte", amount: "100.00", currency: "EUR" }, {}, true, "total 120.00 EUR ≥ 100.00"],
    ["total gte exact boundary", { kind: "order-total", op: "gte", amount: "120", currency: "EUR" }, {}, true, "total 120.00 EUR ≥ 120"],
    ["total one cent short", { kind: "order-total", op: "gte", amount: "120.01", currency: "EUR" }, {}, false, "total 120.00 EUR is not ≥ 120.01"],
    ["total lte", { kind: "order-total", op: "lte", amount: "119.999", currency: "EUR" }, {}, false, "total 120.00 EUR is not ≤ 119.999"],
    ["total between", { kind: "order-total", op: "between", min: "100", max: "120.00", currency: "eur" }, {}, true, "total 120.00 EUR between 100 and 120.00"],
    [
      "EUR rule vs SEK order",
      { kind: "order-total", op: "gte", amount: "1", currency: "EUR" },
      { currency: "SEK", totalPrice: "5000.00" },
      false,
      "order is in SEK, rule needs EUR",
    ],
    ["missing currency never matches", { kind: "order-total", op: "gte", amount: "1" }, {}, false, "order total condition has no currency"],
    ["SKU case-insensitive", { kind: "line-item", field: "sku", values: ["lav-01"] }, {}, true, "contains SKU LAV-01"],
    ["SKU absent", { kind: "line-item", field: "sku", values: ["ROSE-02"] }, {}, false, "no item with SKU ROSE-02"],
    ["product GID", { kind: "line-item", field: "product", values: ["gid://shopify/Product/1"] }, {}, true, "contains product gid://shopify/Product/1"],
    ["vendor", { kind: "line-item", field: "vendor", values: ["ACME SOAP"] }, {}, true, "contains vendor Acme Soap"],
    ["title glob", { kind: "line-item", field: "title", values: ["lavender*"] }, {}, true, 'contains item titled "Lavender Soap 100 g"'],
    ["title glob is anchored", { kind: "line-item", field: "title", values: ["soap*"] }, {}, false, "no item with item titled soap*"],
    [
      "title glob with regex chars",
      { kind: "line-item", field: "title", values: ["*(100 g)"] },
      { lines: [{ ...makeOrder().lines[0], title: "Soap (100 g)" }] },
      true,
      'contains item titled "Soap (100 g)"',
    ],
    ["order tag any", { kind: "order-tags", op: "any", tags: ["VIP", "gift"] }, { tags: ["vip"] }, true, 'order tagged "vip"'],
    [
      "order tag all missing one",
      { kind: "order-tags", op: "all", tags: ["vip", "gift"] },
      { tags: ["vip"] },
      false,
      'order is not tagged with all of "vip", "gift"',
    ],
    ["customer tag none", { kind: "customer-tags", op: "none", tags: ["wholesale"] }, { customerTags: ["vip"] }, true, 'customer has none of tags "wholesale"'],
    [
      "customer tag none violated",
      { kind: "customer-tags", op: "none", tags: ["wholesale"] },
      { customerTags: ["Wholesale"] },
      false,
      'customer is tagged with one of "wholesale"',
    ],
    ["unknown customer tags: any", { kind: "customer-tags", op: "any", tags: ["vip"] }, { customerTags: null }, false, "customer tags unknown"],
    ["unknown customer tags: none", { kind: "customer-tags", op: "none", tags: ["wholesale"] }, { customerTags: null }, false, "customer tags unknown"],
    ["product type", { kind: "line-item", field: "productType", values: ["soap"] }, {}, true, "contains product type Soap"],
    [
      "unknown product type",
      { kind: "line-item", field: "productType", values: ["Soap"] },
      { lines: [{ productGid: null, variantGid: null, sku: null, vendor: null, productType: null, title: "Soap", quantity: 1 }] },
      false,
      "no item with product type Soap",
    ],
    ["discount code", { kind: "discount-code", codes: ["welcome10"] }, { discountCodes: ["WELCOME10"] }, true, "used discount code WELCOME10"],
    ["ship country", { kind: "ship-to", zones: [{ country: "de" }, { country: "AT" }] }, {}, true, "ships to DE"],
    [
      "ship province",
      { kind: "ship-to", zones: [{ country: "US", provinces: ["CA"] }] },
      { shipCountry: "US", shipProvince: "NY" },
      false,
      "ships to US-NY, rule needs US (CA)",
    ],
    ["shipping method glob", { kind: "shipping-method", patterns: ["*express*"] }, { shippingMethod: "DHL Express" }, true, 'shipping method "DHL Express"'],
    ["online channel (null source)", { kind: "sales-channel", channels: ["online"] }, { sourceName: null }, true, "sold via online (web)"],
    ["pos channel", { kind: "sales-channel", channels: ["online"] }, { sourceName: "pos" }, false, "sold via pos (pos), rule needs online"],
    [
      "draft order is other",
      { kind: "sales-channel", channels: ["other"] },
      { sourceName: "shopify_draft_order" },
      true,
      "sold via other (shopify_draft_order)",
    ],
    ["locale prefix", { kind: "customer-locale", locales: ["de"] }, { customerLocale: "de-CH" }, true, "customer locale de-CH matches de"],
    ["locale region does not widen", { kind: "customer-locale", locales: ["de-CH"] }, { customerLocale: "de" }, false, "customer locale de, rule needs de-CH"],
    ["locale is not a bare prefix", { kind: "customer-locale", locales: ["d"] }, { customerLocale: "de" }, false, "customer locale de, rule needs d"],
  ])("%s", (_title, condition, order, matched, sentence) => {
    const result = explain(condition, order);
    expect(result.matched).toBe(matched);
    expect(matched ? result.reasons : result.failed).toEqual([sentence]);
  });
});

describe("condition groups", () => {
  const firstOrder: Condition = { kind: "first-order" };
  const bigTotal: Condition = { kind: "order-total", op: "gte", amount: "200", currency: "EUR" };

  it("an empty group matches every order", () => {
    expect(explainMatch(makeRule({ id: "r" }), makeOrder())).toEqual({ matched: true, reasons: ["applies to every order"], failed: [] });
  });

  it("'or' reports only the alternatives that held", () => {
    const rule = makeRule({ id: "r", conditions: { op: "or", items: [bigTotal, firstOrder] } });
    expect(explainMatch(rule, makeOrder())).toEqual({ matched: true, reasons: ["first order"], failed: [] });
  });

  it("'and' fails with the unmet condition", () => {
    const rule = makeRule({ id: "r", conditions: { op: "and", items: [firstOrder, bigTotal] } });
    expect(explainMatch(rule, makeOrder())).toEqual({
      matched: false,
      reasons: ["first order"],
      failed: ["total 120.00 EUR is not ≥ 200"],
    });
  });

  it("nests up to four levels, and a fifth level never matches", () => {
    const wrap = (group: ConditionGroup): ConditionGroup => ({ op: "and", items: [group] });
    const four = wrap(wrap(wrap(only(firstOrder))));
    expect(explainMatch(makeRule({ id: "r", conditions: four }), makeOrder()).matched).toBe(true);
    const five = wrap(four);
    expect(explainMatch(makeRule({ id: "r", conditions: five }), makeOrder())).toEqual({
      matched: false,
      reasons: [],
      failed: ["conditions are nested deeper than 4 levels"],
    });
    expect(interpretGroup(five, makeOrder())).toBe(false);
  });
});
