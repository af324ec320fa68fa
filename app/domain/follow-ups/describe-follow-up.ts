import type { FollowUpTrigger } from "./built-in-messages";
import type { FollowUpRule } from "./follow-up-rule";
import type { FollowUpPlan } from "./plan-follow-up";

// Follow-ups in the merchant's words, for the admin: what a trigger means, a rule's timing in a sentence,
// a row's state, and what a rule would do for an order (the editor's trial).

export const TRIGGER_LABELS: Record<FollowUpTrigger, { label: string; help: string }> = {
  shipped: { label: "Order shipped", help: "When the last parcel of the order has shipped." },
  "shipped-early": {
    label: "Shipped early",
    help: "When the order left before its ship-by date (in your shop's calendar): tell the customer you did something extra.",
  },
  arrived: { label: "Order arrived", help: "When the parcel arrived: confirmed by the carrier, or inferred by Kept if you allow it." },
  "arrived-early": { label: "Arrived early", help: "When the parcel arrived before the promised date." },
  apology: {
    label: "Apology for a late order",
    help: "When a promise is at risk (from when Kept sees it) or late (from the day after the promised date, where the customer is). Never after arrival.",
  },
  "care-advice": { label: "Care advice", help: "Some days after arrival: how to use and care for what they bought." },
  "review-request": { label: "Review request", help: "Some days after arrival, never before it. Needs marketing consent." },
  "did-it-arrive": { label: "Did it arrive?", help: "Some days after the promised date when no arrival was seen." },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 days and 2 hours", "right away". */
export function describeDelay(delay: FollowUpRule["delay"]): string {
  const parts = [delay.days > 0 ? plural(delay.days, "day") : null, delay.hours > 0 ? plural(delay.hours, "hour") : null].filter(Boolean);
  return parts.length === 0 ? "right away" : parts.join(" and ");
}

const WHEN: Record<FollowUpTrigger, string> = {
  shipped: "after the order shipped",
  "shipped-early": "after an order shipped before its ship-by date",
  arrived: "after the order arrived",
  "arrived-early": "after an early arrival",
  apology: "after a promise is at risk or late",
  "care-advice": "after the order arrived",
  "review-request": "after the order arrived",
  "did-it-arrive": "after the promised date with no arrival",
};

/** "3 days after the order arrived". */
export function describeTiming(rule: Pick<FollowUpRule, "trigger" | "delay">): string {
  const delay = describeDelay(rule.delay);
  return delay === "right away" ? `Right away ${WHEN[rule.trigger]}` : `${delay.charAt(0).toUpperCase()}${delay.slice(1)} ${WHEN[rule.trigger]}`;
}

export type Tone = "success" | "info" | "attention" | "warning" | "critical" | undefined;

export const STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  scheduled: { label: "Scheduled", tone: "info" },
  sending: { label: "Sending", tone: "attention" },
  sent: { label: "Sent", tone: "success" },
  skipped: { label: "Held back", tone: undefined },
  cancelled: { label: "Cancelled", tone: undefined },
  failed: { label: "Failed", tone: "critical" },
  unknown: { label: "Not sure it arrived", tone: "warning" },
};

const WAITING: Record<FollowUpTrigger, string> = {
  shipped: "Waits for the order to ship",
  "shipped-early": "Waits for the order to ship",
  arrived: "Waits for the arrival",
  "arrived-early": "Waits for the arrival",
  apology: "Nothing to apologise for",
  "care-advice": "Waits for the arrival",
  "review-request": "Waits for the arrival",
  "did-it-arrive": "Waits for a promised date",
};

export type PlanWords = { kind: "send" | "wait" | "skip" | "cancel" | "no-match" | "before-rule"; label: string; detail: string | null; at: Date | null };

/**
 * What the rule would do for one order, in words. `before` is set when the trigger came before the rule
 * starts (a rule speaks only of what happens after it is made), `matches` false when the conditions leave
 * the order out.
 */
export function describePlan(rule: Pick<FollowUpRule, "trigger">, plan: FollowUpPlan, options: { matches: boolean; before: boolean; now: Date }): PlanWords {
  if (!options.matches) return { kind: "no-match", label: "Not for this order", detail: "The rule's conditions leave it out.", at: null };
  if (options.before && (plan.kind === "send" || plan.kind === "skip")) {
    const would = plan.kind === "send" ? "It would have gone out then" : `It would have been held back: ${plan.reason}`;
    return {
      kind: "before-rule",
      label: "Before the rule",
      detail: `${would}; this happened before the rule starts, so nothing is sent.`,
      at: plan.kind === "send" ? plan.at : null,
    };
  }
  switch (plan.kind) {
    case "wait":
      return { kind: "wait", label: WAITING[rule.trigger], detail: null, at: null };
    case "skip":
      return { kind: "skip", label: "Held back", detail: capitalise(plan.reason), at: null };
    case "cancel":
      return { kind: "cancel", label: "Would not go out", detail: capitalise(plan.reason), at: null };
    case "send":
      return {
        kind: "send",
        label: plan.at.getTime() <= options.now.getTime() ? "Would go out now" : "Would go out",
        detail: null,
        at: plan.at,
      };
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
