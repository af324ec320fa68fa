import { readFileSync } from "node:fs";
import { afterAll, expect } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { followUpsJobs } from "~/services/follow-ups/follow-ups-jobs.server";
import { closeMailTransports } from "~/services/follow-ups/mail-transport.server";
import { reloadEnv } from "~/utils/env.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { startSmtpSink } from "../support/smtp-sink";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

// Follow-up flows through the real intake and worker: signed webhooks, the scheduler's rows, the sender's scan.

let hook = 0;

/**
 * A real SMTP server on loopback that the sender sends to (SMTP_URL, MAIL_FROM care@kept.test), closed with
 * the mail transports after the file's tests. Call it once at the top of a test file.
 */
export async function startFollowUpSmtpSink() {
  const sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "care@kept.test";
  reloadEnv();
  afterAll(async () => {
    closeMailTransports();
    await sink.close();
  });
  return sink;
}

/** A signed delivery through the intake; returns the intake's answer ("ok", "duplicate", ...). */
export async function deliver(topic: string, payload: unknown, options: WebhookOptions = {}) {
  hook += 1;
  const response = await receiveWebhook(webhookRequest(topic, payload, { webhookId: `fx-${hook}`, ...options }), {
    secret: TEST_ENV.SHOPIFY_API_SECRET,
    maxBytes: 1 << 20,
  });
  expect(response.status).toBe(200);
  return response.body;
}

/**
 * Each test's start: an empty database, the sink emptied and accepting, the example promise settings, and a
 * send window open all day (the sender reads the real clock: with quiet hours a message due "now" would
 * wait for tomorrow in the evening).
 */
export async function freshFollowUpShop(sink: Awaited<ReturnType<typeof startFollowUpSmtpSink>>) {
  await resetDatabase();
  sink.caught.length = 0;
  sink.state.mode = "accept";
  await storePromiseSettings();
  await openSendWindowAllDay();
}

/** The example promise settings (Swedish lanes) in force and published since 1 Jan 2026. */
export async function storePromiseSettings() {
  const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
  await markVersionPublished(TEST_SHOP, 1, new Date("2026-01-01T00:00:00Z"));
}

/** Follow-ups may go out at any hour, so a test does not depend on the hour it runs at. */
export async function openSendWindowAllDay() {
  await prisma.followUpSettings.create({ data: { shop: TEST_SHOP, windowStartMinute: 0, windowEndMinute: 0 } });
}

export type OrderOptions = {
  deliveredAt?: string;
  marketing?: boolean;
  locale?: string;
  email?: string;
  sweden?: boolean;
  customerId?: number;
  firstName?: string;
  shipped?: boolean;
  /** When the order was placed (16 Nov 10:00 CET) and shipped (17 Nov 09:00 CET). */
  placedAt?: string;
  shippedAt?: string;
  lineItems?: unknown[];
};

/** Order `id` placed on 16 Nov 10:00 CET and shipped on the 17th (unless `shipped` is false); delivered at `deliveredAt` when given. Germany unless `sweden` (the example settings promise dates on Swedish lanes; a German order gets no promise). */
export async function placeOrder(id: number, options: OrderOptions = {}) {
  const email = options.email ?? `buyer${id}@example.de`;
  const destination = options.sweden
    ? {}
    : {
        shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
        shipping_lines: [{ title: "DHL Paket", code: "dhl", source: "shopify", price: "4.90" }],
      };
  const at = options.placedAt ?? "2026-11-16T10:00:00+01:00";
  await deliver(
    "orders/create",
    orderPayload(id, {
      name: `#${id}`,
      email,
      customer_locale: options.locale ?? "de",
      buyer_accepts_marketing: options.marketing ?? true,
      customer: { id: options.customerId ?? 500 + id, first_name: options.firstName ?? "Jonas", last_name: "Weber", email },
      created_at: at,
      updated_at: at,
      processed_at: at,
      ...(options.lineItems ? { line_items: options.lineItems } : {}),
      ...destination,
    }),
  );
  const shipped = options.shippedAt ?? "2026-11-17T09:00:00+01:00";
  const shippedLines = options.lineItems ? { line_items: options.lineItems.map((line) => ({ id: (line as { id: number }).id, quantity: 1 })) } : {};
  if (options.shipped !== false)
    await deliver(
      "fulfillments/create",
      fulfillmentPayload(id * 10, id, { created_at: shipped, updated_at: shipped, tracking_company: "DHL", ...shippedLines }),
    );
  if (options.deliveredAt) {
    const delivered = options.deliveredAt;
    await deliver(
      "fulfillment_events/create",
      fulfillmentEventPayload(id * 100, id * 10, id, { status: "delivered", happened_at: delivered, created_at: delivered, updated_at: delivered }),
    );
  }
  await drainJobs();
}

/** A follow-up rule's document: a review request 2 days after arrival unless overridden. */
export const ruleDocument = (rule: Record<string, unknown>) => ({
  id: "review",
  version: 1,
  name: "Review request",
  active: true,
  trigger: "review-request",
  delay: { days: 2, hours: 0 },
  inferredArrivalCounts: true,
  afterBrokenPromise: { action: "send", delayDays: 3 },
  conditions: { op: "and", items: [] },
  message: { kind: "built-in" },
  ...rule,
});

/** A follow-up rule made on 1 Nov (before the orders here, so they are its to speak of): a review request unless overridden. */
export async function addRule(rule: Record<string, unknown>, madeAt = new Date("2026-11-01T00:00:00Z")) {
  const document = ruleDocument(rule);
  await prisma.followUpRule.create({
    data: {
      shop: TEST_SHOP,
      id: document.id as string,
      name: document.name as string,
      trigger: document.trigger as string,
      document: JSON.stringify(document),
      createdAt: madeAt,
    },
  });
}

/** The worker's due scan at `now`, then its queue. */
export async function runFollowUps(now = new Date()) {
  followUpsJobs.scheduled?.[0].run(getWorkerDb(), now);
  await drainJobs();
}

export const followUpRows = () => prisma.followUp.findMany({ where: { shop: TEST_SHOP }, orderBy: { orderGid: "asc" } });
