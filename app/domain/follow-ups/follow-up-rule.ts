import type { ConditionGroup } from "../rules/rule-model";
import type { FollowUpLocale, FollowUpTrigger, MessageSource } from "./built-in-messages";

/**
 * A follow-up rule (docs/follow-ups.md): when a message goes out (`trigger` plus `delay`), to which orders
 * (`conditions`, the insert rules' model), and what it says (the built-in message in the customer's language,
 * or the merchant's own Liquid per locale). `afterBrokenPromise` is what a review request or care advice does
 * when the promise was broken: send anyway, skip, wait `delayDays` more, or go out only after an apology.
 * An apology may carry a personal discount code (`discount`), made in Shopify just before it goes out.
 */
export type FollowUpRule = {
  id: string;
  version: number;
  name: string;
  active: boolean;
  trigger: FollowUpTrigger;
  delay: { days: number; hours: number };
  /** Whether an arrival Kept inferred (the carrier never confirmed) counts as arrived. */
  inferredArrivalCounts: boolean;
  /**
   * A rule speaks from when it was made; this many days before that too, for orders Kept already has (a review
   * request for the parcels that arrived last week). The rows for them are made when the rule is saved.
   */
  lookBackDays: number;
  /**
   * Rules with the same sequence name are steps of one conversation with the customer (care advice, then a
   * review request): a step that would go out after a later step was already sent to the order is cancelled.
   */
  sequence: { name: string; step: number } | null;
  afterBrokenPromise: { action: "send" | "skip" | "delay" | "apology-first"; delayDays: number };
  conditions: ConditionGroup;
  message: { kind: "built-in" } | { kind: "custom"; fallbackLocale: FollowUpLocale; sources: Record<string, MessageSource> };
  /** Apologies only: a single-use code for the customer's next order, valid `expiresInDays` from when it is made. */
  discount?: ApologyDiscount;
};

/** `value` is a decimal string: "10" (percent) or "5.00" (the shop's currency). `prefix` replaces the first name in the code. */
type ApologyDiscount = { kind: "percentage" | "fixed_amount"; value: string; expiresInDays: number; prefix?: string };
