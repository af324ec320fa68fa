import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { smtpSender } from "~/services/follow-ups/mail-transport.server";
import { saveFollowUpRuleVersion } from "~/services/follow-ups/save-follow-up-rule.server";
import { readUnsubscribeToken } from "~/services/follow-ups/unsubscribe-token.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { headerOf } from "../support/smtp-sink";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { addRule, deliver, followUpRows, placeOrder, ruleDocument, runFollowUps, startFollowUpSmtpSink, freshFollowUpShop } from "./follow-up-fixtures";

// Follow-ups end to end: signed webhooks through the intake and the worker, the scheduler's rows, and the
// sender through nodemailer to a real SMTP server on loopback, counting what arrives there.

const sink = await startFollowUpSmtpSink();

beforeEach(() => freshFollowUpShop(sink));

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

  it("looks back as many days as the merchant chose when the rule is saved, once, and sends what is due", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await placeOrder(4030, { placedAt: daysAgo(14), shippedAt: daysAgo(12), deliveredAt: daysAgo(10) });
    await placeOrder(4031, { placedAt: daysAgo(50), shippedAt: daysAgo(48), deliveredAt: daysAgo(45) });
    const document = { ...ruleDocument({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } }), lookBackDays: 30 };
    expect(await saveFollowUpRuleVersion(TEST_SHOP, document, 0, new Date())).toMatchObject({ ok: true, version: 1 });
    expect(await followUpRows()).toEqual([]); // the look back runs in the worker
    await drainJobs();
    expect((await followUpRows()).map((row) => row.orderGid)).toEqual(["gid://shopify/Order/4030"]);
    // Saving again looks back again and makes no second row
    expect(await saveFollowUpRuleVersion(TEST_SHOP, { ...document, name: "Arrived!" }, 1, new Date())).toMatchObject({ ok: true, version: 2 });
    await drainJobs();
    expect(await followUpRows()).toHaveLength(1);
    await runFollowUps();
    expect(sink.caught.map((mail) => mail.to)).toEqual([["buyer4030@example.de"]]);
  });

  it("moves the rows still to send when the merchant edits the rule's delay, to now at the soonest, and leaves what was sent", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    // GIVEN "3 days after arrival", and two orders that arrived 2 days ago and 12 hours ago
    // (made a week ago: it speaks of arrivals since then)
    const document = { ...ruleDocument({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 3, hours: 0 } }), lookBackDays: 7 };
    expect(await saveFollowUpRuleVersion(TEST_SHOP, document, 0, new Date())).toMatchObject({ ok: true, version: 1 });
    await placeOrder(4050, { placedAt: daysAgo(6), shippedAt: daysAgo(5), deliveredAt: daysAgo(2) });
    await placeOrder(4051, { placedAt: daysAgo(5), shippedAt: daysAgo(4), deliveredAt: daysAgo(0.5) });
    const sendAtOf = async () => Object.fromEntries((await followUpRows()).map((row) => [row.orderGid.split("/").pop(), row.sendAt.getTime()]));
    const before = await sendAtOf();
    expect(before["4050"]).toBeCloseTo(Date.parse(daysAgo(2)) + 3 * 86_400_000, -4);
    // WHEN the merchant makes it "1 day after arrival"
    const saved = Date.now();
    expect(await saveFollowUpRuleVersion(TEST_SHOP, { ...document, delay: { days: 1, hours: 0 } }, 1, new Date())).toMatchObject({ ok: true, version: 2 });
    await drainJobs();
    // THEN the order that arrived 2 days ago is due now (not back in the past), the other one day after its arrival
    const after = await sendAtOf();
    expect(after["4050"]).toBeGreaterThanOrEqual(saved);
    expect(after["4050"]).toBeLessThan(saved + 60_000);
    expect(after["4051"]).toBeCloseTo(Date.parse(daysAgo(0.5)) + 86_400_000, -4);
    // AND what is due goes out; a later edit leaves the sent row alone and moves the other later again
    await runFollowUps();
    expect(sink.caught.map((mail) => mail.to)).toEqual([["buyer4050@example.de"]]);
    expect(await saveFollowUpRuleVersion(TEST_SHOP, { ...document, delay: { days: 4, hours: 0 } }, 2, new Date())).toMatchObject({ ok: true, version: 3 });
    await drainJobs();
    const rows = await followUpRows();
    expect(rows.map((row) => [row.orderGid.split("/").pop(), row.status])).toEqual([
      ["4050", "sent"],
      ["4051", "scheduled"],
    ]);
    expect(rows[1].sendAt.getTime()).toBeCloseTo(Date.parse(daysAgo(0.5)) + 4 * 86_400_000, -4);
  });

  it("does not send a step of a sequence after a later step went out", async () => {
    await addRule({ id: "review", name: "Review request", delay: { days: 0, hours: 0 }, sequence: { name: "After arrival", step: 2 } });
    await addRule({ id: "care", name: "Care advice", trigger: "care-advice", delay: { days: 3, hours: 0 }, sequence: { name: "After arrival", step: 1 } });
    await placeOrder(4040, { deliveredAt: "2026-11-19T14:00:00+01:00" });
    await runFollowUps(new Date("2026-11-20T00:00:00Z")); // only the review request is due by then
    await runFollowUps();
    const rows = await followUpRows();
    expect(rows.map((row) => [row.ruleId, row.status, row.reason])).toEqual(
      expect.arrayContaining([
        ["review", "sent", null],
        ["care", "cancelled", "a later message of the sequence was already sent (Review request)"],
      ]),
    );
    expect(sink.caught).toHaveLength(1);
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
    const rows = await followUpRows();
    expect(rows.map((row) => row.orderGid)).toEqual(["gid://shopify/Order/1051"]);
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

  it("cancels what is scheduled once the customer returned the order, and only for a return", async () => {
    await addRule({ id: "shipped", name: "Shipped", trigger: "shipped", delay: { days: 40, hours: 0 } });
    await placeOrder(4005);
    await placeOrder(4006);
    const refund = (restockType: string) => ({
      refunds: [{ id: 1, created_at: "2026-11-25T10:00:00+01:00", refund_line_items: [{ id: 2, line_item_id: 9001, quantity: 1, restock_type: restockType }] }],
    });
    for (const [id, restockType] of [
      [4005, "return"],
      [4006, "no_restock"],
    ] as const) {
      await deliver(
        "orders/updated",
        orderPayload(id, { name: `#${id}`, email: `buyer${id}@example.de`, updated_at: "2026-11-25T10:00:00+01:00", ...refund(restockType) }),
      );
    }
    await drainJobs();
    expect((await followUpRows()).map((row) => [row.orderGid.split("/").pop(), row.status, row.reason])).toEqual([
      ["4005", "cancelled", "the customer returned the order"],
      ["4006", "scheduled", null],
    ]);
  });

  it("keeps a message the sender moved into the customer's hours there when a later event plans it again, and sends it then", async () => {
    await addRule({ id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } });
    await placeOrder(4010, { deliveredAt: "2026-11-19T14:00:00+01:00" });
    const [planned] = await followUpRows();
    expect(planned.sendAt).toEqual(new Date("2026-11-19T13:00:00Z"));
    // As the sender leaves it when it found the window closed: the next opening, 09:00 in Berlin
    const opening = new Date("2026-11-20T08:00:00Z");
    await prisma.followUp.update({ where: { id: planned.id }, data: { sendAt: opening } });
    await deliver(
      "orders/updated",
      orderPayload(4010, { name: "#4010", email: "buyer4010@example.de", customer_locale: "de", tags: "later", updated_at: "2026-11-20T07:00:00+01:00" }),
    );
    await drainJobs();
    expect((await followUpRows())[0]).toMatchObject({ status: "scheduled", sendAt: opening });
    await runFollowUps(new Date("2026-11-20T07:59:00Z"));
    expect(sink.caught).toHaveLength(0);
    await runFollowUps(new Date("2026-11-20T08:00:30Z"));
    expect(sink.caught).toHaveLength(1);
  });

  it("lists each product once and at most ten, so a wholesale order's email is still a short one", async () => {
    await addRule({ id: "care", name: "Care", trigger: "care-advice", delay: { days: 0, hours: 0 } });
    const lineItems = Array.from({ length: 250 }, (_, index) => ({
      id: 9001 + index,
      admin_graphql_api_id: `gid://shopify/LineItem/${9001 + index}`,
      product_id: 300 + (index % 25),
      variant_id: 600 + index,
      sku: `SKU-${index}`,
      vendor: "Kept Soap",
      title: `Soap no. ${index % 25}`,
      quantity: 1,
      price: "9.00",
    }));
    await placeOrder(4020, { deliveredAt: "2026-11-19T14:00:00+01:00", lineItems });
    await runFollowUps();
    expect(await followUpRows()).toMatchObject([{ status: "sent" }]);
    const text = sink.caught[0].raw;
    expect(text).toContain("Soap no. 0");
    expect(text).toContain("Soap no. 9");
    expect(text).not.toContain("Soap no. 10");
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
