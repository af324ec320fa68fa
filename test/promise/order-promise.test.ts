import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
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
    const recorded = await promiseOf(8001);
    expect(recorded).toMatchObject({
      status: "promised",
      laneKey: "se-standard",
      shipBy: "2026-11-24",
      rawEarliest: "2026-11-24",
      rawLatest: "2026-11-26",
      promisedDate: "2026-11-27",
      paddingDays: 1,
      settingsVersion: 1,
    });
    // AND, as no version had reached checkout (no sync succeeded), it says the shopper saw no Kept date
    expect(recorded.shownAtCheckout).toBe(false);
    expect(JSON.parse(recorded.reason)).toContain(
      "not shown at checkout: no settings version had been published to the shop metafield when the order was placed",
    );
  });

  it("records why there is no promise, and a replay keeps the first record", async () => {
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    const pos = orderPayload(8002, { source_name: "pos", shipping_address: null, shipping_lines: [] });
    await deliver("orders/create", pos);
    await deliver(
      "orders/create",
      orderPayload(8003, { shipping_lines: [{ title: "Drone", code: "drone", source: "shopify" }], shipping_address: { country_code: "SE" } }),
    );
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
    expect(await promiseOf(8004)).toMatchObject({ status: "none", noPromiseReason: "no-settings", settingsVersion: null, shownAtCheckout: false });
  });
});

describe("the promise recorded at orders/create follows what checkout had, not what was saved", () => {
  const stockholmOrder = (id: number, createdAt: string) =>
    orderPayload(id, {
      created_at: createdAt,
      updated_at: createdAt,
      shipping_lines: [{ title: "Standard", code: "standard", source: "shopify" }],
      shipping_address: { country_code: "SE", zip: "114 55", city: "Stockholm" },
    });

  it("uses the version published at the order's creation instant while a newer saved version's sync is failing", async () => {
    // GIVEN version 1 (padding 1) saved on 1 Nov and published on 2 Nov; version 2 (padding 3) saved on 1 Dec,
    // whose metafield sync has not succeeded (dead-lettered)
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    await markVersionPublished(TEST_SHOP, 1, new Date("2026-11-02T10:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 3 }, new Date("2026-12-01T00:00:00Z"));
    // WHEN an order placed Wed 2 Dec 10:00 Stockholm arrives
    await deliver("orders/create", stockholmOrder(8101, "2026-12-02T10:00:00+01:00"));
    await drainJobs();
    // THEN it is recorded with version 1, which checkout showed: ships Wed 2–Thu 3, latest Mon 7, +1 → Tue 8 Dec
    expect(await promiseOf(8101)).toMatchObject({ settingsVersion: 1, paddingDays: 1, promisedDate: "2026-12-08", shownAtCheckout: true });
  });

  it("switches to a version at the instant it was published, also for orders that arrive late", async () => {
    // GIVEN version 1 published on 2 Nov, version 2 (padding 3) saved 1 Dec and published Thu 3 Dec 10:00 UTC
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    await markVersionPublished(TEST_SHOP, 1, new Date("2026-11-02T10:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 3 }, new Date("2026-12-01T00:00:00Z"));
    await markVersionPublished(TEST_SHOP, 2, new Date("2026-12-03T10:00:00Z"));
    // a later success (the daily run) does not move the instant version 2 reached checkout
    await markVersionPublished(TEST_SHOP, 2, new Date("2026-12-04T00:05:00Z"));
    // WHEN orders placed on Thu 3 Dec at 10:59 and 11:01 Stockholm (09:59 and 10:01 UTC) arrive, the later one first
    await deliver("orders/create", stockholmOrder(8103, "2026-12-03T11:01:00+01:00"));
    await deliver("orders/create", stockholmOrder(8102, "2026-12-03T10:59:00+01:00"));
    await drainJobs();
    // THEN each gets the version checkout had at its creation: ships Thu 3–Fri 4, latest Tue 8; +1 → Wed 9, +3 → Fri 11
    expect(await promiseOf(8102)).toMatchObject({ settingsVersion: 1, paddingDays: 1, promisedDate: "2026-12-09", shownAtCheckout: true });
    expect(await promiseOf(8103)).toMatchObject({ settingsVersion: 2, paddingDays: 3, promisedDate: "2026-12-11", shownAtCheckout: true });
  });
});
