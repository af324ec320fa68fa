import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { loader as detailLoader } from "~/routes/app.webhooks.$id";
import { PRUNE_BODIES_JOB, queueBodyPrunes } from "~/services/intake/prune-bodies.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

const DAY = 86_400_000;
const config = { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 64 * 1024 };
const deliver = (topic: string, payload: unknown, options?: WebhookOptions) => receiveWebhook(webhookRequest(topic, payload, options), config);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeEach(async () => {
  await resetDatabase();
  await storeOfflineSession(TEST_SHOP);
});

const deliveryRow = (webhookId: string) =>
  prisma.webhookDelivery.findUniqueOrThrow({ where: { shop_webhookId: { shop: TEST_SHOP, webhookId } }, omit: { body: false } });
/** Every normalized row the deliveries produced. */
const recorded = async () => ({
  orders: await prisma.order.findMany({ orderBy: { orderGid: "asc" } }),
  fulfillments: await prisma.fulfillment.findMany({ orderBy: { fulfillmentGid: "asc" } }),
});

describe("webhook body retention", () => {
  it("empties the bodies of processed deliveries older than the retention, keeps the rest, the metadata and the orders", async () => {
    // GIVEN an order and its fulfillment processed 40 days ago, an order processed 29 days ago, and one of
    // 40 days ago whose job is still waiting (its delivery not yet applied)
    await deliver("orders/create", orderPayload(1), { webhookId: "old-order" });
    await deliver("fulfillments/create", fulfillmentPayload(11, 1), { webhookId: "old-fulfillment" });
    await deliver("orders/create", orderPayload(2), { webhookId: "recent-order" });
    await drainJobs();
    await deliver("orders/create", orderPayload(3), { webhookId: "waiting-order" });
    await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(Date.now() + DAY) } });
    await prisma.webhookDelivery.updateMany({
      where: { webhookId: { in: ["old-order", "old-fulfillment", "waiting-order"] } },
      data: { receivedAt: daysAgo(40) },
    });
    await prisma.webhookDelivery.updateMany({ where: { webhookId: "recent-order" }, data: { receivedAt: daysAgo(29) } });
    const before = await Promise.all(["old-order", "old-fulfillment", "recent-order", "waiting-order"].map(deliveryRow));
    const records = await recorded();
    expect(records.orders).toHaveLength(2);

    // WHEN the hourly task runs (30 days by default) and the worker drains its jobs
    expect(queueBodyPrunes(getWorkerDb(), new Date())).toBe(1);
    await drainJobs();

    // THEN the old processed bodies are empty and marked pruned; every other column is as it was
    const after = await Promise.all(["old-order", "old-fulfillment", "recent-order", "waiting-order"].map(deliveryRow));
    expect(after.map((row) => [row.webhookId, row.body === "" ? "pruned body" : "body kept", row.bodyPrunedAt === null ? "not pruned" : "pruned"])).toEqual([
      ["old-order", "pruned body", "pruned"],
      ["old-fulfillment", "pruned body", "pruned"],
      ["recent-order", "body kept", "not pruned"],
      ["waiting-order", "body kept", "not pruned"],
    ]);
    for (const [index, row] of after.entries()) {
      const { body: _body, bodyPrunedAt: _prunedAt, ...metadata } = row;
      const { body: _oldBody, bodyPrunedAt: _oldPrunedAt, ...oldMetadata } = before[index];
      expect(metadata).toEqual(oldMetadata);
    }
    expect(after[0]).toMatchObject({ status: "processed", topic: "orders/create", orderGid: "gid://shopify/Order/1" });
    expect(after[2].body).toBe(before[2].body);
    expect(after[3]).toMatchObject({ status: "received", body: before[3].body });
    // ... the orders and fulfillments recorded from them are untouched
    expect(await recorded()).toEqual(records);
    // ... a repeat of a pruned delivery is still a duplicate and applies nothing
    expect(await deliver("orders/create", orderPayload(1, { total_price: "1.00" }), { webhookId: "old-order" })).toEqual({ status: 200, body: "duplicate" });
    expect(await prisma.webhookDelivery.count()).toBe(4);
    // ... and a second run in the same hour queues nothing
    expect(queueBodyPrunes(getWorkerDb(), new Date())).toBe(0);

    // WHEN the merchant opens the pruned delivery
    const { id } = after[0];
    const detail = await detailLoader({ request: await adminRequest(TEST_SHOP, `/app/webhooks/${id}`), params: { id }, context: {} });
    // THEN the page says why the body is gone, instead of an empty body
    expect(detail.pruned).toEqual({ afterDays: 40, keptDays: 30 });
    expect(detail.delivery).toMatchObject({ topic: "orders/create", bodyBytes: before[0].bodyBytes, status: "processed" });
  });

  it("prunes at most 1,000 bodies per transaction, queueing the next batch until none is left", async () => {
    // GIVEN 1,001 processed deliveries of 31 days ago and one already erased by customers/redact
    const receivedAt = daysAgo(31);
    await prisma.webhookDelivery.createMany({
      data: Array.from({ length: 1001 }, (_, index) => ({
        shop: TEST_SHOP,
        webhookId: `w-${index}`,
        topic: "orders/updated",
        status: "processed",
        receivedAt,
        body: `{"id":${index}}`,
        bodyBytes: 10,
      })),
    });
    await prisma.webhookDelivery.create({
      data: { shop: TEST_SHOP, webhookId: "erased", topic: "customers/redact", status: "processed", receivedAt, body: "[redacted]", bodyBytes: 99 },
    });
    // WHEN the hourly task runs and the worker claims one batch of jobs
    expect(queueBodyPrunes(getWorkerDb(), new Date())).toBe(1);
    await runDueJobs();
    // THEN the first job pruned 1,000 bodies and queued the next batch
    const pruned = () => prisma.webhookDelivery.count({ where: { body: "", bodyPrunedAt: { not: null } } });
    expect(await pruned()).toBe(1000);
    // WHEN the worker goes on, THEN the last body goes too, by a second job; the erased body keeps its marker
    await drainJobs();
    expect(await pruned()).toBe(1001);
    expect((await prisma.job.findMany({ where: { type: PRUNE_BODIES_JOB }, select: { status: true } })).map((job) => job.status)).toEqual(["done", "done"]);
    expect(await deliveryRow("erased")).toMatchObject({ body: "[redacted]", bodyPrunedAt: null });
  });
});
