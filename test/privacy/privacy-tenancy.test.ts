import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getOrder, listOrders } from "~/models/orders/order.server";
import { listDeliveries } from "~/models/intake/webhook-delivery.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

beforeEach(resetDatabase);

const deliver = (topic: string, payload: unknown, options?: WebhookOptions) =>
  receiveWebhook(webhookRequest(topic, payload, options), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

const customer = (id: number) => ({ id, admin_graphql_api_id: `gid://shopify/Customer/${id}`, email: `c${id}@example.com`, tags: "" });

describe("tenancy", () => {
  it("never reads or changes shop A's data through shop B's webhooks or queries", async () => {
    // GIVEN the same order id in two shops
    await deliver("orders/create", orderPayload(1, { total_price: "100.00" }), { shop: TEST_SHOP });
    await deliver("orders/create", orderPayload(1, { total_price: "999.00" }), { shop: OTHER_SHOP });
    await drainJobs();
    // WHEN shop B updates, cancels and redacts "its" order 1 and then uninstalls
    await deliver("orders/updated", orderPayload(1, { updated_at: "2026-11-21T10:00:00+01:00", financial_status: "refunded" }), { shop: OTHER_SHOP });
    await deliver("customers/redact", { shop_id: 2, shop_domain: OTHER_SHOP, customer: customer(501), orders_to_redact: [1] }, { shop: OTHER_SHOP });
    await deliver("shop/redact", { shop_id: 2, shop_domain: OTHER_SHOP }, { shop: OTHER_SHOP });
    await drainJobs();
    // THEN shop A's order is untouched and shop A's queries never see shop B's rows
    const a = await getOrder(TEST_SHOP, "gid://shopify/Order/1");
    expect(a?.order).toMatchObject({ totalPrice: "100.00", financialStatus: "paid", email: "anna@example.se" });
    expect(await listOrders(OTHER_SHOP)).toEqual([]);
    expect((await listDeliveries(TEST_SHOP)).deliveries.map((row) => row.topic)).toEqual(["orders/create"]);
    expect((await listDeliveries(OTHER_SHOP)).deliveries.map((row) => row.topic)).toEqual(["shop/redact"]);
  });
});

describe("privacy webhooks", () => {
  it("customers/data_request gathers the customer's stored data for the merchant", async () => {
    await deliver("orders/create", orderPayload(11, { customer: customer(700) }));
    await deliver("orders/create", orderPayload(12, { customer: customer(701) }));
    await deliver("fulfillments/create", fulfillmentPayload(31, 11));
    await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: customer(700),
      orders_requested: [11],
      data_request: { id: 9999 },
    });
    await drainJobs();
    const exported = await prisma.dataRequestExport.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    const data = JSON.parse(exported.data) as { orders: { orderGid: string }[]; fulfillments: unknown[] };
    expect(exported.requestId).toBe("9999");
    expect(data.orders.map((order) => order.orderGid)).toEqual(["gid://shopify/Order/11"]);
    expect(data.fulfillments).toHaveLength(1);
  });

  it("customers/redact erases personal data and cancels pending work for that customer only", async () => {
    await deliver("orders/create", orderPayload(21, { customer: customer(800) }));
    await deliver("orders/create", orderPayload(22, { customer: customer(801), email: "keep@example.com" }));
    await drainJobs();
    const pending = await prisma.job.create({ data: { shop: TEST_SHOP, type: "followup.send", customerGid: "gid://shopify/Customer/800" } });
    const other = await prisma.job.create({ data: { shop: TEST_SHOP, type: "followup.send", customerGid: "gid://shopify/Customer/801" } });
    await deliver("customers/redact", { shop_id: 1, shop_domain: TEST_SHOP, customer: customer(800), orders_to_redact: [21] });
    await prisma.job.updateMany({ where: { id: { in: [pending.id, other.id] } }, data: { runAt: new Date(Date.now() + 3_600_000) } });
    await drainJobs();
    const redacted = await prisma.order.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/21" } });
    expect(redacted).toMatchObject({ email: null, customerGid: null, shipZip: null, shipCity: null, shipCountry: "SE" });
    const body = (await prisma.webhookDelivery.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/21" } })).body;
    expect(body).toBe("[redacted]");
    expect((await prisma.job.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("cancelled");
    expect((await prisma.job.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
    expect((await prisma.order.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/22" } })).email).toBe("keep@example.com");
  });

  it("app/uninstalled removes sessions and stops all work; later deliveries are recorded but not applied", async () => {
    await prisma.session.create({ data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "x", accessToken: "t" } });
    const later = await prisma.job.create({ data: { shop: TEST_SHOP, type: "metafield.sync", runAt: new Date(Date.now() + 60_000) } });
    await deliver("app/uninstalled", { id: 1, domain: TEST_SHOP, myshopify_domain: TEST_SHOP });
    await drainJobs();
    await deliver("orders/create", orderPayload(31));
    await drainJobs();
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("cancelled");
    expect(await prisma.order.count()).toBe(0);
    const last = await prisma.webhookDelivery.findFirstOrThrow({ where: { topic: "orders/create" } });
    expect(last).toMatchObject({ status: "ignored", error: "shop uninstalled: not applied" });
  });

  it("shop/redact erases everything for the shop but its own log line", async () => {
    await deliver("orders/create", orderPayload(41));
    await deliver("fulfillments/create", fulfillmentPayload(42, 41));
    await deliver("shop/redact", { shop_id: 1, shop_domain: TEST_SHOP });
    await drainJobs();
    for (const count of [prisma.order.count(), prisma.fulfillment.count(), prisma.shop.count()]) expect(await count).toBe(0);
    const log = await prisma.webhookDelivery.findMany();
    expect(log.map((row) => [row.topic, row.body])).toEqual([["shop/redact", "[redacted]"]]);
  });
});
