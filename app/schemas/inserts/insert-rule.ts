import { z } from "zod";
import { parseDecimalToMicros } from "../../domain/rules/decimal";
import { gidPrefix } from "../../domain/shopify/gid";
import { MAX_GROUP_DEPTH, MAX_HOLDOUT_PERCENT, measureGroupDepth, type Condition, type ConditionGroup, type Rule } from "../../domain/rules/rule-model";

const text = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is at most ${max} characters`);
const list = <T extends z.ZodTypeAny>(item: T, what: string) => z.array(item).min(1, `Add at least one ${what}`).max(100, `At most 100 ${what}s`);

const amount = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,6})?$/, "Use an amount like 49.90, with a dot before the cents");
const currency = z
  .string({ required_error: "Choose the currency of the amount, e.g. EUR" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. "EUR"');
const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. "DE"');
const locale = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i, 'Use a language code such as "de" or "de-CH"');
const isoInstant = z.string().datetime({ offset: true, message: "Use a date and time like 2026-12-01T00:00:00Z" });

const orderTotal = z.object({
  kind: z.literal("order-total"),
  op: z.enum(["gte", "lte", "between"], { errorMap: () => ({ message: "Choose at least, at most or between" }) }),
  currency,
  amount: amount.optional(),
  min: amount.optional(),
  max: amount.optional(),
});

const rawCondition = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("first-order") }),
    z.object({
      kind: z.literal("order-count"),
      op: z.enum(["eq", "gte", "lte"]),
      count: z
        .number({ invalid_type_error: "Enter a number of orders", required_error: "Enter a number of orders" })
        .int("Use a whole number")
        .min(1, "Orders are counted from 1")
        .max(1000),
    }),
    orderTotal,
    z.object({
      kind: z.literal("line-item"),
      field: z.enum(["product", "variant", "sku", "vendor", "productType", "title"]),
      values: list(text("Value", 255), "value"),
    }),
    z.object({ kind: z.enum(["order-tags", "customer-tags"]), op: z.enum(["any", "all", "none"]), tags: list(text("Tag", 255), "tag") }),
    z.object({ kind: z.literal("discount-code"), codes: list(text("Code", 255), "code") }),
    z.object({
      kind: z.literal("ship-to"),
      zones: list(z.object({ country: countryCode, provinces: z.array(text("Province code", 10)).optional() }), "country"),
    }),
    z.object({ kind: z.literal("shipping-method"), patterns: list(text("Shipping method", 255), "shipping method") }),
    z.object({ kind: z.literal("sales-channel"), channels: list(z.enum(["online", "pos", "other"]), "channel") }),
    z.object({ kind: z.literal("customer-locale"), locales: list(locale, "language") }),
  ],
  { errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? "Unknown condition type" : ctx.defaultError }) },
);

/** Order-total fields depend on the operator; check them here and return the exact domain shape. */
const condition: z.ZodType<Condition, z.ZodTypeDef, unknown> = rawCondition
  .superRefine((value, ctx) => {
    if (value.kind === "line-item" && (value.field === "product" || value.field === "variant")) {
      const prefix = gidPrefix(value.field === "product" ? "Product" : "ProductVariant");
      value.values.forEach((id, index) => {
        if (!new RegExp(`^${prefix}\\d+$`).test(id))
          ctx.addIssue({ code: "custom", path: ["values", index], message: `Pick a ${value.field} from the list (expected ${prefix}…)` });
      });
    }
    if (value.kind !== "order-total") return;
    const needed = value.op === "between" ? (["min", "max"] as const) : (["amount"] as const);
    for (const key of needed) if (value[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "Enter an amount" });
    if (value.op === "between" && value.min !== undefined && value.max !== undefined) {
      if ((parseDecimalToMicros(value.min) ?? 0n) > (parseDecimalToMicros(value.max) ?? 0n)) {
        ctx.addIssue({ code: "custom", path: ["max"], message: "The maximum must be at least the minimum" });
      }
    }
  })
  .transform((value): Condition => {
    if (value.kind !== "order-total") return value;
    const { currency: code, op, amount: exact = "", min = "", max = "" } = value;
    return op === "between" ? { kind: "order-total", currency: code, op, min, max } : { kind: "order-total", currency: code, op, amount: exact };
  });

/** Dispatches on shape instead of z.union, whose failure message is only "Invalid input". */
const conditionOrGroup: z.ZodType<Condition | ConditionGroup, z.ZodTypeDef, unknown> = z.unknown().transform((value, ctx) => {
  const isGroup = typeof value === "object" && value !== null && "items" in value;
  const parsed = (isGroup ? conditionGroup : condition).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});

/** The rule model's conditions, shared with follow-up rules (schemas/follow-ups/follow-up-rule.ts). */
export const conditionGroup: z.ZodType<ConditionGroup, z.ZodTypeDef, unknown> = z.lazy(() =>
  z.object({
    op: z.enum(["and", "or"], { errorMap: () => ({ message: 'Choose "all" (and) or "any" (or)' }) }),
    items: z.array(conditionOrGroup).max(50, "At most 50 conditions per group"),
  }),
);

const physicalItem = z.object({
  label: text("Item name", 80),
  stock: z
    .number({ invalid_type_error: "Enter how many you have, or choose unlimited" })
    .int("Use a whole number")
    .min(0, "Stock cannot be negative")
    .nullable(),
});

/** A personal code's terms, as insert rules and apology follow-ups state them. */
export const personalDiscountSchema = z
  .object({
    kind: z.enum(["percentage", "fixed_amount"]),
    value: amount,
    expiresInDays: z
      .number({ invalid_type_error: "Enter a number of days", required_error: "Enter a number of days" })
      .int("Use whole days")
      .min(1, "The code must be valid for at least 1 day")
      .max(365, "At most 365 days"),
    prefix: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{1,12}$/i, "Use up to 12 letters, digits or dashes")
      .optional(),
  })
  .refine((d) => (parseDecimalToMicros(d.value) ?? 0n) > 0n, { message: "The discount must be more than 0", path: ["value"] })
  .refine((d) => d.kind !== "percentage" || (parseDecimalToMicros(d.value) ?? 0n) <= 100_000_000n, { message: "A percentage is at most 100", path: ["value"] });

/** An insert rule as the merchant edits it in the rule builder. */
const insertRuleSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Invalid rule id"),
    version: z.number().int().min(1).default(1),
    name: text("Name", 80),
    priority: z
      .number({ invalid_type_error: "Priority must be a number", required_error: "Priority must be a number" })
      .int("Use a whole number")
      .min(0, "Priority cannot be negative")
      .max(9999, "Priority is at most 9999"),
    active: z.boolean().default(true),
    stopAfter: z.boolean().default(false),
    startsAt: isoInstant.optional(),
    endsAt: isoInstant.optional(),
    holdoutPercent: z
      .number({ invalid_type_error: "Enter a percentage from 0 to 50" })
      .min(0, "Holdout cannot be negative")
      .max(MAX_HOLDOUT_PERCENT, `Hold out at most ${MAX_HOLDOUT_PERCENT} % of orders`)
      .default(0),
    conditions: conditionGroup,
    actions: z.object({
      insertTemplateId: text("Template", 64).optional(),
      physicalItem: physicalItem.optional(),
      discount: personalDiscountSchema.optional(),
    }),
  })
  .superRefine((rule, ctx) => {
    if (rule.startsAt && rule.endsAt && Date.parse(rule.endsAt) <= Date.parse(rule.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
    }
    if (measureGroupDepth(rule.conditions) > MAX_GROUP_DEPTH) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: `Nest condition groups at most ${MAX_GROUP_DEPTH} levels deep` });
    }
  });

export type RuleParseResult = { ok: true; rule: Rule } | { ok: false; errors: { path: string; message: string }[] };

/** Validates a rule from the editor; errors carry dotted paths such as "conditions.items.0.currency". */
export function parseRule(input: unknown): RuleParseResult {
  // Refuse absurd nesting before zod recurses into it, so hostile input cannot exhaust the stack.
  if (isNestedDeeperThan(readConditions(input), MAX_GROUP_DEPTH + 1)) {
    return { ok: false, errors: [{ path: "conditions", message: `Nest condition groups at most ${MAX_GROUP_DEPTH} levels deep` }] };
  }
  const parsed = insertRuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
}

function readConditions(input: unknown): unknown {
  return typeof input === "object" && input !== null && "conditions" in input ? input.conditions : undefined;
}

/** Whether `value` nests condition groups deeper than `limit`: checked before zod recurses into hostile input. */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== "object" || value === null || !("items" in value) || !Array.isArray(value.items)) return false;
  if (limit <= 0) return true;
  return value.items.some((item: unknown) => isNestedDeeperThan(item, limit - 1));
}

/** A rule document as stored (InsertRule.document, InsertRuleVersion.document); null when it no longer validates. */
export function parseStoredRule(json: string): Rule | null {
  try {
    const parsed = parseRule(JSON.parse(json));
    return parsed.ok ? parsed.rule : null;
  } catch {
    return null;
  }
}
