import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { saveSettingsVersion } from "~/models/promise-settings.server";
import { receiveWebhook } from "~/services/receive-webhook.server";
import { drainJobs } from "~/services/run-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest, type WebhookOptions } from "../support/webhooks";

beforeEach(resetDatabase);

const deliver = (topic: string, payload: unknown, options?: WebhookOptions) =>
  receiveWebhook(webhookRequest(topic, payload, options), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;

async function promiseOf(orderId: number) {
  return prisma.deliveryPromise.findUniqueOrThrow({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: `gid://shopify/Order/${orderId}` } } });
}

describe("the promise recorded at orders/create", () => {
  it("is recomputed with the settings version in force at the order's creation instant", async () => {
    // GIVEN version 1 (the example shop, padding 1) from November, and version 2 (padding 3) from 1 December
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 3 }, new Date("2026-12-01T00:00:00Z"));
    // WHEN a Stockholm order placed Monday 23 Nov 13:59 (before the 14:00 cut-off) with Standard arrives, late, in December
    const order = orderPayload(8001, {
      created_at: "2026-11-23T13:59:00+01:00",
      updated_at: "2026-11-23T13:59:00+01:00",
      shipping_lines: [{ title: "Standard", code: "standard", source: "shopify" }],
      shipping_address: { country_code: "SE", province_code: "AB", zip: "114 55", city: "Stockholm" },
    });
    await deliver("orders/create", order, { triggeredAt: "2026-12-02T08:00:00Z" });
    await drainJobs();
    // THEN it gets what `npm run promise` answers for that instant with version 1 (see docs/promise-engine.md)
    expect(await promiseOf(8001)).toMatchObject({
      status: "promised", laneKey: "se-standard", shipBy: "2026-11-24", rawEarliest: "2026-11-24", rawLatest: "2026-11-26",
      promisedDate: "2026-11-27", paddingDays: 1, settingsVersion: 1,
    });
  });

  it("records why there is no promise, and a replay keeps the first record", async () => {
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    const pos = orderPayload(8002, { source_name: "pos", shipping_address: null, shipping_lines: [] });
    await deliver("orders/create", pos);
    await deliver("orders/create", orderPayload(8003, { shipping_lines: [{ title: "Drone", code: "drone", source: "shopify" }], shipping_address: { country_code: "SE" } }));
    await drainJobs();
    expect(await promiseOf(8002)).toMatchObject({ status: "none", noPromiseReason: "no-destination", promisedDate: null });
    expect(await promiseOf(8003)).toMatchObject({ status: "none", noPromiseReason: "no-lane" });
    await saveSettingsVersion(TEST_SHOP, { ...example, lanes: [] }, new Date("2026-01-01T00:00:00Z"));
    await deliver("orders/updated", pos);
    await drainJobs();
    expect(await prisma.deliveryPromise.count()).toBe(2);
    expect(await promiseOf(8002)).toMatchObject({ settingsVersion: 1 });
  });

  it("records no-settings when the shop has none", async () => {
    await deliver("orders/create", orderPayload(8004));
    await drainJobs();
    expect(await promiseOf(8004)).toMatchObject({ status: "none", noPromiseReason: "no-settings", settingsVersion: null });
  });
});
