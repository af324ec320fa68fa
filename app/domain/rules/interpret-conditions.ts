import { parseDecimalToMicros } from "./decimal";
import { globToRegExp } from "./glob";
import { classifySalesChannel, isLocaleMatch, normalizeLineValue, normalizeLocale, normalizeText, readLineField } from "./order-facts";
import { MAX_GROUP_DEPTH, isConditionGroup, type Condition, type ConditionGroup } from "./rule-model";
import type { RuleOrder } from "./rule-order";

/**
 * The reference reading of the rule JSON: walks the conditions on every call, re-parsing amounts and patterns.
 * It is deliberately naive and serves two purposes only: the oracle the compiled matcher is tested against,
 * and the baseline in `bench/rules.ts`. Production code evaluates `compileRules` output instead.
 */
export function interpretGroup(group: ConditionGroup, order: RuleOrder, depth = 1): boolean {
  if (depth > MAX_GROUP_DEPTH) return false;
  if (group.items.length === 0) return true;
  const holds = (item: Condition | ConditionGroup) => (isConditionGroup(item) ? interpretGroup(item, order, depth + 1) : interpretCondition(item, order));
  return group.op === "and" ? group.items.every(holds) : group.items.some(holds);
}

function interpretTotal(condition: Extract<Condition, { kind: "order-total" }>, order: RuleOrder): boolean {
  if (!condition.currency?.trim() || condition.currency.trim().toUpperCase() !== order.currency.toUpperCase()) return false;
  const total = parseDecimalToMicros(order.totalPrice);
  if (total === null) return false;
  if (condition.op === "between") {
    const min = parseDecimalToMicros(condition.min);
    const max = parseDecimalToMicros(condition.max);
    return min !== null && max !== null && total >= min && total <= max;
  }
  const amount = parseDecimalToMicros(condition.amount);
  if (amount === null) return false;
  return condition.op === "gte" ? total >= amount : total <= amount;
}

function interpretTags(condition: Extract<Condition, { kind: "order-tags" | "customer-tags" }>, order: RuleOrder): boolean {
  const tags = condition.kind === "order-tags" ? order.tags : order.customerTags;
  if (tags === null) return false; // unknown customer tags match nothing
  const present = tags.map(normalizeText);
  const wanted = condition.tags.map(normalizeText);
  if (condition.op === "all") return wanted.length > 0 && wanted.every((tag) => present.includes(tag));
  const hasAny = wanted.some((tag) => present.includes(tag));
  return condition.op === "any" ? hasAny : !hasAny;
}

function interpretCondition(condition: Condition, order: RuleOrder): boolean {
  const count = order.customerOrdersCount;
  switch (condition.kind) {
    case "first-order":
      return count === 1;
    case "order-count":
      if (count === null) return false;
      return condition.op === "eq" ? count === condition.count : condition.op === "gte" ? count >= condition.count : count <= condition.count;
    case "order-total":
      return interpretTotal(condition, order);
    case "line-item":
      return order.lines.some((line) => {
        const value = readLineField(line, condition.field);
        if (value === null) return false;
        return condition.field === "title"
          ? condition.values.some((pattern) => globToRegExp(pattern).test(value))
          : condition.values.some((wanted) => normalizeLineValue(condition.field, wanted) === value);
      });
    case "order-tags":
    case "customer-tags":
      return interpretTags(condition, order);
    case "discount-code":
      return order.discountCodes.some((code) => condition.codes.some((wanted) => normalizeText(wanted) === normalizeText(code)));
    case "ship-to":
      return condition.zones.some(
        (zone) =>
          order.shipCountry !== null &&
          zone.country.trim().toUpperCase() === order.shipCountry.toUpperCase() &&
          (!zone.provinces?.length ||
            (order.shipProvince !== null && zone.provinces.some((p) => normalizeText(p) === normalizeText(order.shipProvince ?? "")))),
      );
    case "shipping-method":
      return order.shippingMethod !== null && condition.patterns.some((p) => globToRegExp(p).test(order.shippingMethod ?? ""));
    case "sales-channel":
      return condition.channels.includes(classifySalesChannel(order.sourceName));
    case "customer-locale":
      return (
        order.customerLocale !== null && condition.locales.some((wanted) => isLocaleMatch(normalizeLocale(order.customerLocale ?? ""), normalizeLocale(wanted)))
      );
  }
}
