import { randomBytes } from "node:crypto";
import { describeTiming, TRIGGER_LABELS } from "~/domain/follow-ups/describe-follow-up";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { countFollowUpsByRule, getFollowUpRule, listFollowUpRules, setFollowUpRuleArchived } from "~/models/follow-ups/follow-up-rules.server";
import { getFollowUpSettings } from "~/models/follow-ups/follow-up-settings.server";
import { listRecentOrderRecords } from "~/models/orders/order.server";
import { listProductsSeen } from "~/models/inserts/insert-rule-orders.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { getEnv } from "~/utils/env.server";
import { formatInZone } from "~/utils/format";

// The Follow-ups page and the rule editor's data: every rule with what it did (scheduled, sent, held back by
// reason, failed), whether email is set up at all, and for the editor a blank or stored rule with recent orders.

type RuleState = "active" | "paused" | "archived" | "invalid";

/** Whether mail can go out from this Kept: without SMTP_URL rules still schedule, and nothing is sent. */
function isEmailSetUp(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export async function loadFollowUpsOverview(shop: string) {
  const [rules, counts, settings, info] = await Promise.all([
    listFollowUpRules(shop),
    countFollowUpsByRule(shop),
    getFollowUpSettings(shop),
    getShopInfo(shop),
  ]);
  const zone = info?.timezone ?? "UTC";
  const countOf = (ruleId: string, status: string) =>
    counts.byStatus.filter((row) => row.ruleId === ruleId && row.status === status).reduce((sum, row) => sum + row.count, 0);
  return {
    emailReady: isEmailSetUp(),
    settingsSaved: settings.saved,
    senderEmail: settings.senderEmail,
    rules: rules.map((row) => {
      const state: RuleState = row.archivedAt ? "archived" : !row.rule ? "invalid" : row.active ? "active" : "paused";
      return {
        id: row.id,
        name: row.name,
        state,
        trigger: row.rule ? TRIGGER_LABELS[row.rule.trigger].label : null,
        timing: row.rule ? describeTiming(row.rule) : null,
        since: formatInZone(row.createdAt, zone),
        version: row.version,
        scheduled: countOf(row.id, "scheduled") + countOf(row.id, "sending"),
        sent: countOf(row.id, "sent"),
        held: countOf(row.id, "skipped"),
        cancelled: countOf(row.id, "cancelled"),
        failed: countOf(row.id, "failed"),
        unknown: countOf(row.id, "unknown"),
        heldBy: counts.skippedByReason
          .filter((entry) => entry.ruleId === row.id)
          .sort((a, b) => b.count - a.count)
          .slice(0, 3)
          .map((entry) => ({ reason: entry.reason, count: entry.count })),
      };
    }),
  };
}

function blankRule(): FollowUpRule {
  return {
    id: `follow-up-${randomBytes(5).toString("hex")}`,
    version: 1,
    name: "",
    active: true,
    trigger: "review-request",
    delay: { days: 7, hours: 0 },
    inferredArrivalCounts: true,
    lookBackDays: 0,
    sequence: null,
    afterBrokenPromise: { action: "apology-first", delayDays: 3 },
    conditions: { op: "and", items: [] },
    message: { kind: "built-in" },
  };
}

/** The editor's data for rule `id` ("new" for a blank one); null when the shop has no such rule. */
export async function loadFollowUpRuleEditor(shop: string, id: string) {
  const [stored, orders, products, info, settings] = await Promise.all([
    id === "new" ? null : getFollowUpRule(shop, id),
    listRecentOrderRecords(shop, 20),
    listProductsSeen(shop),
    getShopInfo(shop),
    getFollowUpSettings(shop),
  ]);
  if (id !== "new" && !stored?.rule) return null;
  const zone = info?.timezone ?? "UTC";
  return {
    rule: stored?.rule ?? blankRule(),
    baseVersion: stored?.version ?? 0,
    archivedAt: stored?.archivedAt ? formatInZone(stored.archivedAt, zone) : null,
    since: stored ? formatInZone(stored.createdAt, zone) : null,
    madeAt: stored?.createdAt.toISOString() ?? null,
    orders: orders.map((order) => ({ orderGid: order.orderGid, name: order.name, customer: order.customerName, locale: order.customerLocale })),
    products,
    currency: info?.currency ?? "",
    emailReady: isEmailSetUp(),
    reviewUrlSet: settings.reviewUrlTemplate !== null,
    testAddress: settings.replyTo ?? settings.senderEmail ?? "",
  };
}

/** Archive or restore from the rules list, in a sentence. */
export async function archiveFollowUpRule(shop: string, id: string, archived: boolean, now: Date): Promise<{ ok: boolean; message: string }> {
  if (!(await setFollowUpRuleArchived(shop, id, archived, now))) return { ok: false, message: "There is no such rule in this shop." };
  return archived
    ? { ok: true, message: "Rule archived: it sends nothing more, and what it had scheduled is cancelled when due. Restore it from the list." }
    : { ok: true, message: "Rule restored: it sends again what it schedules from now on." };
}
