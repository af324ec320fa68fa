import { describe, expect, it } from "vitest";
import { parseRule } from "./insert-rule";

const valid = {
  id: "first-order-card",
  name: "  Thank-you card for first orders ",
  priority: 10,
  stopAfter: true,
  startsAt: "2026-12-01T00:00:00Z",
  endsAt: "2027-01-01T00:00:00+01:00",
  holdoutPercent: 10,
  conditions: {
    op: "and",
    items: [
      { kind: "first-order" },
      { kind: "order-total", op: "between", min: "50", max: "500.00", currency: " eur" },
      {
        op: "or",
        items: [
          { kind: "ship-to", zones: [{ country: "de" }, { country: "at", provinces: ["9"] }] },
          { kind: "customer-locale", locales: ["de"] },
        ],
      },
    ],
  },
  actions: {
    insertTemplateId: "first-order-thanks",
    physicalItem: { label: "Seed packet", stock: 200 },
    discount: { kind: "percentage", value: "10", expiresInDays: 60, prefix: "THANKS" },
  },
};

describe("parseRule", () => {
  it("accepts a full rule, trims, upper-cases codes and fills defaults", () => {
    const result = parseRule(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rule.name).toBe("Thank-you card for first orders");
    expect(result.rule.version).toBe(1);
    expect(result.rule.active).toBe(true);
    expect(result.rule.conditions.items[1]).toEqual({ kind: "order-total", op: "between", min: "50", max: "500.00", currency: "EUR" });
    expect(result.rule.conditions.items[2]).toEqual({
      op: "or",
      items: [
        { kind: "ship-to", zones: [{ country: "DE" }, { country: "AT", provinces: ["9"] }] },
        { kind: "customer-locale", locales: ["de"] },
      ],
    });
  });

  it.each<[string, (rule: typeof valid) => unknown, { path: string; message: string }[]]>([
    ["empty name", (r) => ({ ...r, name: "  " }), [{ path: "name", message: "Name must not be empty" }]],
    ["holdout above 50", (r) => ({ ...r, holdoutPercent: 75 }), [{ path: "holdoutPercent", message: "Hold out at most 50 % of orders" }]],
    ["end before start", (r) => ({ ...r, endsAt: "2026-11-01T00:00:00Z" }), [{ path: "endsAt", message: "The end must be after the start" }]],
    ["bad date", (r) => ({ ...r, startsAt: "1 Dec" }), [{ path: "startsAt", message: "Use a date and time like 2026-12-01T00:00:00Z" }]],
    [
      "missing currency",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "50" }] } }),
      [{ path: "conditions.items.0.currency", message: "Choose the currency of the amount, e.g. EUR" }],
    ],
    [
      "comma amount",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "49,90", currency: "EUR" }] } }),
      [{ path: "conditions.items.0.amount", message: "Use an amount like 49.90, with a dot before the cents" }],
    ],
    [
      "reversed range",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "order-total", op: "between", min: "100", max: "99.99", currency: "EUR" }] } }),
      [{ path: "conditions.items.0.max", message: "The maximum must be at least the minimum" }],
    ],
    [
      "between without max",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "order-total", op: "between", min: "1", currency: "EUR" }] } }),
      [{ path: "conditions.items.0.max", message: "Enter an amount" }],
    ],
    [
      "unknown condition in a nested group",
      (r) => ({ ...r, conditions: { op: "and", items: [{ op: "or", items: [{ kind: "moon-phase" }] }] } }),
      [{ path: "conditions.items.0.items.0.kind", message: "Unknown condition type" }],
    ],
    [
      "empty tag list",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "order-tags", op: "any", tags: [] }] } }),
      [{ path: "conditions.items.0.tags", message: "Add at least one tag" }],
    ],
    [
      "product that is not a GID",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "line-item", field: "product", values: ["123"] }] } }),
      [{ path: "conditions.items.0.values.0", message: "Pick a product from the list (expected gid://shopify/Product/…)" }],
    ],
    [
      "bad country",
      (r) => ({ ...r, conditions: { op: "and", items: [{ kind: "ship-to", zones: [{ country: "Germany" }] }] } }),
      [{ path: "conditions.items.0.zones.0.country", message: 'Use a two-letter country code, e.g. "DE"' }],
    ],
    [
      "percentage over 100",
      (r) => ({ ...r, actions: { discount: { kind: "percentage", value: "150", expiresInDays: 30 } } }),
      [{ path: "actions.discount.value", message: "A percentage is at most 100" }],
    ],
    [
      "negative stock",
      (r) => ({ ...r, actions: { physicalItem: { label: "Card", stock: -1 } } }),
      [{ path: "actions.physicalItem.stock", message: "Stock cannot be negative" }],
    ],
  ])("rejects %s with a clear message", (_title, edit, errors) => {
    expect(parseRule(edit(valid))).toEqual({ ok: false, errors });
  });

  it("rejects nesting deeper than four levels, even when it is absurdly deep", () => {
    let group: unknown = { op: "and", items: [{ kind: "first-order" }] };
    for (let i = 0; i < 4; i++) group = { op: "and", items: [group] };
    const expected = { ok: false, errors: [{ path: "conditions", message: "Nest condition groups at most 4 levels deep" }] };
    expect(parseRule({ ...valid, conditions: group })).toEqual(expected);
    for (let i = 0; i < 100_000; i++) group = { op: "and", items: [group] };
    expect(parseRule({ ...valid, conditions: group })).toEqual(expected);
  });

  it("accepts exactly four levels", () => {
    let group: unknown = { op: "and", items: [{ kind: "first-order" }] };
    for (let i = 0; i < 3; i++) group = { op: "and", items: [group] };
    expect(parseRule({ ...valid, conditions: group }).ok).toBe(true);
  });
});
