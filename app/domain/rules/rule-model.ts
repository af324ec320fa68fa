/** Deepest allowed nesting of condition groups; the top-level group counts as depth 1. */
export const MAX_GROUP_DEPTH = 4;

/** Highest share of matching orders a merchant may hold out from a rule to measure its effect. */
export const MAX_HOLDOUT_PERCENT = 50;

/** "This is the customer's first order" (their order count, including this order, is 1). */
type FirstOrderCondition = { kind: "first-order" };

/** "This is the customer's Nth order": exactly, at least or at most N, counting this order. */
type OrderCountCondition = { kind: "order-count"; op: "eq" | "gte" | "lte"; count: number };

/**
 * "The order total is at least / at most / between …" in one currency. A rule written in EUR never matches an
 * order paid in SEK: we do not convert, because the merchant's thresholds are price points, not exchange rates.
 * `currency` is optional in the type only so that stored rules missing it can be linted; such a condition never matches.
 */
type OrderTotalCondition = { kind: "order-total"; currency?: string } & ({ op: "gte" | "lte"; amount: string } | { op: "between"; min: string; max: string });

/** Which line-item field a line-item condition looks at. `title` values are `*` glob patterns. */
export type LineItemField = "product" | "variant" | "sku" | "vendor" | "productType" | "title";

/** "The order contains any line whose <field> is one of <values>". */
type LineItemCondition = { kind: "line-item"; field: LineItemField; values: string[] };

/** "The order / the customer is tagged with any / all / none of <tags>" (tags compare case-insensitively). */
type TagCondition = {
  kind: "order-tags" | "customer-tags";
  op: "any" | "all" | "none";
  tags: string[];
};

/** "The order used any of these discount codes" (case-insensitive). */
type DiscountCodeCondition = { kind: "discount-code"; codes: string[] };

/** A destination: a country (ISO 3166-1 alpha-2) and optionally some of its provinces / states (Shopify codes). */
export type ShippingZone = { country: string; provinces?: string[] };

/** "The parcel ships to one of these countries / provinces". */
type ShipToCondition = { kind: "ship-to"; zones: ShippingZone[] };

/** "The shipping method title matches one of these `*` patterns" (case-insensitive). */
type ShippingMethodCondition = { kind: "shipping-method"; patterns: string[] };

/** Where the order was placed: online (online store or unknown), POS, or any other channel. */
export type SalesChannel = "online" | "pos" | "other";

/** "The order came from one of these sales channels". */
type SalesChannelCondition = { kind: "sales-channel"; channels: SalesChannel[] };

/** "The customer's language is one of these": 'de' matches 'de' and 'de-CH'; 'de-CH' matches only 'de-CH'. */
type CustomerLocaleCondition = { kind: "customer-locale"; locales: string[] };

export type Condition =
  | FirstOrderCondition
  | OrderCountCondition
  | OrderTotalCondition
  | LineItemCondition
  | TagCondition
  | DiscountCodeCondition
  | ShipToCondition
  | ShippingMethodCondition
  | SalesChannelCondition
  | CustomerLocaleCondition;

/**
 * All (`and`) or any (`or`) of the items must hold. An empty group has no conditions and therefore matches
 * every order, whichever its operator ("no conditions" = "all orders", as merchants read it).
 */
export type ConditionGroup = { op: "and" | "or"; items: (Condition | ConditionGroup)[] };

/** A physical insert (card, sticker, sample) with the stock the merchant told us about; null = unlimited. */
type PhysicalItem = { label: string; stock: number | null };

/** A unique next-order discount code issued with the insert. `value` is a decimal string. */
export type DiscountAction = {
  kind: "percentage" | "fixed_amount";
  value: string;
  expiresInDays: number;
  prefix?: string;
};

/** What the rule puts in the parcel. Every part is optional; a rule with none of them does nothing. */
export type RuleActions = {
  insertTemplateId?: string;
  physicalItem?: PhysicalItem;
  discount?: DiscountAction;
};

/**
 * A package-insert rule. Rules run in `priority` order (lower first, ties by id). `stopAfter` means "if this rule
 * applies, don't look at lower-priority rules". `startsAt`/`endsAt` (ISO instants) bound when the rule is live:
 * from `startsAt` inclusive to `endsAt` exclusive. `holdoutPercent` (0–50) of matching orders get nothing from
 * this rule, chosen deterministically, so its effect can be measured.
 */
export type Rule = {
  id: string;
  version: number;
  name: string;
  priority: number;
  active: boolean;
  stopAfter: boolean;
  startsAt?: string;
  endsAt?: string;
  holdoutPercent: number;
  conditions: ConditionGroup;
  actions: RuleActions;
};

/** Tells a nested group apart from a single condition. */
export function isConditionGroup(item: Condition | ConditionGroup): item is ConditionGroup {
  return "items" in item;
}

/** The nesting depth of a group: a group of plain conditions has depth 1. */
export function measureGroupDepth(group: ConditionGroup): number {
  let deepest = 0;
  for (const item of group.items) {
    if (isConditionGroup(item)) deepest = Math.max(deepest, measureGroupDepth(item));
  }
  return deepest + 1;
}
