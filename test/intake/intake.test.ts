import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";
import { resetDatabase } from "../support/database";
import { replayWindowOfHours } from "~/domain/intake/replay-window";

beforeEach(resetDatabase);

const config = { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 64 * 1024 };
const deliver = (topic: string, payload: unknown, options?: WebhookOptions) => receiveWebhook(webhookRequest(topic, payload, options), config);

describe("webhook intake", () => {
  it("records a delivery once: a repeated webhook id changes nothing and still gets 200", async () => {
    // GIVEN one orders/create delivery
    const payload = orderPayload(1001);
    // WHEN it arrives twice with the same webhook id
    const first = await deliver("orders/create", payload, { webhookId: "wh-1" });
    const second = await deliver("orders/create", { ...payload, total_price: "1.00" }, { webhookId: "wh-1" });
    await drainJobs();
    // THEN both are acknowledged, one delivery and one job exist, and the first payload is what applies
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toBe("duplicate");
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(await prisma.job.count()).toBe(1);
    const order = await prisma.order.findUniqueOrThrow({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: "gid://shopify/Order/1001" } } });
    expect(order.totalPrice).toBe("249.00");
    expect(order.lineCount).toBe(1);
    expect(order.discountCodes).toBe('["WELCOME10"]');
  });

  it("refuses a bad signature (401) and missing headers (400) without recording anything", async () => {
    const bad = await deliver("orders/create", orderPayload(1), { secret: "wrong-secret" });
    const missing = await deliver("orders/create", orderPayload(1), { headers: { "X-Shopify-Webhook-Id": null, "X-Shopify-Topic": null } });
    expect(bad.status).toBe(401);
    expect(missing.status).toBe(400);
    expect(missing.body).toContain("x-shopify-topic");
    expect(missing.body).toContain("x-shopify-webhook-id");
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("refuses an oversized body with 413", async () => {
    const huge = orderPayload(2, { note: "x".repeat(70 * 1024) });
    const result = await deliver("orders/create", huge);
    expect(result.status).toBe(413);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("records invalid JSON and unknown topics as failed/ignored with a reason", async () => {
    const invalid = await deliver("orders/create", '{"id": 1, "name": ', { webhookId: "bad-json" });
    const unknown = await deliver("orders/teleported", orderPayload(3), { webhookId: "unknown" });
    expect([invalid.status, unknown.status]).toEqual([200, 200]);
    const rows = await prisma.webhookDelivery.findMany({ orderBy: { webhookId: "asc" } });
    expect(rows.map((row) => [row.webhookId, row.status])).toEqual([
      ["bad-json", "failed"],
      ["unknown", "ignored"],
    ]);
    expect(rows[0].error).toMatch(/^invalid JSON/);
    expect(rows[1].error).toBe("unknown topic: orders/teleported");
    expect(await prisma.job.count()).toBe(0);
  });

  it("marks a mistyped payload failed with the field named, and applies nothing of it", async () => {
    await deliver("orders/create", orderPayload(4, { total_price: {}, line_items: [{ id: 1, title: "x", quantity: "two", price: "1" }] }), {
      webhookId: "typed",
    });
    await drainJobs();
    const row = await prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId: "typed" } });
    expect(row.status).toBe("failed");
    expect(row.error).toContain("total_price");
    expect(row.error).toContain("line_items.0.quantity");
    expect(await prisma.order.count()).toBe(0);
    expect((await prisma.job.findFirstOrThrow()).status).toBe("done");
  });

  it("keeps ids above 2^53 exact", async () => {
    const body = JSON.stringify(orderPayload("ID", { admin_graphql_api_id: "gid://shopify/Order/9007199254740993" })).replace(
      '"id":"ID"',
      '"id":9007199254740993',
    );
    await deliver("orders/create", body);
    await drainJobs();
    const order = await prisma.order.findFirstOrThrow();
    expect(order.legacyId).toBe("9007199254740993");
    expect(order.orderGid).toBe("gid://shopify/Order/9007199254740993");
  });
});

describe("late and out-of-order deliveries", () => {
  it("never lets an older orders/updated overwrite a newer one", async () => {
    await deliver("orders/updated", orderPayload(10, { updated_at: "2026-11-20T12:00:00+01:00", financial_status: "refunded" }));
    await deliver("orders/create", orderPayload(10, { updated_at: "2026-11-20T10:00:00+01:00", financial_status: "paid" }));
    await drainJobs();
    const order = await prisma.order.findFirstOrThrow();
    expect(order.financialStatus).toBe("refunded");
    const notes = await prisma.webhookDelivery.findMany({ select: { status: true } });
    expect(notes.every((row) => row.status === "processed")).toBe(true);
  });

  it("normalizes the customer's first name into the order, and an older update never overwrites it", async () => {
    // GIVEN a guest order named only on its billing address, one with a mistyped customer name, and Zoë's order
    const at = (hour: string) => ({ updated_at: `2026-11-20T${hour}:00:00+01:00` });
    await deliver("orders/create", orderPayload(11, { customer: null, billing_address: { first_name: "  Olga ", country_code: "SE" } }));
    await deliver("orders/create", orderPayload(12, { customer: { id: 5, first_name: 42 }, shipping_address: { first_name: "Åsa", country_code: "SE" } }));
    await deliver("orders/updated", orderPayload(13, { ...at("12"), customer: { id: 6, first_name: "Zoë" } }));
    // WHEN an older orders/create arrives after the newer update with another name
    await deliver("orders/create", orderPayload(13, { ...at("10"), customer: { id: 6, first_name: "Zoe (old)" } }));
    await drainJobs();
    // THEN each order holds one trimmed name: customer, else billing, else shipping; the newer one stays
    const names = await prisma.order.findMany({ orderBy: { legacyId: "asc" }, select: { legacyId: true, customerFirstName: true } });
    expect(names).toEqual([
      { legacyId: "11", customerFirstName: "Olga" },
      { legacyId: "12", customerFirstName: "Åsa" },
      { legacyId: "13", customerFirstName: "Zoë" },
    ]);
    expect((await prisma.webhookDelivery.findMany({ select: { status: true } })).map((row) => row.status)).toEqual([
      "processed",
      "processed",
      "processed",
      "processed",
    ]);
  });

  it("keeps a fulfillment and its scans that arrive before the order, and links them when it arrives", async () => {
    await deliver("fulfillment_events/create", fulfillmentEventPayload(71, 61, 20, { status: "delivered", happened_at: "2026-11-23T14:00:00+01:00" }));
    await deliver("fulfillments/create", fulfillmentPayload(61, 20));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(70, 61, 20, { status: "in_transit" }));
    await drainJobs();
    expect(await prisma.order.count()).toBe(0);
    await deliver("orders/create", orderPayload(20));
    await drainJobs();
    const fulfillment = await prisma.fulfillment.findFirstOrThrow();
    expect(fulfillment.orderGid).toBe("gid://shopify/Order/20");
    expect(fulfillment.inTransitAt?.toISOString()).toBe("2026-11-22T07:00:00.000Z");
    expect(fulfillment.deliveredAt?.toISOString()).toBe("2026-11-23T13:00:00.000Z");
    expect(fulfillment.carrierEstimateAt?.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(await prisma.order.count({ where: { orderGid: fulfillment.orderGid } })).toBe(1);
  });

  it("replayed scans with a new webhook id change nothing", async () => {
    await deliver("fulfillments/create", fulfillmentPayload(62, 21));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(80, 62, 21));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(80, 62, 21));
    await drainJobs();
    expect(await prisma.deliveryEvent.count()).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { status: "processed" } })).toBe(3);
  });
});

describe("a queued delivery whose body can no longer be parsed", () => {
  it("is marked failed with the reason instead of blocking the worker", async () => {
    await deliver("orders/create", orderPayload(30), { webhookId: "to-redact" });
    await prisma.webhookDelivery.updateMany({ where: { webhookId: "to-redact" }, data: { body: "[redacted]" } });
    await deliver("orders/create", orderPayload(31), { webhookId: "fine" });
    await drainJobs();
    const rows = await prisma.webhookDelivery.findMany({ orderBy: { webhookId: "asc" }, select: { webhookId: true, status: true, error: true } });
    expect(rows.map((row) => [row.webhookId, row.status])).toEqual([
      ["fine", "processed"],
      ["to-redact", "failed"],
    ]);
    expect(rows[1].error).toMatch(/^invalid JSON/);
    expect(await prisma.job.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("refuses a shop/redact signed for another shop: recorded for the header's shop without its body, nothing erased", async () => {
    // GIVEN shop B has an order, and a shop/redact body captured from shop A (the HMAC covers the body only)
    await deliver("orders/create", orderPayload(3001), { shop: "shop-b.myshopify.com", webhookId: "b-order" });
    await drainJobs();
    const captured = { shop_id: 1, shop_domain: "shop-a.myshopify.com" };
    // WHEN it arrives with shop B's domain in the header
    const answer = await deliver("shop/redact", captured, { shop: "shop-b.myshopify.com", webhookId: "forged" });
    await drainJobs();
    // THEN it is refused with the reason, logged for shop B without the other shop's body, and shop B keeps its order
    expect(answer).toEqual({
      status: 400,
      body: "Refused: signed for another shop (the payload's shop_domain is shop-a.myshopify.com, the header's shop shop-b.myshopify.com); nothing applied",
    });
    const logged = await prisma.webhookDelivery.findUniqueOrThrow({ where: { shop_webhookId: { shop: "shop-b.myshopify.com", webhookId: "forged" } } });
    expect(logged).toMatchObject({ status: "refused", body: "", topic: "shop/redact" });
    expect(await prisma.job.count({ where: { deliveryId: logged.id } })).toBe(0);
    expect(await prisma.order.count({ where: { shop: "shop-b.myshopify.com" } })).toBe(1);
    // AND the same body for its own shop is accepted
    expect((await deliver("shop/redact", captured, { shop: "shop-a.myshopify.com" })).status).toBe(200);
  });

  it("refuses a delivery triggered outside the replay window and accepts Shopify's 4-hour retries", async () => {
    const windowed = { ...config, replayWindow: replayWindowOfHours(48) };
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const send = (id: number, hoursAgo: number) =>
      receiveWebhook(webhookRequest("orders/create", orderPayload(id), { webhookId: `w-${id}`, triggeredAt: at(hoursAgo) }), windowed);
    // WHEN a retry 4 hours after the trigger, one a day late and one replayed three days later arrive
    const answers = [await send(4001, 4), await send(4002, 24), await send(4003, 72)];
    await drainJobs();
    // THEN the first two apply, the third is acknowledged, recorded as refused with the reason, and applies nothing
    expect(answers.map((answer) => answer.body)).toEqual(["ok", "ok", "recorded as refused"]);
    const orders = await prisma.order.findMany({ select: { orderGid: true }, orderBy: { orderGid: "asc" } });
    expect(orders.map((order) => order.orderGid)).toEqual(["gid://shopify/Order/4001", "gid://shopify/Order/4002"]);
    const refused = await prisma.webhookDelivery.findUniqueOrThrow({ where: { shop_webhookId: { shop: TEST_SHOP, webhookId: "w-4003" } } });
    expect(refused.status).toBe("refused");
    expect(refused.error).toBe("triggered 72 hours before it arrived, outside the 48-hour replay window (a replay, not Shopify's retry); nothing applied");
  });
  it("stores the order and customer ids of every body that parsed, ignored and refused ones too, so privacy requests find them", async () => {
    const windowed = { ...config, replayWindow: replayWindowOfHours(48) };
    const threeDaysAgo = new Date(Date.now() - 72 * 3_600_000).toISOString();
    // WHEN an unknown order topic, an unknown topic naming a customer_id, a replayed order, invalid JSON and a mismatch arrive
    await deliver("orders/teleported", orderPayload(5001), { webhookId: "unknown-order" });
    await deliver("carts/teleport", { id: 9, customer_id: 800, email: "anna@example.se" }, { webhookId: "unknown-cart" });
    await receiveWebhook(webhookRequest("orders/create", orderPayload(5002), { webhookId: "replayed", triggeredAt: threeDaysAgo }), windowed);
    await deliver("orders/create", '{"id": 5003, "customer": {"id": 800', { webhookId: "invalid" });
    await deliver("shop/redact", { shop_id: 1, shop_domain: "shop-b.myshopify.com", customer_id: 800 }, { webhookId: "mismatch" });
    // THEN the parsed ones carry their ids whatever their status; invalid JSON and the other shop's body carry none
    const rows = await prisma.webhookDelivery.findMany({
      orderBy: { webhookId: "asc" },
      select: { webhookId: true, status: true, orderGid: true, customerGid: true },
    });
    expect(rows).toEqual([
      { webhookId: "invalid", status: "failed", orderGid: null, customerGid: null },
      { webhookId: "mismatch", status: "refused", orderGid: null, customerGid: null },
      { webhookId: "replayed", status: "refused", orderGid: "gid://shopify/Order/5002", customerGid: "gid://shopify/Customer/501" },
      { webhookId: "unknown-cart", status: "ignored", orderGid: null, customerGid: "gid://shopify/Customer/800" },
      { webhookId: "unknown-order", status: "ignored", orderGid: "gid://shopify/Order/5001", customerGid: "gid://shopify/Customer/501" },
    ]);
  });
});
