import { z } from "zod";
import { FOLLOW_UP_LOCALES, FOLLOW_UP_TRIGGERS } from "~/domain/follow-ups/built-in-messages";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { MAX_GROUP_DEPTH } from "~/domain/rules/rule-model";
import { conditionGroup, isNestedDeeperThan, personalDiscountSchema } from "../inserts/insert-rule";

// A follow-up rule as the editor sends it and FollowUpRule.document stores it (domain/follow-ups/follow-up-rule.ts).

const source = z.object({
  subject: z.string().trim().min(1, "Write a subject").max(200, "Keep the subject under 200 characters"),
  html: z.string().min(1, "Write the message").max(50_000, "The message is longer than 50,000 characters"),
  text: z.string().min(1, "Write the plain-text message").max(20_000, "The plain-text message is longer than 20,000 characters"),
});

const followUpRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, "Use lower-case letters, digits and dashes"),
  version: z.number().int().min(1),
  name: z.string().trim().min(1, "Name the rule").max(80, "Keep the name under 80 characters"),
  active: z.boolean(),
  trigger: z.enum(FOLLOW_UP_TRIGGERS, { errorMap: () => ({ message: "Choose when the message goes out" }) }),
  delay: z.object({
    days: z.number().int().min(0).max(90, "At most 90 days"),
    hours: z.number().int().min(0).max(23, "At most 23 hours"),
  }),
  inferredArrivalCounts: z.boolean().default(true),
  lookBackDays: z.number().int().min(0).max(60, "At most 60 days back").default(0),
  sequence: z
    .object({
      name: z.string().trim().min(1, "Name the sequence").max(40, "Keep the sequence's name under 40 characters"),
      step: z.number().int().min(1, "Steps start at 1").max(20, "At most 20 steps"),
    })
    .nullable()
    .default(null),
  afterBrokenPromise: z
    .object({ action: z.enum(["send", "skip", "delay", "apology-first"]), delayDays: z.number().int().min(1).max(30).default(3) })
    .default({ action: "send", delayDays: 3 }),
  conditions: conditionGroup,
  message: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("built-in") }),
    z.object({
      kind: z.literal("custom"),
      fallbackLocale: z.enum(FOLLOW_UP_LOCALES).default("en"),
      sources: z.record(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, "Use a language code like en or de-CH"), source),
    }),
  ]),
  discount: personalDiscountSchema.optional(),
});

const followUpRuleWithDiscount = followUpRuleSchema.refine((rule) => !rule.discount || rule.trigger === "apology", {
  message: "Only an apology can carry a discount code",
  path: ["discount"],
});

export type FollowUpRuleParseResult = { ok: true; rule: FollowUpRule } | { ok: false; errors: { path: string; message: string }[] };

/** Validates a follow-up rule from the editor; errors carry dotted paths such as "delay.days". */
export function parseFollowUpRule(input: unknown): FollowUpRuleParseResult {
  const conditions = typeof input === "object" && input !== null && "conditions" in input ? input.conditions : undefined;
  if (isNestedDeeperThan(conditions, MAX_GROUP_DEPTH + 1)) {
    return { ok: false, errors: [{ path: "conditions", message: `Nest condition groups at most ${MAX_GROUP_DEPTH} levels deep` }] };
  }
  const parsed = followUpRuleWithDiscount.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
}

/** A stored rule document; null when it no longer validates (the scheduler then leaves the rule alone). */
export function parseStoredFollowUpRule(json: string): FollowUpRule | null {
  try {
    const parsed = parseFollowUpRule(JSON.parse(json));
    return parsed.ok ? parsed.rule : null;
  } catch {
    return null;
  }
}
