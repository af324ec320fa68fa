import type { LineItemField, SalesChannel } from "./rule-model";
import type { RuleOrderLine } from "./rule-order";

/**
 * Small readings of the order shared by the compiled matcher and the reference interpreter, so both agree
 * on what "online", "same tag" or "same language" mean.
 */

/** Online store orders have sourceName 'web'; a missing source name is treated as online too (most likely). */
export function classifySalesChannel(sourceName: string | null): SalesChannel {
  if (sourceName === null || sourceName === "web") return "online";
  return sourceName === "pos" ? "pos" : "other";
}

/** Tags, codes, SKUs, vendors and province codes compare trimmed and case-insensitively. */
export function normalizeText(value: string): string {
  return value.trim().toLowerCase();
}

/** "de_CH" and "DE-ch" both become "de-ch". */
export function normalizeLocale(value: string): string {
  return value.trim().toLowerCase().replace(/_/g, "-");
}

/** Rule locale 'de' matches order locale 'de' and 'de-ch'; rule 'de-ch' matches only 'de-ch'. Both normalized. */
export function isLocaleMatch(orderLocale: string, ruleLocale: string): boolean {
  return orderLocale === ruleLocale || orderLocale.startsWith(`${ruleLocale}-`);
}

/** The value of one line-item field; GIDs stay as they are, text fields are normalized. */
export function readLineField(line: RuleOrderLine, field: LineItemField): string | null {
  switch (field) {
    case "product":
      return line.productGid;
    case "variant":
      return line.variantGid;
    case "sku":
      return line.sku === null ? null : normalizeText(line.sku);
    case "vendor":
      return line.vendor === null ? null : normalizeText(line.vendor);
    case "productType":
      return line.productType === null ? null : normalizeText(line.productType);
    case "title":
      return line.title;
  }
}

/** Rule-side values for a line-item field, normalized the same way as `readLineField`. */
export function normalizeLineValue(field: LineItemField, value: string): string {
  return field === "product" || field === "variant" || field === "title" ? value.trim() : normalizeText(value);
}

/** How merchants name each line-item field in reasons: "contains SKU LAV-01". */
export const LINE_FIELD_LABELS: Record<LineItemField, string> = {
  product: "product",
  variant: "variant",
  sku: "SKU",
  vendor: "vendor",
  productType: "product type",
  title: "item titled",
};
