import { hasAnyIn, leaf, matchesAnyPattern, never, type CompiledCheck } from "./compiled-check";
import { parseDecimalToMicros } from "./decimal";
import { globToRegExp } from "./glob";
import { LINE_FIELD_LABELS, isLocaleMatch, normalizeLineValue, normalizeLocale, normalizeText, readLineField } from "./order-facts";
import type { PreparedOrder } from "./prepared-order";
import type { Condition } from "./rule-model";

const list = (values: readonly string[]) => values.join(", ");
const quote = (values: readonly string[]) => list(values.map((value) => `"${value}"`));

function compileTotal(condition: Extract<Condition, { kind: "order-total" }>, problems: string[]): CompiledCheck {
  const currency = condition.currency?.trim().toUpperCase();
  if (!currency) return never("order total condition has no currency", problems);
  const bounds = condition.op === "between" ? [condition.min, condition.max] : [condition.amount, condition.amount];
  const [low, high] = bounds.map(parseDecimalToMicros);
  if (low === null || high === null) return never(`order total amount "${list(bounds)}" is not a decimal`, problems);
  const min = condition.op === "lte" ? null : low;
  const max = condition.op === "gte" ? null : high;
  const range = condition.op === "gte" ? `≥ ${bounds[0]}` : condition.op === "lte" ? `≤ ${bounds[0]}` : `between ${bounds[0]} and ${bounds[1]}`;
  const isSameCurrency = (p: PreparedOrder) => p.order.currency.toUpperCase() === currency;
  const test = (p: PreparedOrder) => {
    const total = p.totalMicros;
    return total !== null && isSameCurrency(p) && (min === null || total >= min) && (max === null || total <= max);
  };
  return leaf(
    test,
    (p) => `total ${p.order.totalPrice} ${currency} ${range}`,
    (p) => (isSameCurrency(p) ? `total ${p.order.totalPrice} ${currency} is not ${range}` : `order is in ${p.order.currency}, rule needs ${currency}`),
  );
}

function compileLineItem(condition: Extract<Condition, { kind: "line-item" }>): CompiledCheck {
  const { field } = condition;
  const label = LINE_FIELD_LABELS[field];
  const patterns = condition.values.map(globToRegExp);
  const wanted = new Set(condition.values.map((value) => normalizeLineValue(field, value)));
  const test =
    field === "title"
      ? (p: PreparedOrder) => {
          for (const title of p.lineValuesOf("title")) if (matchesAnyPattern(title, patterns)) return true;
          return false;
        }
      : (p: PreparedOrder) => hasAnyIn(p.lineValuesOf(field), wanted);
  const describe = (p: PreparedOrder) => {
    const line = p.order.lines.find((candidate) => {
      const value = readLineField(candidate, field);
      return value !== null && (field === "title" ? matchesAnyPattern(value, patterns) : wanted.has(value));
    });
    if (!line) return "";
    const original = {
      product: line.productGid,
      variant: line.variantGid,
      sku: line.sku,
      vendor: line.vendor,
      productType: line.productType,
      title: `"${line.title}"`,
    };
    return `contains ${label} ${original[field]}`;
  };
  return leaf(test, describe, () => `no item with ${label} ${list(condition.values)}`);
}

function compileTags(condition: Extract<Condition, { kind: "order-tags" | "customer-tags" }>): CompiledCheck {
  const who = condition.kind === "order-tags" ? "order" : "customer";
  const wanted = new Set(condition.tags.map(normalizeText));
  // Unknown customer tags (Shopify could not be asked) match no condition, not even "has none of".
  const tagsOf = (p: PreparedOrder) => (condition.kind === "order-tags" ? p.orderTagSet : p.customerTagSet);
  const hasAny = (present: Set<string>) => hasAnyIn(wanted, present);
  const hasAll = (present: Set<string>) => {
    for (const tag of wanted) if (!present.has(tag)) return false;
    return wanted.size > 0;
  };
  const unknown = () => "customer tags unknown";
  if (condition.op === "none") {
    return leaf(
      (p) => {
        const present = tagsOf(p);
        return present !== null && !hasAny(present);
      },
      () => `${who} has none of tags ${quote(condition.tags)}`,
      (p) => (tagsOf(p) === null ? unknown() : `${who} is tagged with one of ${quote(condition.tags)}`),
    );
  }
  const rawTags = (p: PreparedOrder) => (condition.kind === "order-tags" ? p.order.tags : p.order.customerTags) ?? [];
  const test = condition.op === "all" ? hasAll : hasAny;
  return leaf(
    (p) => {
      const present = tagsOf(p);
      return present !== null && test(present);
    },
    (p) => `${who} tagged ${quote(rawTags(p).filter((tag) => wanted.has(normalizeText(tag))))}`,
    (p) => (tagsOf(p) === null ? unknown() : `${who} is not tagged with ${condition.op === "all" ? "all of" : "any of"} ${quote(condition.tags)}`),
  );
}

function compileShipTo(condition: Extract<Condition, { kind: "ship-to" }>): CompiledCheck {
  const zones = new Map<string, Set<string> | null>();
  for (const zone of condition.zones) {
    const country = zone.country.trim().toUpperCase();
    const provinces = zone.provinces?.length ? zone.provinces.map(normalizeText) : null;
    const known = zones.get(country);
    // A whole-country zone wins over a province list for the same country.
    zones.set(country, known === null || provinces === null ? null : new Set([...(known ?? []), ...provinces]));
  }
  const place = (p: PreparedOrder) => [p.order.shipCountry, p.order.shipProvince].filter(Boolean).join("-") || "nowhere";
  const test = (p: PreparedOrder) => {
    const { shipCountry, shipProvince } = p.order;
    if (shipCountry === null) return false;
    const provinces = zones.get(shipCountry.toUpperCase());
    if (provinces === undefined) return false;
    return provinces === null || (shipProvince !== null && provinces.has(normalizeText(shipProvince)));
  };
  const wantedText = list(condition.zones.map((z) => (z.provinces?.length ? `${z.country} (${list(z.provinces)})` : z.country)));
  return leaf(
    test,
    (p) => `ships to ${place(p)}`,
    (p) => `ships to ${place(p)}, rule needs ${wantedText}`,
  );
}

function compileOrderCount(condition: Extract<Condition, { kind: "order-count" }>): CompiledCheck {
  const { op, count } = condition;
  const sign = op === "eq" ? "=" : op === "gte" ? "≥" : "≤";
  const test = (p: PreparedOrder) => {
    const n = p.order.customerOrdersCount;
    return n !== null && (op === "eq" ? n === count : op === "gte" ? n >= count : n <= count);
  };
  const text = (p: PreparedOrder) => `customer's order #${p.order.customerOrdersCount ?? "unknown"}`;
  return leaf(
    test,
    (p) => `${text(p)} (${sign} ${count})`,
    (p) => `${text(p)}, rule needs ${sign} ${count}`,
  );
}

/**
 * Compiles one condition into closures, doing the per-rule work (patterns, sets, exact amounts) once.
 * Problems that make it unmatchable (no currency, bad amount) are appended to `problems`.
 */
export function compileCondition(condition: Condition, problems: string[]): CompiledCheck {
  switch (condition.kind) {
    case "first-order":
      return leaf(
        (p) => p.order.customerOrdersCount === 1,
        () => "first order",
        (p) => (p.order.customerOrdersCount === null ? "order count unknown" : `order #${p.order.customerOrdersCount}, not the first`),
      );
    case "order-count":
      return compileOrderCount(condition);
    case "order-total":
      return compileTotal(condition, problems);
    case "line-item":
      return compileLineItem(condition);
    case "order-tags":
    case "customer-tags":
      return compileTags(condition);
    case "discount-code": {
      const codes = new Set(condition.codes.map(normalizeText));
      const used = (p: PreparedOrder) => p.order.discountCodes.find((code) => codes.has(normalizeText(code)));
      return leaf(
        (p) => hasAnyIn(p.discountCodeSet, codes),
        (p) => `used discount code ${used(p)}`,
        () => `used none of the codes ${list(condition.codes)}`,
      );
    }
    case "ship-to":
      return compileShipTo(condition);
    case "shipping-method": {
      const patterns = condition.patterns.map(globToRegExp);
      return leaf(
        (p) => p.order.shippingMethod !== null && matchesAnyPattern(p.order.shippingMethod, patterns),
        (p) => `shipping method "${p.order.shippingMethod}"`,
        (p) => `shipping method "${p.order.shippingMethod ?? "none"}" is not ${quote(condition.patterns)}`,
      );
    }
    case "sales-channel": {
      const channels = new Set(condition.channels);
      const describe = (p: PreparedOrder) => `sold via ${p.salesChannel} (${p.order.sourceName ?? "web"})`;
      return leaf(
        (p) => channels.has(p.salesChannel),
        describe,
        (p) => `${describe(p)}, rule needs ${list(condition.channels)}`,
      );
    }
    case "customer-locale": {
      const locales = condition.locales.map(normalizeLocale);
      const test = (p: PreparedOrder) => {
        const locale = p.normalizedLocale;
        if (locale === null) return false;
        for (const wanted of locales) if (isLocaleMatch(locale, wanted)) return true;
        return false;
      };
      return leaf(
        test,
        (p) => `customer locale ${p.order.customerLocale} matches ${list(condition.locales)}`,
        (p) => `customer locale ${p.order.customerLocale ?? "unknown"}, rule needs ${list(condition.locales)}`,
      );
    }
  }
}
