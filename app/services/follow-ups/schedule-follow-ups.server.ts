import { categoryOf } from "~/domain/follow-ups/built-in-messages";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { planFollowUp, triggeredAt, type FollowUpFacts } from "~/domain/follow-ups/plan-follow-up";
import { intoSendWindow } from "~/domain/follow-ups/send-window";
import { toRuleOrder } from "~/domain/orders/order-record";
import { compileGroup } from "~/domain/rules/compile-group";
import { applyResolvedFacts, findNeededFacts, needsAnyFact } from "~/domain/rules/external-facts";
import { PreparedOrder } from "~/domain/rules/prepared-order";
import { readOncePerTransaction, type SqliteDb } from "~/models/db/sqlite.server";
import {
  insertFollowUp,
  listActiveFollowUpRules,
  listOrderFollowUps,
  loadFollowUpFacts,
  readFollowUpSettings,
  updateScheduledFollowUp,
  type StoredFollowUp,
} from "~/models/follow-ups/follow-up.server";
import { readRuleFacts } from "~/models/orders/customer-history.server";
import { readOrderRecord } from "~/models/orders/order.server";

// The scheduler: after every change to an order (its webhook, a fulfillment, a scan, a deadline the sweep
// sees pass) each active rule is planned against the order's stored facts, in the same transaction, and the
// order's row for the rule is made or moved. Rows past `scheduled` are never touched here: what was sent,
// skipped or cancelled stays so. Order-tolerant by construction: the plan reads only stored facts, which
// never go backwards (docs/outcomes.md), so events late, twice or out of order give the same rows.

/**
 * The order's apology, for review requests that go out only after one. An apology is planned only before
 * arrival and a review request only after it, so an order with no apology row by then gets none.
 */
export function apologyState(rows: StoredFollowUp[]): FollowUpFacts["apology"] {
  const apologies = rows.filter((row) => row.trigger === "apology");
  if (apologies.some((row) => row.status === "sent")) return "sent";
  if (apologies.some((row) => row.status === "scheduled" || row.status === "sending")) return "pending";
  return "none";
}

/**
 * A plan that would move a row back to a time already past, before the time it has now: the sender moved it
 * later (the customer's quiet hours, the marketing cap, a retry's backoff) and that stands.
 */
const isPulledBack = (planned: Date, current: Date, now: Date) => planned.getTime() < current.getTime() && planned.getTime() <= now.getTime();

const DAY_MS = 86_400_000;

const compiled = new Map<string, (order: PreparedOrder) => boolean>();

/** The rule's conditions compiled once per version; null when it has none (every order matches). */
function matcher(shop: string, rule: FollowUpRule): ((order: PreparedOrder) => boolean) | null {
  if (rule.conditions.items.length === 0) return null;
  const key = `${shop}\n${rule.id}\n${rule.version}`;
  let test = compiled.get(key);
  if (!test) {
    test = compileGroup(rule.conditions, []).test;
    if (compiled.size > 5000) compiled.clear();
    compiled.set(key, test);
  }
  return test;
}

/**
 * Plans every active rule of the shop for the order at `now`, writing the order's FollowUp rows. `editedRuleId`:
 * the merchant just changed that rule (its delay, say), so its row moves to the new plan even when that is
 * earlier, to now at the soonest; only a retry's backoff stays.
 */
export function scheduleFollowUps(db: SqliteDb, shop: string, orderGid: string, now: Date, editedRuleId: string | null = null): void {
  // The shop's rules and settings change only through the admin's writes, which wait for this transaction.
  const rules = readOncePerTransaction(db, `follow-up rules\n${shop}`, () => listActiveFollowUpRules(db, shop));
  if (rules.length === 0) return;
  const facts = loadFollowUpFacts(db, shop, orderGid);
  if (!facts) return;
  const rows = listOrderFollowUps(db, shop, orderGid);
  // Read only when needed: the order with its lines for a rule with conditions, the send window for a send
  // (after every order event, for every order, these reads were a third of the scheduler's cost). First
  // order, Nth order, customer tags: from what the inserts pipeline stored from Shopify, else Kept's history.
  let order: PreparedOrder | null | undefined;
  const orderForRules = () => {
    if (order === undefined) {
      const record = readOrderRecord(db, shop, orderGid);
      const needed = findNeededFacts(rules.map((entry) => entry.rule));
      const ruleOrder = record && toRuleOrder(record);
      order =
        !record || !ruleOrder
          ? null
          : new PreparedOrder(
              needsAnyFact(needed)
                ? applyResolvedFacts(
                    ruleOrder,
                    readRuleFacts(db, shop, { orderGid, customerGid: record.customerGid, createdAt: record.createdAtShopify }, needed),
                  )
                : ruleOrder,
            );
    }
    return order;
  };
  let window: { startMinute: number; endMinute: number } | undefined;
  const sendWindow = () => {
    if (!window) {
      const settings = readOncePerTransaction(db, `follow-up settings\n${shop}`, () => readFollowUpSettings(db, shop));
      window = { startMinute: settings.windowStartMinute, endMinute: settings.windowEndMinute };
    }
    return window;
  };
  const full: FollowUpFacts = { ...facts, apology: apologyState(rows) };
  for (const { rule, madeAt } of rules) {
    const row = rows.find((entry) => entry.ruleId === rule.id);
    if (row && row.status !== "scheduled") continue;
    if (!row) {
      // A rule speaks from when it was made: no row for an order whose trigger came before the rule.
      const at = triggeredAt(rule, full, now);
      if (at && at.getTime() < madeAt.getTime() - rule.lookBackDays * DAY_MS) continue;
    }
    const test = matcher(shop, rule);
    const prepared = test && orderForRules();
    if (test && (!prepared || !test(prepared))) {
      if (row) updateScheduledFollowUp(db, shop, row.id, { status: "cancelled", reason: "the order no longer matches the rule" }, now);
      continue;
    }
    const plan = planFollowUp(rule, full, now);
    const base = { orderGid, customerGid: facts.customerGid, rule, category: categoryOf(rule.trigger, false) };
    if (plan.kind === "send") {
      const sendAt = intoSendWindow(plan.at, facts.destinationZone, sendWindow());
      if (!row) insertFollowUp(db, shop, { ...base, status: "scheduled", sendAt, reason: null }, now);
      else if (rule.id === editedRuleId && row.attempts === 0) {
        const moved = isPulledBack(sendAt, row.sendAt, now) ? intoSendWindow(now, facts.destinationZone, sendWindow()) : sendAt;
        if (moved.getTime() !== row.sendAt.getTime()) updateScheduledFollowUp(db, shop, row.id, { status: "scheduled", sendAt: moved, reason: null }, now);
      } else if (!plan.floating && row.sendAt.getTime() !== sendAt.getTime() && !isPulledBack(sendAt, row.sendAt, now))
        updateScheduledFollowUp(db, shop, row.id, { status: "scheduled", sendAt, reason: null }, now);
    } else if (plan.kind === "skip") {
      if (!row) insertFollowUp(db, shop, { ...base, status: "skipped", sendAt: now, reason: plan.reason }, now);
      else updateScheduledFollowUp(db, shop, row.id, { status: "skipped", reason: plan.reason }, now);
    } else if (plan.kind === "cancel" && row) {
      updateScheduledFollowUp(db, shop, row.id, { status: "cancelled", reason: plan.reason }, now);
    }
  }
}
