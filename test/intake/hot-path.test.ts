import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/models/db/prisma.server";
import { claimJobs } from "~/models/jobs/job.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { processWebhookJobs, WEBHOOK_CHUNK } from "~/services/intake/process-webhook-batch.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

// The worker's synchronous hot path (process-webhook-batch.server.ts) on its own SQLite connection.
beforeEach(async () => {
  await resetDatabase();
  getWorkerDb().connection.exec(`DROP TRIGGER IF EXISTS "refuse_order"`);
});

const deliver = (topic: string, payload: unknown, options?: WebhookOptions) =>
  receiveWebhook(webhookRequest(topic, payload, options), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

const statusOf = async (webhookId: string) =>
  prisma.webhookDelivery.findFirstOrThrow({
    where: { webhookId },
    select: { status: true, error: true, jobs: { select: { status: true, attempts: true, lastError: true } } },
  });

describe("the worker's hot path", () => {
  it("applies a mixed batch in one claim: valid, invalid, unparseable, privacy topics and scans before their fulfillment", async () => {
    // GIVEN one claimed batch holding every kind of delivery
    await deliver("fulfillment_events/create", fulfillmentEventPayload(90, 80, 70, { status: "delivered", happened_at: "2026-11-23T14:00:00+01:00" }), {
      webhookId: "scan",
    });
    await deliver("fulfillments/create", fulfillmentPayload(80, 70), { webhookId: "fulfillment" });
    await deliver("orders/create", orderPayload(70), { webhookId: "order" });
    await deliver("orders/create", orderPayload(71, { currency: "EURO" }), { webhookId: "invalid" });
    await deliver("orders/create", orderPayload(72), { webhookId: "redacted" });
    await deliver(
      "customers/data_request",
      { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 501 }, orders_requested: [70], data_request: { id: 1 } },
      { webhookId: "privacy" },
    );
    await prisma.webhookDelivery.updateMany({ where: { webhookId: "redacted" }, data: { body: "[redacted]" } });
    const db = getWorkerDb();
    const jobs = claimJobs(db, 100, 60_000);
    expect(jobs).toHaveLength(6);
    // WHEN the hot path runs it
    const rest = processWebhookJobs(db, jobs);
    // THEN it hands back only the privacy topic, applied the rest and recorded each outcome with its job
    const privacyJob = await prisma.job.findFirstOrThrow({ where: { delivery: { webhookId: "privacy" } } });
    expect(rest.map((job) => job.id)).toEqual([privacyJob.id]);
    expect(await statusOf("order")).toMatchObject({ status: "processed", jobs: [{ status: "done", attempts: 1 }] });
    expect(await statusOf("invalid")).toMatchObject({
      status: "failed",
      error: "invalid payload: currency: String must contain exactly 3 character(s)",
      jobs: [{ status: "done" }],
    });
    expect((await statusOf("redacted")).error).toMatch(/^invalid JSON/);
    expect(await statusOf("privacy")).toMatchObject({ status: "received", jobs: [{ status: "running" }] });
    const fulfillment = await prisma.fulfillment.findFirstOrThrow();
    expect(fulfillment).toMatchObject({ orderGid: "gid://shopify/Order/70", deliveredAt: new Date("2026-11-23T13:00:00.000Z") });
    expect(await prisma.order.count()).toBe(1);
    expect(await prisma.deliveryPromise.count()).toBe(1);
  });

  it("rolls a failed chunk back and applies its deliveries one by one: the bad one retries, the others apply", async () => {
    // GIVEN SQLite refuses one order (a trigger stands in for any error other than a bad payload)
    getWorkerDb().connection.exec(`
      CREATE TRIGGER "refuse_order" BEFORE INSERT ON "Order" WHEN NEW."name" = '#boom'
      BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let index = 0; index < 5; index += 1) await deliver("orders/create", orderPayload(100 + index), { webhookId: `ok-${index}` });
    await deliver("orders/create", orderPayload(200, { name: "#boom" }), { webhookId: "boom" });
    // WHEN the worker runs the batch
    await drainJobs();
    // THEN the five others are processed once, and the refused one waits for its retry with the error
    expect(await prisma.order.count()).toBe(5);
    expect(await prisma.deliveryPromise.count()).toBe(5);
    expect(await prisma.webhookDelivery.count({ where: { status: "processed" } })).toBe(5);
    const boom = await statusOf("boom");
    expect(boom.status).toBe("received");
    expect(boom.jobs).toEqual([{ status: "pending", attempts: 1, lastError: "SqliteError: disk says no" }]);
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining("batch of 6 rolled back"),
      expect.stringMatching(/webhook\.process\) failed, retry: SqliteError: disk says no/),
    ]);
    warn.mockRestore();
  });

  it("splits a large claim into transactions of WEBHOOK_CHUNK and processes every delivery once", async () => {
    const count = WEBHOOK_CHUNK * 2 + 3;
    for (let index = 0; index < count; index += 1) await deliver("orders/create", orderPayload(300 + index), { webhookId: `many-${index}` });
    await deliver("orders/create", orderPayload(300), { webhookId: "many-0" });
    await drainJobs();
    expect(await prisma.order.count()).toBe(count);
    expect(await prisma.webhookDelivery.count({ where: { status: "processed" } })).toBe(count);
    expect(await prisma.job.count({ where: { status: "done", attempts: 1 } })).toBe(count);
  });
});
