import { randomUUID } from "node:crypto";
import { categoryOf } from "~/domain/follow-ups/built-in-messages";
import type { FollowUpFacts } from "~/domain/follow-ups/plan-follow-up";
import { renderMessage } from "~/domain/follow-ups/render-message";
import { formatDateForLocale } from "~/domain/templates/format-date-for-locale";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { findTracking, listOrderFollowUps, loadFollowUpFacts, readFollowUpSettings } from "~/models/follow-ups/follow-up.server";
import { readOrderRecord } from "~/models/orders/order.server";
import { parseFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { getEnv } from "~/utils/env.server";
import { choosePersonalCode } from "../inserts/personal-code.server";
import { smtpSender } from "./mail-transport.server";
import { apologyState } from "./schedule-follow-ups.server";
import { messageData, sourcesOf } from "./send-follow-up.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

// The editor's preview of the rule as edited, rendered for one of the shop's real orders in the customer's
// language (or one the merchant picks), and "send a test to me": that message to the merchant's address,
// marked as a test, outside the outbox (it is not the customer's message and is not recorded as one).

export type PreviewRequest = { document: unknown; orderGid: string; locale: string | null };

type Preview =
  | { ok: true; subject: string; html: string; text: string; localeUsed: string; to: string | null; orderName: string; category: string }
  | { ok: false; message: string };

async function render(shop: string, request: PreviewRequest, recipient: string | null): Promise<Preview> {
  const parsed = parseFollowUpRule(request.document);
  if (!parsed.ok) return { ok: false, message: "Fix the rule's problems first: the preview needs a complete rule." };
  const db = getWorkerDb();
  const order = readOrderRecord(db, shop, request.orderGid);
  const loaded = order && loadFollowUpFacts(db, shop, request.orderGid);
  if (!order || !loaded) return { ok: false, message: "That order is not in Kept any more. Choose another one." };
  const facts: FollowUpFacts = { ...loaded, apology: apologyState(listOrderFollowUps(db, shop, request.orderGid)) };
  const env = getEnv();
  const locale = request.locale ?? order.customerLocale ?? "en";
  const to = recipient ?? order.email ?? "";
  const unsubscribeUrl = `${env.SHOPIFY_APP_URL.replace(/\/$/, "")}/unsubscribe/${unsubscribeToken({ shop, email: to, locale }, env.SHOPIFY_API_SECRET)}`;
  const settings = readFollowUpSettings(db, shop);
  const data = messageData({ order, facts, settings, shop, locale, tracking: findTracking(db, shop, request.orderGid), unsubscribeUrl });
  // An apology with a discount shows an example code of the same shape; the real one is made when it goes out.
  const discount = parsed.rule.trigger === "apology" ? parsed.rule.discount : undefined;
  if (discount) {
    const expiresAt = new Date(Date.now() + discount.expiresInDays * 86_400_000).toISOString();
    data.code = choosePersonalCode({ prefix: discount.prefix, firstName: order.customerFirstName });
    data.code_expires_on = formatDateForLocale(expiresAt, locale, facts.destinationZone);
  }
  const rendered = await renderMessage({ ...sourcesOf(parsed.rule), locale, data });
  if (!rendered.ok) return { ok: false, message: `The message could not be rendered: ${rendered.error}` };
  const category = categoryOf(parsed.rule.trigger, discount !== undefined);
  return {
    ok: true,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    localeUsed: rendered.localeUsed,
    to: order.email,
    orderName: order.name,
    category,
  };
}

/** The message as the order's customer would get it. */
export function previewFollowUp(shop: string, request: PreviewRequest): Promise<Preview> {
  return render(shop, request, null);
}

/** Sends the previewed message to `to` with "[Test]" before its subject; says what happened in a sentence. */
export async function sendTestFollowUp(shop: string, request: PreviewRequest, to: string): Promise<{ ok: boolean; message: string }> {
  const env = getEnv();
  if (!env.SMTP_URL) return { ok: false, message: "Email is not set up for Kept yet (SMTP_URL), so nothing can be sent. The preview shows what would go out." };
  const preview = await render(shop, request, to);
  if (!preview.ok) return preview;
  const settings = readFollowUpSettings(getWorkerDb(), shop);
  const from = settings.senderEmail ?? env.MAIL_FROM ?? `no-reply@${shop}`;
  const outcome = await smtpSender(env.SMTP_URL)({
    from,
    to,
    replyTo: settings.replyTo ?? undefined,
    subject: `[Test] ${preview.subject}`,
    html: preview.html,
    text: preview.text,
    messageId: `<test-${randomUUID()}@${shop}>`,
    headers: { "X-Kept-Test": "1" },
  });
  if (outcome.kind === "accepted")
    return { ok: true, message: `Test sent to ${to}: "${preview.subject}" in ${preview.localeUsed}, as for order ${preview.orderName}.` };
  if (outcome.kind === "unknown")
    return { ok: false, message: `The mail server did not answer, so it is not sure the test reached ${to}. Check the inbox before trying again.` };
  return { ok: false, message: `The mail server refused the test: ${outcome.error}` };
}
