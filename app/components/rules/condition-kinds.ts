import type { Condition, LineItemField } from "~/domain/rules/rule-model";

/** Every condition kind of the rule schema, as the condition builder offers them. */
export const CONDITION_KINDS: { value: Condition["kind"]; label: string }[] = [
  { value: "first-order", label: "First order of the customer" },
  { value: "order-count", label: "Customer's order number" },
  { value: "order-total", label: "Order total" },
  { value: "line-item", label: "Products in the order" },
  { value: "order-tags", label: "Order tags" },
  { value: "customer-tags", label: "Customer tags" },
  { value: "discount-code", label: "Discount code used" },
  { value: "ship-to", label: "Ships to" },
  { value: "shipping-method", label: "Shipping method" },
  { value: "sales-channel", label: "Sales channel" },
  { value: "customer-locale", label: "Customer language" },
];

export const LINE_ITEM_FIELDS: { value: LineItemField; label: string }[] = [
  { value: "product", label: "Product" },
  { value: "variant", label: "Variant" },
  { value: "sku", label: "SKU" },
  { value: "vendor", label: "Vendor" },
  { value: "productType", label: "Product type" },
  { value: "title", label: "Title (* matches anything)" },
];

/** A new condition of `kind`, ready to be filled in (empty lists are reported until filled). */
export function newCondition(kind: Condition["kind"], currency: string): Condition {
  switch (kind) {
    case "first-order":
      return { kind };
    case "order-count":
      return { kind, op: "gte", count: 2 };
    case "order-total":
      return { kind, op: "gte", amount: "", currency };
    case "line-item":
      return { kind, field: "sku", values: [] };
    case "order-tags":
    case "customer-tags":
      return { kind, op: "any", tags: [] };
    case "discount-code":
      return { kind, codes: [] };
    case "ship-to":
      return { kind, zones: [] };
    case "shipping-method":
      return { kind, patterns: [] };
    case "sales-channel":
      return { kind, channels: ["online"] };
    case "customer-locale":
      return { kind, locales: [] };
  }
}
