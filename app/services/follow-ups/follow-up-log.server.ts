import { STATUS_LABELS, TRIGGER_LABELS } from "~/domain/follow-ups/describe-follow-up";
import type { FollowUpTrigger } from "~/domain/follow-ups/built-in-messages";
import {
  decideFollowUps,
  listFollowUpIds,
  listFollowUpLog,
  listOrderFollowUpEntries,
  type FollowUpLogEntry,
  type FollowUpLogFilter,
} from "~/models/follow-ups/follow-up-log.server";
import { listFollowUpRules } from "~/models/follow-ups/follow-up-rules.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { formatInZone } from "~/utils/format";

// The send log and the order page's schedule, in words and in the shop's time zone; and the merchant's
// decisions on the dead letters (try again, send again, cancel).

const PAGE_SIZE = 50;
/** "Retry all" takes at most this many at once; the page says so when there were more. */
const RETRY_ALL_LIMIT = 1000;

function triggerLabel(trigger: string): string {
  return TRIGGER_LABELS[trigger as FollowUpTrigger]?.label ?? trigger;
}

/** One row as the merchant reads it: "Review request: held back, arrived 2 days late". */
function present(entry: FollowUpLogEntry, ruleNames: Map<string, string>, zone: string) {
  const status = STATUS_LABELS[entry.status] ?? { label: entry.status, tone: undefined };
  const when =
    entry.status === "sent"
      ? `Sent ${formatInZone(entry.sentAt, zone)}`
      : entry.status === "scheduled"
        ? `Goes out ${formatInZone(entry.sendAt, zone)}`
        : entry.status === "failed" || entry.status === "unknown"
          ? `Tried ${formatInZone(entry.sendAt, zone)}`
          : null;
  return {
    id: entry.id,
    order: entry.order,
    rule: ruleNames.get(entry.ruleId) ?? triggerLabel(entry.trigger),
    ruleId: entry.ruleId,
    trigger: triggerLabel(entry.trigger),
    status: entry.status,
    statusLabel: status.label,
    tone: status.tone,
    reason: entry.reason,
    when,
    email: entry.email,
    subject: entry.subject,
    marketing: entry.category === "marketing",
    attempts: entry.attempts,
    lastError: entry.status === "failed" || entry.status === "unknown" || (entry.status === "scheduled" && entry.attempts > 0) ? entry.lastError : null,
    canRetry: entry.status === "failed" || entry.status === "unknown",
    canCancel: entry.status === "scheduled",
  };
}

export type FollowUpLogRow = ReturnType<typeof present>;

export async function loadFollowUpLog(shop: string, filter: FollowUpLogFilter, page: number) {
  const [rules, info, result] = await Promise.all([
    listFollowUpRules(shop),
    getShopInfo(shop),
    listFollowUpLog(shop, filter, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  const names = new Map(rules.map((rule) => [rule.id, rule.name]));
  const zone = info?.timezone ?? "UTC";
  return {
    rows: result.entries.map((entry) => present(entry, names, zone)),
    hasNext: result.hasNext,
    page,
    rules: rules.map((rule) => ({ id: rule.id, name: rule.name })),
    timeZone: zone,
  };
}

export async function loadOrderFollowUps(shop: string, orderGid: string) {
  const [entries, rules, info] = await Promise.all([listOrderFollowUpEntries(shop, orderGid), listFollowUpRules(shop), getShopInfo(shop)]);
  const names = new Map(rules.map((rule) => [rule.id, rule.name]));
  return entries.map((entry) => present(entry, names, info?.timezone ?? "UTC"));
}

export type LogDecision = { intent: "retry" | "cancel"; id: string } | { intent: "retry-all"; ruleId?: string };

/** Applies the merchant's decision and says what happened in a sentence. */
export async function decideOnFollowUps(shop: string, decision: LogDecision, now: Date): Promise<{ ok: boolean; message: string }> {
  if (decision.intent === "retry-all") {
    // Only the failed ones: a message whose outcome is unknown may have arrived, and is the merchant's call one by one.
    const failed = await listFollowUpIds(shop, "failed", decision.ruleId, RETRY_ALL_LIMIT);
    const changed = await decideFollowUps(shop, failed, "retry", now);
    if (changed === 0) return { ok: true, message: "Nothing to try again: no message failed." };
    return { ok: true, message: `${changed} message${changed === 1 ? " goes" : "s go"} out again within a minute (in the customer's send window).` };
  }
  const changed = await decideFollowUps(shop, [decision.id], decision.intent, now);
  if (changed === 0) return { ok: false, message: "That message has changed since the page was loaded. Reload to see where it stands." };
  return decision.intent === "cancel"
    ? { ok: true, message: "Cancelled: this message will not go out." }
    : { ok: true, message: "It goes out again within a minute (in the customer's send window)." };
}
