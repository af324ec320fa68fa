import { afterAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { closeMailTransports, smtpSender } from "~/services/follow-ups/mail-transport.server";
import { readUnsubscribeToken } from "~/services/follow-ups/unsubscribe-token.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { headerOf, startSmtpSink } from "../support/smtp-sink";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { reloadEnv } from "~/utils/env.server";
import { addRule, deliver, followUpRows, placeOrder, runFollowUps, storePromiseSettings } from "./follow-up-fixtures";

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

beforeEach(async () => {
  await resetDatabase();
  sink.caught.length = 0;
  sink.state.mode = "accept";
  await storePromiseSettings();
});

describe("a review request", () => {
  it("goes out once, after the parcel really arrived, in the buyer's language, with one-click unsubscribe", async () => {
    await addRule({});
    await placeOrder(4001);
    // Shipped but not arrived: nothing is planned
    expect(await followUpRows()).toEqual([]);
    await placeOrder(4001, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    const [row] = await followUpRows();
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
    expect(await followUpRows()).toMatchObject([{ status: "sent", locale: "de", toEmail: "buyer4001@example.de" }]);
    // A replayed delivered scan changes nothing
    await placeOrder(4001, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await runFollowUps();
    expect(sink.caught).toHaveLength(1);
  });

  it("speaks only of what happens after the rule was made: an order that arrived before it gets nothing", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } }, new Date("2026-11-20T00:00:00Z"));
    await placeOrder(1041, { deliveredAt: "2026-11-19T14:00:00+01:00" });
    await placeOrder(1042, { deliveredAt: "2026-11-21T14:00:00+01:00" });
    const rows = await followUpRows();
    expect(rows.map((row) => row.orderGid)).toEqual(["gid://shopify/Order/1042"]);
  });

  it("is skipped, with the reason, for a buyer who did not agree to marketing email, and goes to no one", async () => {
    await addRule({});
    await placeOrder(4002, { deliveredAt: "2026-11-19T15:00:00+01:00", marketing: false });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await followUpRows()).toMatchObject([{ status: "skipped", reason: "the customer did not agree to marketing email at checkout" }]);
  });

  it("is skipped after a broken promise when the merchant chose so", async () => {
    await addRule({ afterBrokenPromise: { action: "skip", delayDays: 3 } });
    // Promised for about 20 Nov in Sweden; arrived on the 28th
    await placeOrder(4003, { deliveredAt: "2026-11-28T15:00:00+01:00", sweden: true, locale: "sv" });
    expect(await prisma.promiseOutcome.findMany({ select: { verdict: true } })).toEqual([{ verdict: "late" }]);
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    const [row] = await followUpRows();
    expect(row.status).toBe("skipped");
    expect(row.reason).toMatch(/^the promise was broken: arrived \d+ days? late$/);
  });
});

describe("stop conditions", () => {
  it("cancels a scheduled message when the order is cancelled before it goes out", async () => {
    await addRule({ id: "shipped", name: "Shipped", trigger: "shipped", delay: { days: 40, hours: 0 } });
    await placeOrder(4004);
    expect(await followUpRows()).toMatchObject([{ status: "scheduled" }]);
    await deliver(
      "orders/cancelled",
      orderPayload(4004, { name: "#4004", email: "buyer4004@example.de", cancelled_at: "2026-11-18T10:00:00+01:00", updated_at: "2026-11-18T10:00:00+01:00" }),
    );
    await drainJobs();
    expect(await followUpRows()).toMatchObject([{ status: "cancelled", reason: "the order was cancelled" }]);
  });

  it("sends nothing to an address that unsubscribed", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await prisma.emailSuppression.create({ data: { shop: TEST_SHOP, email: "buyer4005@example.de", reason: "unsubscribed" } });
    await placeOrder(4005, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await followUpRows()).toMatchObject([{ status: "skipped", reason: "the address unsubscribed from this shop's follow-ups" }]);
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
    const [retry] = await followUpRows();
    expect(retry).toMatchObject({ status: "scheduled", attempts: 1 });
    expect(retry.lastError).toMatch(/451/);
    expect(retry.sendAt.getTime()).toBeGreaterThan(Date.now());
    sink.state.mode = "refuse";
    await runFollowUps(new Date(retry.sendAt.getTime() + 1000));
    // The job claims with the real clock: the retry is not due yet, so nothing is sent or failed
    expect(await followUpRows()).toMatchObject([{ status: "scheduled", attempts: 1 }]);
    await prisma.followUp.update({ where: { id: retry.id }, data: { sendAt: new Date(Date.now() - 1000) } });
    await runFollowUps();
    expect(await followUpRows()).toMatchObject([{ status: "failed", attempts: 2 }]);
    expect(sink.caught).toHaveLength(0);
  });

  it("never resends a message whose sender died mid-send: it is 'unknown' for the merchant to decide", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await placeOrder(4007, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    const [row] = await followUpRows();
    // What a worker killed after its claim leaves: sending, with a lease that has run out
    await prisma.followUp.update({ where: { id: row.id }, data: { status: "sending", attempts: 1, leaseUntil: new Date(Date.now() - 1000) } });
    await runFollowUps();
    expect(sink.caught).toHaveLength(0);
    expect(await followUpRows()).toMatchObject([{ status: "unknown" }]);
  });
});
