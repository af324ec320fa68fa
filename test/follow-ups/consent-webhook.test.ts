import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { TEST_SHOP } from "../support/test-env";
import { addRule, deliver, followUpRows, placeOrder, runFollowUps, startFollowUpSmtpSink, freshFollowUpShop } from "./follow-up-fixtures";

// customers_email_marketing_consent/update end to end: signed deliveries through the intake and the worker
// into CustomerConsent, and what the sender then does with a marketing follow-up, at a real SMTP server.

const TOPIC = "customers_email_marketing_consent/update";
const sink = await startFollowUpSmtpSink();

beforeEach(() => freshFollowUpShop(sink));

/** Shopify's payload for the topic (API 2026-01): the customer, their address, and the consent record. */
function consentUpdate(customerId: number, state: string | null, consentUpdatedAt: string | null, optInLevel: string | null = "single_opt_in") {
  return {
    customer_id: customerId,
    email_address: `customer${customerId}@example.de`,
    email_marketing_consent: { state, opt_in_level: optInLevel, consent_updated_at: consentUpdatedAt },
  };
}

const consentOf = (customerId: number) =>
  prisma.customerConsent.findUnique({ where: { shop_customerGid: { shop: TEST_SHOP, customerGid: `gid://shopify/Customer/${customerId}` } } });
const deliveriesOf = () =>
  prisma.webhookDelivery.findMany({
    where: { shop: TEST_SHOP, topic: TOPIC },
    orderBy: { receivedAt: "asc" },
    select: { webhookId: true, status: true, error: true, customerGid: true, body: true },
  });

describe("the consent webhook", () => {
  it("keeps the newest consent whichever order Shopify's updates arrive in; a late or repeated one changes nothing", async () => {
    // GIVEN the customer subscribed at 12:00 and Shopify delivers that first
    expect(await deliver(TOPIC, consentUpdate(700, "subscribed", "2026-11-20T12:00:00Z"), { webhookId: "c-new" })).toBe("ok");
    // AND the unsubscribe from 09:00 the same day arrives after it
    await deliver(TOPIC, consentUpdate(700, "unsubscribed", "2026-11-20T09:00:00Z", null), { webhookId: "c-old" });
    await drainJobs();
    // THEN the 12:00 record stands
    expect(await consentOf(700)).toMatchObject({ state: "subscribed", optInLevel: "single_opt_in", consentUpdatedAt: new Date("2026-11-20T12:00:00Z") });
    // AND the late one is on record, ignored, saying why; the customer is named on both deliveries
    expect(await deliveriesOf()).toMatchObject([
      { webhookId: "c-new", status: "processed", error: null, customerGid: "gid://shopify/Customer/700" },
      {
        webhookId: "c-old",
        status: "ignored",
        error: "not newer than the consent Kept has for the customer (this one speaks for 2026-11-20T09:00:00.000Z): nothing changed",
        customerGid: "gid://shopify/Customer/700",
      },
    ]);
    // WHEN the same delivery comes again, and the same record under a new webhook id
    expect(await deliver(TOPIC, consentUpdate(700, "subscribed", "2026-11-20T12:00:00Z"), { webhookId: "c-new" })).toBe("duplicate");
    await deliver(TOPIC, consentUpdate(700, "subscribed", "2026-11-20T12:00:00Z"), { webhookId: "c-again" });
    await drainJobs();
    // THEN nothing changed
    expect(await consentOf(700)).toMatchObject({ state: "subscribed", consentUpdatedAt: new Date("2026-11-20T12:00:00Z") });
    expect((await deliveriesOf()).map((row) => row.status)).toEqual(["processed", "ignored", "ignored"]);
  });

  it("dates a record without consent_updated_at by when Shopify sent it", async () => {
    await deliver(TOPIC, consentUpdate(701, "subscribed", "2026-11-20T08:00:00Z"));
    await deliver(TOPIC, consentUpdate(701, "UNSUBSCRIBED", null, null), { triggeredAt: "2026-11-21T10:00:00.000Z" });
    await drainJobs();
    expect(await consentOf(701)).toMatchObject({ state: "unsubscribed", optInLevel: null, consentUpdatedAt: new Date("2026-11-21T10:00:00Z") });
  });

  it("records a payload it cannot read as failed, with the field named, keeps its body and stores nothing", async () => {
    const bad = consentUpdate(702, "maybe", "2026-11-20T12:00:00Z");
    await deliver(TOPIC, bad, { webhookId: "c-bad" });
    await deliver(TOPIC, { customer_id: 702, email_marketing_consent: null }, { webhookId: "c-empty" });
    await drainJobs();
    expect(await consentOf(702)).toBeNull();
    const rows = await deliveriesOf();
    expect(rows).toMatchObject([
      {
        webhookId: "c-bad",
        status: "failed",
        error: "invalid payload: email_marketing_consent.state: must be one of subscribed, not_subscribed, unsubscribed, pending, redacted, invalid",
      },
      { webhookId: "c-empty", status: "failed", error: expect.stringMatching(/^invalid payload: email_marketing_consent: /) },
    ]);
    expect(JSON.parse(rows[0].body)).toEqual(bad);
    expect(await prisma.job.count({ where: { shop: TEST_SHOP, type: "webhook.process", status: { not: "done" } } })).toBe(0);
  });

  it("is erased by customers/redact, and a consent delivery not yet applied is never applied", async () => {
    await deliver(TOPIC, consentUpdate(703, "subscribed", "2026-11-20T12:00:00Z"));
    await drainJobs();
    await deliver(TOPIC, consentUpdate(703, "unsubscribed", "2026-11-21T12:00:00Z"), { webhookId: "c-queued" });
    await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 703, email: "customer703@example.de", phone: null },
      orders_to_redact: [],
    });
    // The redaction runs first (the queued consent job is cancelled with it)
    const redact = await prisma.job.findFirstOrThrow({ where: { shop: TEST_SHOP, delivery: { topic: "customers/redact" } } });
    await prisma.job.updateMany({ where: { shop: TEST_SHOP, status: "pending", id: { not: redact.id } }, data: { runAt: new Date(Date.now() + 3_600_000) } });
    await drainJobs();
    await prisma.job.updateMany({ where: { shop: TEST_SHOP, status: "pending" }, data: { runAt: new Date(0) } });
    await drainJobs();
    // THEN what is left of the consent is the marker of the erasure
    expect(await consentOf(703)).toMatchObject({ state: "redacted", optInLevel: null });
    const rows = await deliveriesOf();
    expect(rows.every((row) => row.body === "[redacted]" && row.customerGid === null)).toBe(true);
    expect(rows.find((row) => row.webhookId === "c-queued")).toMatchObject({
      status: "ignored",
      error: "customer data erased (customers/redact) before it was applied",
    });
  });

  it("does not store again a consent update made before the erasure that Shopify delivers after it, and erases its body", async () => {
    // GIVEN the customer's data was erased
    await deliver(TOPIC, consentUpdate(704, "subscribed", "2026-11-20T12:00:00Z"), { webhookId: "c-first" });
    await drainJobs();
    await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 704, email: "customer704@example.de", phone: null },
      orders_to_redact: [],
    });
    await drainJobs();
    // WHEN an update from before the erasure (Shopify retried it for hours) arrives after it, with her address
    await deliver(TOPIC, consentUpdate(704, "subscribed", "2026-11-21T12:00:00Z", "confirmed_opt_in"), { webhookId: "c-late" });
    await drainJobs();
    // THEN her consent is not back, the delivery says why, and her address is not kept in its body
    expect(await consentOf(704)).toMatchObject({ state: "redacted", optInLevel: null });
    const late = (await deliveriesOf()).find((row) => row.webhookId === "c-late");
    expect(late).toMatchObject({
      status: "ignored",
      error: "the customer's data was erased (customers/redact) after this update was made: not stored",
      body: "[redacted]",
      customerGid: null,
    });
    // AND a consent she gives after the erasure (a new sign-up) counts again
    const later = new Date(Date.now() + 60_000).toISOString();
    await deliver(TOPIC, consentUpdate(704, "subscribed", later), { webhookId: "c-new" });
    await drainJobs();
    expect(await consentOf(704)).toMatchObject({ state: "subscribed", consentUpdatedAt: new Date(later) });
  });
});

describe("consent and a marketing follow-up", () => {
  it("skips a review request, with the reason, once an unsubscribe arrives, even when the older sign-up is delivered after it", async () => {
    await addRule({});
    // GIVEN a buyer who ticked the marketing box at checkout, and whose parcel arrived on 19 Nov
    await placeOrder(4101, { deliveredAt: "2026-11-19T15:00:00+01:00", marketing: true });
    // WHEN Shopify delivers their unsubscribe (21 Nov) and then, late, their earlier sign-up (18 Nov)
    await deliver(TOPIC, consentUpdate(4601, "unsubscribed", "2026-11-21T08:00:00Z", null));
    await deliver(TOPIC, consentUpdate(4601, "subscribed", "2026-11-18T08:00:00Z"));
    await drainJobs();
    await runFollowUps();
    // THEN no email goes out, and the row says why
    expect(sink.caught).toHaveLength(0);
    expect(await followUpRows()).toMatchObject([{ status: "skipped", reason: "the customer unsubscribed from marketing email in Shopify" }]);
  });

  it("sends it when Shopify says the customer subscribed after checkout, whichever order the updates came in", async () => {
    await addRule({});
    // GIVEN a buyer who did not tick the box at checkout
    await placeOrder(4102, { deliveredAt: "2026-11-19T15:00:00+01:00", marketing: false });
    // WHEN their later sign-up (20 Nov) arrives before the earlier unsubscribe (17 Nov)
    await deliver(TOPIC, consentUpdate(4602, "subscribed", "2026-11-20T08:00:00Z"));
    await deliver(TOPIC, consentUpdate(4602, "unsubscribed", "2026-11-17T08:00:00Z", null));
    await drainJobs();
    await runFollowUps();
    // THEN the review request goes out once
    expect(sink.caught.map((mail) => mail.to)).toEqual([["buyer4102@example.de"]]);
    expect(await followUpRows()).toMatchObject([{ status: "sent", category: "marketing" }]);
  });

  it("follows strict consent: a single opt-in is not enough, a confirmed one is", async () => {
    await prisma.followUpSettings.update({ where: { shop: TEST_SHOP }, data: { strictConsent: true } });
    await addRule({});
    await placeOrder(4103, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await placeOrder(4104, { deliveredAt: "2026-11-19T15:00:00+01:00" });
    await deliver(TOPIC, consentUpdate(4603, "subscribed", "2026-11-20T08:00:00Z", "single_opt_in"));
    await deliver(TOPIC, consentUpdate(4604, "subscribed", "2026-11-20T08:00:00Z", "confirmed_opt_in"));
    await drainJobs();
    await runFollowUps();
    expect(sink.caught.map((mail) => mail.to)).toEqual([["buyer4104@example.de"]]);
    expect((await followUpRows()).map((row) => [row.status, row.reason])).toEqual([
      ["skipped", "no confirmed (double) opt-in, and strict consent is on"],
      ["sent", null],
    ]);
  });
});
