import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGroup } from "./compile-group";
import { interpretGroup } from "./interpret-conditions";
import { PreparedOrder } from "./prepared-order";
import type { Condition, ConditionGroup } from "./rule-model";
import type { RuleOrder } from "./rule-order";
import { makeOrder } from "./test-fixtures";

// Small vocabularies so that generated conditions and orders actually overlap.
const tag = fc.constantFrom("vip", "VIP", "gift", "wholesale", " Sale ");
const sku = fc.constantFrom("LAV-01", "lav-01", "ROSE-02", "MINT-03");
const country = fc.constantFrom("DE", "de", "SE", "US", "FR");
const province = fc.constantFrom("CA", "ny", "BY");
const amount = fc.constantFrom("0", "49.99", "50", "50.00", "120.00", "120.001", "999999.99", "1e3", "abc");
const currency = fc.constantFrom("EUR", "eur", "SEK", "", "USD");
const locale = fc.constantFrom("de", "de-CH", "de_ch", "en", "en-US", "sv", "d");

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant<Condition>({ kind: "first-order" }),
  fc.record({
    kind: fc.constant("order-count" as const),
    op: fc.constantFrom("eq" as const, "gte" as const, "lte" as const),
    count: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ kind: fc.constant("order-total" as const), op: fc.constantFrom("gte" as const, "lte" as const), amount, currency }),
  fc.record({ kind: fc.constant("order-total" as const), op: fc.constant("between" as const), min: amount, max: amount, currency }),
  fc.record({
    kind: fc.constant("line-item" as const),
    field: fc.constantFrom("sku" as const, "vendor" as const, "productType" as const),
    values: fc.array(sku, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("line-item" as const),
    field: fc.constant("title" as const),
    values: fc.array(fc.constantFrom("lav*", "*soap*", "Rose", "*", "(x)*"), { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constantFrom("order-tags" as const, "customer-tags" as const),
    op: fc.constantFrom("any" as const, "all" as const, "none" as const),
    tags: fc.array(tag, { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("discount-code" as const), codes: fc.array(fc.constantFrom("WELCOME", "welcome", "VIP10"), { maxLength: 2 }) }),
  fc.record({
    kind: fc.constant("ship-to" as const),
    zones: fc.array(fc.record({ country, provinces: fc.option(fc.array(province, { maxLength: 2 }), { nil: undefined }) }), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("shipping-method" as const), patterns: fc.array(fc.constantFrom("*express*", "Standard", "dhl*"), { maxLength: 2 }) }),
  fc.record({
    kind: fc.constant("sales-channel" as const),
    channels: fc.array(fc.constantFrom("online" as const, "pos" as const, "other" as const), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant("customer-locale" as const), locales: fc.array(locale, { maxLength: 2 }) }),
);

const group: fc.Arbitrary<ConditionGroup> = fc.letrec<{ group: ConditionGroup }>((tie) => ({
  group: fc.record({
    op: fc.constantFrom("and" as const, "or" as const),
    items: fc.array(fc.oneof({ depthSize: "small", withCrossShrink: true }, condition, tie("group")), { maxLength: 4 }),
  }),
})).group;

const order: fc.Arbitrary<RuleOrder> = fc
  .record({
    customerOrdersCount: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    currency: fc.constantFrom("EUR", "SEK"),
    totalPrice: fc.constantFrom("0.00", "49.99", "50.00", "120.00", "120.0010"),
    tags: fc.array(tag, { maxLength: 3 }),
    customerTags: fc.option(fc.array(tag, { maxLength: 3 }), { nil: null }),
    discountCodes: fc.array(fc.constantFrom("WELCOME", "Vip10", "OTHER"), { maxLength: 2 }),
    shipCountry: fc.option(fc.constantFrom("DE", "SE", "US"), { nil: null }),
    shipProvince: fc.option(province, { nil: null }),
    shippingMethod: fc.option(fc.constantFrom("DHL Express", "Standard", "Pickup"), { nil: null }),
    sourceName: fc.option(fc.constantFrom("web", "pos", "shopify_draft_order"), { nil: null }),
    customerLocale: fc.option(locale, { nil: null }),
    lines: fc.array(
      fc.record({
        productGid: fc.constant(null),
        variantGid: fc.constant(null),
        sku: fc.option(sku, { nil: null }),
        vendor: fc.option(sku, { nil: null }),
        productType: fc.option(sku, { nil: null }),
        title: fc.constantFrom("Lavender Soap", "Rose", "(x) candle", "MINT"),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((parts) => makeOrder(parts));

describe("compiled matcher", () => {
  it("agrees with the reference interpreter on every generated rule and order", () => {
    fc.assert(
      fc.property(group, fc.array(order, { minLength: 1, maxLength: 5 }), (conditions, orders) => {
        const compiled = compileGroup(conditions, []);
        const prepare = (o: RuleOrder) => new PreparedOrder(o);
        for (const each of orders) {
          const expected = interpretGroup(conditions, each);
          expect(compiled.test(prepare(each))).toBe(expected);
          expect(compiled.explain(prepare(each)).matched).toBe(expected);
        }
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
