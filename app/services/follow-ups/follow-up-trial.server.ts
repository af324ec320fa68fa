import { describePlan, type PlanWords } from "~/domain/follow-ups/describe-follow-up";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { planFollowUp, triggeredAt, type FollowUpFacts } from "~/domain/follow-ups/plan-follow-up";
import { intoSendWindow } from "~/domain/follow-ups/send-window";
import { toRuleOrder } from "~/domain/orders/order-record";
import { compileGroup } from "~/domain/rules/compile-group";
import { applyResolvedFacts, findNeededFacts } from "~/domain/rules/external-facts";
import { PreparedOrder } from "~/domain/rules/prepared-order";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { listOrderFollowUps, loadFollowUpFacts, readFollowUpSettings } from "~/models/follow-ups/follow-up.server";
import { listRecentOrderRecords } from "~/models/orders/order.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { parseFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { formatInZone } from "~/utils/format";
import { readRecordedFacts } from "../inserts/recorded-order-facts.server";
import { apologyState } from "./schedule-follow-ups.server";

// "Try it on recent orders": the rule as edited (unsaved) planned against the shop's latest orders with the
// scheduler's own plan, conditions and send window, read-only, in words.

/** How many of the shop's latest orders the trial looks at. */
const TRIAL_ORDERS = 50;

export type TrialEntry = PlanWords & { orderGid: string; legacyId: string; name: string; customer: string | null; when: string | null };

/** The rule's plan for each recent order; `madeAt` is when the rule starts (now for a rule not saved yet). */
export async function tryFollowUpRule(shop: string, document: unknown, madeAt: Date | null, now: Date) {
  const parsed = parseFollowUpRule(document);
  if (!parsed.ok) return parsed;
  const rule: FollowUpRule = parsed.rule;
  const [orders, info] = await Promise.all([listRecentOrderRecords(shop, TRIAL_ORDERS), getShopInfo(shop)]);
  const zone = info?.timezone ?? "UTC";
  const db = getWorkerDb();
  const settings = readFollowUpSettings(db, shop);
  const window = { startMinute: settings.windowStartMinute, endMinute: settings.windowEndMinute };
  const matches = compileGroup(rule.conditions, []).test;
  const recorded = await readRecordedFacts(
    shop,
    orders.map((order) => ({ orderGid: order.orderGid, customerGid: order.customerGid, createdAt: order.createdAtShopify })),
    findNeededFacts([rule]),
  );
  const starts = new Date((madeAt ?? now).getTime() - rule.lookBackDays * 86_400_000);
  const entries: TrialEntry[] = orders.flatMap((order) => {
    const loaded = loadFollowUpFacts(db, shop, order.orderGid);
    if (!loaded) return [];
    const facts: FollowUpFacts = { ...loaded, apology: apologyState(listOrderFollowUps(db, shop, order.orderGid)) };
    const plan = planFollowUp(rule, facts, now);
    const at = triggeredAt(rule, facts, now);
    const words = describePlan(rule, plan, {
      matches: matches(new PreparedOrder(applyResolvedFacts(toRuleOrder(order), recorded.get(order.orderGid) ?? {}))),
      before: at !== null && at < starts,
      now,
    });
    const sendAt = words.at ? intoSendWindow(words.at, facts.destinationZone, window) : null;
    return [
      {
        ...words,
        at: sendAt,
        when: sendAt ? formatInZone(sendAt, zone) : null,
        orderGid: order.orderGid,
        legacyId: order.legacyId,
        name: order.name,
        customer: order.customerName,
      },
    ];
  });
  const count = (kind: PlanWords["kind"]) => entries.filter((entry) => entry.kind === kind).length;
  return {
    ok: true as const,
    entries,
    summary: {
      orders: entries.length,
      send: count("send"),
      held: count("skip") + count("cancel"),
      waiting: count("wait"),
      before: count("before-rule"),
      noMatch: count("no-match"),
    },
    timeZone: zone,
  };
}
