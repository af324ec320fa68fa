import { BUILT_IN_MESSAGES, categoryOf, type FollowUpTrigger } from "~/domain/follow-ups/built-in-messages";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { laterStepSent, planFollowUp, type FollowUpFacts } from "~/domain/follow-ups/plan-follow-up";
import { renderMessage, type MessageData } from "~/domain/follow-ups/render-message";
import { intoSendWindow } from "~/domain/follow-ups/send-window";
import type { OrderRecord } from "~/domain/orders/order-record";
import { formatDateForLocale } from "~/domain/templates/format-date-for-locale";
import type { SqliteDb } from "~/models/db/sqlite.server";
import {
  findFollowUp,
  findFollowUpRule,
  findTracking,
  isSuppressed,
  listActiveFollowUpRules,
  listOrderFollowUps,
  loadFollowUpFacts,
  readFollowUpSettings,
  type ClaimedFollowUp,
  type FollowUpSendSettings,
  type SendResult,
} from "~/models/follow-ups/follow-up.server";
import { readOrderRecord } from "~/models/orders/order.server";
import { codeForMessage, marketingHold } from "./apology-code.server";
import type { MailSender } from "./mail-transport.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

// One claimed follow-up, from its `sending` row to its outcome: the plan again on fresh facts (a
// cancellation or an arrival since it was scheduled wins), the address's suppression, consent and cap, the
// message in the customer's language, and SMTP. Returns what to record; never throws for SMTP.

const DAY_MS = 86_400_000;
/** Transient SMTP refusals are tried this many times in all, then the row is the dead letter (`failed`). */
const MAX_SEND_ATTEMPTS = 5;
/** A row whose code is not settled yet (it became due while its code step ran) is looked at again after this. */
const CODE_WAIT_MS = 60_000;

export type SendContext = { send: MailSender; appUrl: string; secret: string; defaultFrom: string | null };

/** Minutes of backoff after the nth failed attempt: 1, 5, 25, 125 minutes. */
const backoffMs = (attempts: number) => 60_000 * 5 ** Math.max(0, attempts - 1);

function shopName(shop: string, settings: FollowUpSendSettings): string {
  if (settings.senderName) return settings.senderName;
  const handle = shop.replace(/\.myshopify\.com$/, "").replace(/[-_]+/g, " ");
  return handle.charAt(0).toUpperCase() + handle.slice(1);
}

/** Products an email lists at most: a 250-line wholesale order is not 250 care notes. */
const EMAIL_PRODUCTS = 10;

/** The order's products for an email: each product once (lines of one product, or one title, fold), the first few. */
function emailProducts(lines: OrderRecord["lines"]): OrderRecord["lines"] {
  const seen = new Set<string>();
  return lines
    .filter((line) => {
      const key = line.productGid ?? `title:${line.title}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, EMAIL_PRODUCTS);
}

export function messageData(args: {
  order: OrderRecord;
  facts: FollowUpFacts;
  settings: FollowUpSendSettings;
  shop: string;
  locale: string;
  tracking: ReturnType<typeof findTracking>;
  unsubscribeUrl: string;
}): MessageData {
  const { order, facts, settings, locale } = args;
  const date = (value: Date | string | null) =>
    value === null ? null : formatDateForLocale(typeof value === "string" ? value : value.toISOString(), locale, facts.destinationZone);
  const reviewUrl = (line: OrderRecord["lines"][number] | null) =>
    settings.reviewUrlTemplate
      ? settings.reviewUrlTemplate
          .replaceAll("{{ order.legacy_id }}", encodeURIComponent(order.legacyId))
          .replaceAll("{{ product.legacy_id }}", encodeURIComponent(line?.productGid?.split("/").pop() ?? ""))
      : null;
  return {
    customer: { first_name: order.customerFirstName },
    order: { name: order.name },
    shop: { name: shopName(args.shop, settings), email: settings.replyTo ?? settings.senderEmail },
    promised_on: date(facts.promisedDate),
    shipped_on: date(facts.shippedAt),
    arrived_on: facts.arrival.kind === "none" ? null : date(facts.arrival.at),
    days_early: facts.daysEarly === null ? null : Math.abs(facts.daysEarly),
    late: facts.verdict === "late",
    tracking_url: args.tracking?.url ?? null,
    tracking_number: args.tracking?.number ?? null,
    carrier: args.tracking?.carrier ?? null,
    products: emailProducts(order.lines).map((line) => ({
      title: line.title,
      care: null,
      review_url: settings.reviewUrlTemplate?.includes("{{ product.") ? reviewUrl(line) : null,
      image_url: null,
    })),
    review_url: settings.reviewUrlTemplate && !settings.reviewUrlTemplate.includes("{{ product.") ? reviewUrl(null) : null,
    code: null,
    code_expires_on: null,
    unsubscribe_url: args.unsubscribeUrl,
    accent_color: "#2c6ecb",
  };
}

export function sourcesOf(rule: FollowUpRule) {
  return rule.message.kind === "built-in"
    ? { sources: BUILT_IN_MESSAGES[rule.trigger as FollowUpTrigger].sources, fallbackLocale: "en" }
    : { sources: rule.message.sources, fallbackLocale: rule.message.fallbackLocale };
}

/** Everything the sender reads about a row, fresh: the row, its rule, the order's facts and the shop's settings. */
export type SendState = { row: ClaimedFollowUp; rule: FollowUpRule; facts: FollowUpFacts; order: OrderRecord; settings: FollowUpSendSettings };

/** The row's state now, or what becomes of a row whose rule or order is gone. */
export function loadSendState(db: SqliteDb, shop: string, id: string): SendState | SendResult {
  const row = findFollowUp(db, shop, id);
  if (!row) return { status: "cancelled", reason: "the follow-up is gone" };
  const found = findFollowUpRule(db, shop, row.ruleId);
  if (!found?.rule || !found.live) return { status: "cancelled", reason: "the rule was switched off or removed" };
  const loaded = loadFollowUpFacts(db, shop, row.orderGid);
  const order = readOrderRecord(db, shop, row.orderGid);
  if (!loaded || !order) return { status: "cancelled", reason: "the order is gone" };
  const apologies = listOrderFollowUps(db, shop, row.orderGid).filter((entry) => entry.trigger === "apology");
  const apology = apologies.some((entry) => entry.status === "sent")
    ? "sent"
    : apologies.some((entry) => entry.status === "scheduled" || entry.status === "sending")
      ? "pending"
      : "none";
  return { row, rule: found.rule, facts: { ...loaded, apology }, order, settings: readFollowUpSettings(db, shop) };
}

/** Whether the row may go out now, and if not what becomes of it. Null: send. */
/** The rules whose message the order already got (for its sequences). */
function sentRulesOf(db: SqliteDb, shop: string, orderGid: string): FollowUpRule[] {
  const sent = new Set(
    listOrderFollowUps(db, shop, orderGid)
      .filter((entry) => entry.status === "sent")
      .map((entry) => entry.ruleId),
  );
  if (sent.size === 0) return [];
  return listActiveFollowUpRules(db, shop).flatMap((entry) => (sent.has(entry.rule.id) ? [entry.rule] : []));
}

export function gate(db: SqliteDb, state: SendState, now: Date): SendResult | null {
  const { row, rule, facts, order, settings } = state;
  const plan = planFollowUp(rule, facts, now);
  if (plan.kind === "skip") return { status: "skipped", reason: plan.reason };
  if (plan.kind === "cancel") return { status: "cancelled", reason: plan.reason };
  if (plan.kind === "wait")
    return { status: "scheduled", sendAt: new Date(now.getTime() + DAY_MS), lastError: null, reason: "waits for the apology to go out first" };
  const later = laterStepSent(rule, sentRulesOf(db, row.shop, row.orderGid));
  if (later) return { status: "cancelled", reason: `a later message of the sequence was already sent (${later})` };
  const window = { startMinute: settings.windowStartMinute, endMinute: settings.windowEndMinute };
  // A moved trigger (a later arrival) or quiet hours now where the customer is: later, not now.
  const due = intoSendWindow(plan.floating ? now : new Date(Math.max(plan.at.getTime(), now.getTime())), facts.destinationZone, window);
  if (due.getTime() > now.getTime()) return { status: "scheduled", sendAt: due, lastError: null };
  const email = (order.email ?? "").toLowerCase();
  if (isSuppressed(db, row.shop, email)) return { status: "skipped", reason: "the address unsubscribed from this shop's follow-ups" };
  if (row.category === "marketing") {
    const hold = marketingHold(db, state, now);
    if (hold?.kind === "consent") return { status: "skipped", reason: hold.reason };
    if (hold?.kind === "cap")
      return { status: "scheduled", sendAt: intoSendWindow(hold.until, facts.destinationZone, window), lastError: null, reason: hold.reason };
  }
  return null;
}

/** Works out and sends the claimed row; what it returns is recorded by the caller with the job's completion. */
export async function sendClaimedFollowUp(db: SqliteDb, shop: string, id: string, context: SendContext, now: Date): Promise<SendResult> {
  const state = loadSendState(db, shop, id);
  if ("status" in state) return state;
  const held = gate(db, state, now);
  if (held) return held;
  const { row, rule, facts, order, settings } = state;
  // An apology goes with its code only once Shopify made it (create-apology-code.server.ts), never promising one it lacks.
  const code = codeForMessage(db, state, now);
  if (code.kind === "waiting")
    return { status: "scheduled", sendAt: new Date(now.getTime() + CODE_WAIT_MS), lastError: null, reason: "waits for its discount code" };
  const to = order.email as string;
  const locale = order.customerLocale ?? "en";
  const unsubscribeUrl = `${context.appUrl}/unsubscribe/${unsubscribeToken({ shop, email: to, locale }, context.secret)}`;
  const data = messageData({ order, facts, settings, shop, locale, tracking: findTracking(db, shop, row.orderGid), unsubscribeUrl });
  if (code.kind === "code")
    Object.assign(data, { code: code.code, code_expires_on: formatDateForLocale(code.expiresAt.toISOString(), locale, facts.destinationZone) });
  const rendered = await renderMessage({ ...sourcesOf(rule), locale, data });
  if (!rendered.ok) return { status: "failed", lastError: rendered.error, toEmail: to };
  const fromAddress = settings.senderEmail ?? context.defaultFrom ?? `no-reply@${shop}`;
  const outcome = await context.send({
    from: `"${data.shop.name.replace(/"/g, "'")}" <${fromAddress}>`,
    to,
    replyTo: settings.replyTo ?? undefined,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: row.messageId,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Content-Language": rendered.localeUsed,
      "X-Kept-Follow-Up": row.id,
    },
  });
  if (outcome.kind === "accepted") {
    const sent = { status: "sent", toEmail: to, locale: rendered.localeUsed, subject: rendered.subject, smtpResponse: outcome.response } as const;
    if (code.kind === "code") return { ...sent, category: categoryOf("apology", true) };
    return code.kind === "without" ? { ...sent, reason: code.reason } : sent;
  }
  if (outcome.kind === "unknown") return { status: "unknown", lastError: outcome.error, toEmail: to };
  if (outcome.permanent || row.attempts >= MAX_SEND_ATTEMPTS) return { status: "failed", lastError: outcome.error, toEmail: to };
  return { status: "scheduled", sendAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: outcome.error };
}
