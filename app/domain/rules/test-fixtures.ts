import type { ConditionGroup, Rule } from "./rule-model";
import type { RuleOrder } from "./rule-order";

/** Test-only builders: an unremarkable online EUR order and an always-matching rule, overridden per test. */
export function makeOrder(overrides: Partial<RuleOrder> = {}): RuleOrder {
  return {
    orderGid: "gid://shopify/Order/1001",
    name: "#1001",
    createdAt: "2026-11-20T10:00:00Z",
    currency: "EUR",
    totalPrice: "120.00",
    customerGid: "gid://shopify/Customer/7",
    customerOrdersCount: 1,
    customerTags: [],
    tags: [],
    discountCodes: [],
    shipCountry: "DE",
    shipProvince: null,
    shipZip: "10115",
    shippingMethod: "Standard",
    shippingCode: "standard",
    sourceName: "web",
    customerLocale: "de-DE",
    lines: [
      {
        productGid: "gid://shopify/Product/1",
        variantGid: "gid://shopify/ProductVariant/11",
        sku: "LAV-01",
        vendor: "Acme Soap",
        productType: "Soap",
        title: "Lavender Soap 100 g",
        quantity: 2,
      },
    ],
    ...overrides,
  };
}

export function makeRule(overrides: Partial<Rule> & { id: string }): Rule {
  const conditions: ConditionGroup = { op: "and", items: [] };
  return {
    version: 1,
    name: `Rule ${overrides.id}`,
    priority: 10,
    active: true,
    stopAfter: false,
    holdoutPercent: 0,
    conditions,
    actions: { insertTemplateId: "thank-you" },
    ...overrides,
  };
}
