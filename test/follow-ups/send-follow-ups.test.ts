import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { followUpsJobs } from "~/services/follow-ups/follow-ups-jobs.server";
import { closeMailTransports, smtpSender } from "~/services/follow-ups/mail-transport.server";
import { readUnsubscribeToken } from "~/services/follow-ups/unsubscribe-token.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { headerOf, startSmtpSink } from "../support/smtp-sink";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { reloadEnv } from "~/utils/env.server";
import { webhookRequest } from "../support/webhooks";

// Follow-ups end to end: signed webhooks through the intake and the worker, the scheduler's rows, and the
// sender through nodemailer to a real SMTP server on loopback, counting what arrives there.

const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.MAIL_FROM = "care@kept.test";
reloadEnv();

afterAll(async () => {
  closeMailTransports();
  await sink.close();
});

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
let hook = 0;

async function deliver(topic: string, payload: unknown) {
  hook += 1;
  const response = await receiveWebhook(webhookRequest(topic, payload, { webhookId: `fu-${hook}` }), {
    secret: TEST_ENV.SHOPIFY_API_SECRET,
    maxBytes: 1 << 20,
  });
  expect(response.status).toBe(200);
}

/** An order placed in Germany on 16 Nov, shipped on the 17th and delivered on `deliveredAt` (or not). */
async function placeOrder(
  id: number,
  options: { deliveredAt?: string; marketing?: boolean; locale?: string; email?: string; sweden?: boolean; customerId?: number; placedAt?: string } = {},
) {
  // The example settings promise dates on Swedish lanes; a German order gets no promise.
  const destination = options.sweden
    ? {}
    : {
        shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
        shipping_lines: [{ title: "DHL Paket", code: "dhl", source: "shopify", price: "4.90" }],
      };
  await deliver(
    "orders/create",
    orderPayload(id, {
      name: `#${id}`,
      email: options.email ?? `buyer${id}@example.de`,
      customer_locale: options.locale ?? "de",
      buyer_accepts_marketing: options.marketing ?? true,
      customer: { id: options.customerId ?? 500 + id, first_name: "Jonas", last_name: "Weber", email: options.email ?? `buyer${id}@example.de` },
      created_at: options.placedAt ?? "2026-11-16T10:00:00+01:00",
      updated_at: "2026-11-16T10:00:00+01:00",
      processed_at: "2026-11-16T10:00:00+01:00",
      ...destination,
    }),
  );
  await deliver(
    "fulfillments/create",
    fulfillmentPayload(id * 10, id, { created_at: "2026-11-17T09:00:00+01:00", updated_at: "2026-11-17T09:00:00+01:00", tracking_company: "DHL" }),
  );
  if (options.deliveredAt) {
    await deliver(
      "fulfillment_events/create",
      fulfillmentEventPayload(id * 100, id * 10, id, {
        status: "delivered",
        happened_at: options.deliveredAt,
        created_at: options.deliveredAt,
        updated_at: options.deliveredAt,
      }),
    );
  }
  await drainJobs();
}

/** A rule made on `madeAt` (by default before the orders here, so they are its to speak of). */
async function addRule(rule: Record<string, unknown>, madeAt = new Date("2026-11-01T00:00:00Z")) {
  const document = {
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
  };
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
async function runFollowUps(now = new Date()) {
  followUpsJobs.scheduled?.[0].run(getWorkerDb(), now);
  await drainJobs();
}

const rowsOf = () => prisma.followUp.findMany({ where: { shop: TEST_SHOP }, orderBy: { orderGid: "asc" } });

beforeEach(async () => {
  await resetDatabase();
  sink.caught.length = 0;
  sink.state.mode = "accept";
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
  await markVersionPublished(TEST_SHOP, 1, new Date("2026-01-01T00:00:00Z"));
});

describe("a review request", () => {
  it("goes out once, after the parcel really arrived, in the buyer's language, with one-click unsubscribe", async () => {
    await addRule({});
    await placeOrder(4001);
    // Shipped but not arrived: nothing is planned
    expect(await rowsOf()).toEqual([]);
    await placeOrder(4001, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    const [row] = await rowsOf();
    // Arrival + 2 days is 17:00 on 21 Nov in Berlin, inside the send window
    expect(row).toMatchObject({ status: "scheduled", trigger: "review-request", category: "marketing", sendAt: new Date("2026-11-21T14:00:00Z") });
    await runFollowUps();
    await runFollowUps();
    expect(sink.caught).toHaveLength(1);
    const [mail] = sink.caught;
    expect(mail.to).toEqual(["buyer4001@example.de"]);
    expect(headerOf(mail, "Subject")).toBe("Wie gefällt Ihnen Ihre Bestellung #4001?");
    expect(headerOf(mail, "From")).toBe("Shop a <care@kept.test>");
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(headerOf(mail, "Message-ID")).toBe(row.messageId);
    expect(headerOf(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = /<(https:\/\/kept\.test\/unsubscribe\/([^>]+))>/.exec(headerOf(mail, "List-Unsubscribe") ?? "");
    expect(link && readUnsubscribeToken(link[2], TEST_ENV.SHOPIFY_API_SECRET)).toEqual({ shop: TEST_SHOP, email: "buyer4001@example.de", locale: "de" });
    expect(await rowsOf()).toMatchObject([{ status: "sent", locale: "de", toEmail: "buyer4001@example.de" }]);
    // A replayed delivered scan changes nothing
    await placeOrder(4001, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await runFollowUps();
    expect(sink.caught).toHaveLength(1);
  });

  it("speaks only of what happens after the rule was made: an order that arrived before it gets nothing", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } }, new Date("2026-11-20T00:00:00Z"));
    await placeOrder(1041, { deliveredAt: "2026-11-19T14:00:00+01:00" });
    await placeOrder(1042, { deliveredAt: "2026-11-21T14:00:00+01:00" });
    const rows = await rowsOf();
    expect(rows.map((row) => row.orderGid)).toEqual(["gid://shopify/Order/1042"]);
  });

  it("reads the customer's order count for a first-order rule from Kept's history", async () => {
    await addRule({
      id: "first",
      name: "First order",
      trigger: "arrived",
      delay: { days: 0, hours: 0 },
      conditions: { op: "and", items: [{ kind: "first-order" }] },
    });
    await placeOrder(1051, { customerId: 777, placedAt: "2026-11-15T10:00:00+01:00", deliveredAt: "2026-11-19T14:00:00+01:00" });
    await placeOrder(1052, { customerId: 777, deliveredAt: "2026-11-20T14:00:00+01:00" });
    const rows = await rowsOf();
    expect(rows.map((row) => row.orderGid)).toEqual(["gid://shopify/Order/1051"]);
  });

  it("is skipped, with the reason, for a buyer who did not agree to marketing email, and goes to no one", async () => {
    await addRule({});
    await placeOrder(4002, { deliveredAt: "2026-11-19T15:00:00+01:00", marketing: false });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await rowsOf()).toMatchObject([{ status: "skipped", reason: "the customer did not agree to marketing email at checkout" }]);
  });

  it("is skipped after a broken promise when the merchant chose so", async () => {
    await addRule({ afterBrokenPromise: { action: "skip", delayDays: 3 } });
    // Promised for about 20 Nov in Sweden; arrived on the 28th
    await placeOrder(4003, { deliveredAt: "2026-11-28T15:00:00+01:00", sweden: true, locale: "sv" });
    expect(await prisma.promiseOutcome.findMany({ select: { verdict: true } })).toEqual([{ verdict: "late" }]);
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    const [row] = await rowsOf();
    expect(row.status).toBe("skipped");
    expect(row.reason).toMatch(/^the promise was broken: arrived \d+ days? late$/);
  });
});

describe("stop conditions", () => {
  it("cancels a scheduled message when the order is cancelled before it goes out", async () => {
    await addRule({ id: "shipped", name: "Shipped", trigger: "shipped", delay: { days: 40, hours: 0 } });
    await placeOrder(4004);
    expect(await rowsOf()).toMatchObject([{ status: "scheduled" }]);
    await deliver(
      "orders/cancelled",
      orderPayload(4004, { name: "#4004", email: "buyer4004@example.de", cancelled_at: "2026-11-18T10:00:00+01:00", updated_at: "2026-11-18T10:00:00+01:00" }),
    );
    await drainJobs();
    expect(await rowsOf()).toMatchObject([{ status: "cancelled", reason: "the order was cancelled" }]);
  });

  it("sends nothing to an address that unsubscribed", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await prisma.emailSuppression.create({ data: { shop: TEST_SHOP, email: "buyer4005@example.de", reason: "unsubscribed" } });
    await placeOrder(4005, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await rowsOf()).toMatchObject([{ status: "skipped", reason: "the address unsubscribed from this shop's follow-ups" }]);
  });
});

describe("sending through SMTP", () => {
  it("counts a server that took the message and never answered as unknown, not as refused", async () => {
    sink.state.mode = "stall";
    const send = smtpSender(sink.url, { socketMs: 400 });
    const outcome = await send({
      from: "care@kept.test",
      to: "x@example.de",
      subject: "s",
      html: "<p>h</p>",
      text: "t",
      messageId: "<stall@kept.test>",
      headers: {},
    });
    expect(outcome).toMatchObject({ kind: "unknown" });
    sink.state.mode = "busy";
    expect(
      await send({ from: "care@kept.test", to: "x@example.de", subject: "s", html: "<p>h</p>", text: "t", messageId: "<busy@kept.test>", headers: {} }),
    ).toMatchObject({
      kind: "refused",
      permanent: false,
    });
    // No server at all: nothing was handed over, so it is tried again
    const nowhere = smtpSender("smtp://127.0.0.1:1");
    expect(
      await nowhere({ from: "care@kept.test", to: "x@example.de", subject: "s", html: "<p>h</p>", text: "t", messageId: "<down@kept.test>", headers: {} }),
    ).toMatchObject({
      kind: "refused",
      permanent: false,
    });
  });

  it("tries a busy server again later and gives up on a refusing one, visibly", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await placeOrder(4006, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    sink.state.mode = "busy";
    await runFollowUps();
    const [retry] = await rowsOf();
    expect(retry).toMatchObject({ status: "scheduled", attempts: 1 });
    expect(retry.lastError).toMatch(/451/);
    expect(retry.sendAt.getTime()).toBeGreaterThan(Date.now());
    sink.state.mode = "refuse";
    await runFollowUps(new Date(retry.sendAt.getTime() + 1000));
    // The job claims with the real clock: the retry is not due yet, so nothing is sent or failed
    expect(await rowsOf()).toMatchObject([{ status: "scheduled", attempts: 1 }]);
    await prisma.followUp.update({ where: { id: retry.id }, data: { sendAt: new Date(Date.now() - 1000) } });
    await runFollowUps();
    expect(await rowsOf()).toMatchObject([{ status: "failed", attempts: 2 }]);
    expect(sink.caught).toHaveLength(0);
  });

  it("never resends a message whose sender died mid-send: it is 'unknown' for the merchant to decide", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await placeOrder(4007, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    const [row] = await rowsOf();
    // What a worker killed after its claim leaves: sending, with a lease that has run out
    await prisma.followUp.update({ where: { id: row.id }, data: { status: "sending", attempts: 1, leaseUntil: new Date(Date.now() - 1000) } });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await rowsOf()).toMatchObject([{ status: "unknown" }]);
  });
});
