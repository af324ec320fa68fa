import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/models/db/prisma.server";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

beforeEach(resetDatabase);

const deliver = (topic: string, payload: unknown, options?: WebhookOptions) =>
  receiveWebhook(webhookRequest(topic, payload, options), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;

/** An insert rule row as the rule editor stores it, written by plain SQL (the editor is another feature). */
async function insertRule(shop: string, id: string, options: { active: boolean; archived?: boolean }) {
  await prisma.$executeRawUnsafe(
    `INSERT INTO "InsertRule" ("shop", "id", "version", "name", "priority", "active", "document", "archivedAt", "createdAt", "updatedAt")
     VALUES (?, ?, 1, ?, 1, ?, '{}', ?, ?, ?)`,
    shop,
    id,
    `Rule ${id}`,
    options.active ? 1 : 0,
    options.archived ? "2026-11-01T00:00:00.000+00:00" : null,
    "2026-11-01T00:00:00.000+00:00",
    "2026-11-01T00:00:00.000+00:00",
  );
}

const assignJobs = () =>
  prisma.job.findMany({ where: { type: "inserts.assign" }, orderBy: { shop: "asc" }, select: { shop: true, payload: true, dedupeKey: true, status: true } });

describe("first sight of an order: the inserts.assign seam", () => {
  it("queues one inserts.assign job per new order, only for shops with an active, unarchived rule", async () => {
    // GIVEN shop A has an active rule; shop B has only an inactive and an archived one
    await insertRule(TEST_SHOP, "thanks", { active: true });
    await insertRule(OTHER_SHOP, "paused", { active: false });
    await insertRule(OTHER_SHOP, "old", { active: true, archived: true });
    // WHEN an order reaches each shop, shop A's is replayed, updated and redelivered
    await deliver("orders/create", orderPayload(1), { shop: TEST_SHOP, webhookId: "a-create" });
    await deliver("orders/create", orderPayload(1), { shop: OTHER_SHOP, webhookId: "b-create" });
    await deliver("orders/create", orderPayload(1), { shop: TEST_SHOP, webhookId: "a-replay" });
    await deliver("orders/updated", orderPayload(1, { updated_at: "2026-11-21T10:00:00+01:00" }), { shop: TEST_SHOP, webhookId: "a-update" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await drainJobs();
    warn.mockRestore();
    // THEN shop A got exactly one job for the order, with the agreed payload and dedupe key, and shop B none
    expect(await assignJobs()).toEqual([
      { shop: TEST_SHOP, payload: '{"orderGid":"gid://shopify/Order/1"}', dedupeKey: "inserts.assign:gid://shopify/Order/1", status: "done" },
    ]);
    // AND the inserts feature decided the order once, for shop A only
    expect(await prisma.insertEvaluation.findMany({ select: { shop: true, orderGid: true } })).toEqual([
      { shop: TEST_SHOP, orderGid: "gid://shopify/Order/1" },
    ]);
  });

  it("queues it when an orders/updated is the first sight of the order, in the transaction that stores it", async () => {
    await insertRule(TEST_SHOP, "thanks", { active: true });
    await deliver("orders/updated", orderPayload(2), { webhookId: "first-is-update" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await drainJobs();
    warn.mockRestore();
    expect((await assignJobs()).map((job) => job.dedupeKey)).toEqual(["inserts.assign:gid://shopify/Order/2"]);
    expect(await prisma.deliveryPromise.count()).toBe(1);
  });
});

describe("the worker's settings cache", () => {
  const stockholmOrder = (id: number, createdAt: string) =>
    orderPayload(id, {
      created_at: createdAt,
      updated_at: createdAt,
      shipping_address: { country_code: "SE", province_code: "AB", zip: "114 55", city: "Stockholm" },
    });

  it("uses a newly saved version for the next order, and a version number reused after shop/redact with its new document", async () => {
    // The settings sync jobs these saves queue find no session here and retry: expected.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // GIVEN version 1 in force, and an order that warmed the cache with it
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    await deliver("orders/create", stockholmOrder(10, "2026-11-23T10:00:00+01:00"));
    await drainJobs();
    // WHEN version 2 (padding 3) is saved, effective before the next order
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 3 }, new Date("2026-11-02T00:00:00Z"));
    await deliver("orders/create", stockholmOrder(11, "2026-11-23T10:00:00+01:00"));
    await drainJobs();
    // THEN the next order is promised with version 2, the first keeps version 1
    const promise = (id: number) => prisma.deliveryPromise.findFirstOrThrow({ where: { orderGid: `gid://shopify/Order/${id}` } });
    expect(await promise(10)).toMatchObject({ settingsVersion: 1, paddingDays: 1 });
    expect(await promise(11)).toMatchObject({ settingsVersion: 2, paddingDays: 3 });
    // WHEN the shop is erased and starts again with a new version 1 (padding 5)
    await deliver("shop/redact", { shop_id: 1, shop_domain: TEST_SHOP });
    await drainJobs();
    expect(await prisma.promiseSettingsVersion.count()).toBe(0);
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 5 }, new Date("2026-11-01T00:00:00Z"));
    await deliver("orders/create", stockholmOrder(12, "2026-11-23T10:00:00+01:00"));
    await drainJobs();
    // THEN the order gets the new version 1's document, not the cached old one
    expect(await promise(12)).toMatchObject({ settingsVersion: 1, paddingDays: 5 });
    vi.restoreAllMocks();
  });
});
