import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { saveSettingsVersion } from "~/models/promise-settings.server";
import { drainJobs, runDueJobs } from "~/services/run-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { DEMO_ZONES, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;

beforeEach(async () => {
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" } });
});

const shopId = () => ({ data: { shop: { id: "gid://shopify/Shop/1" } } });
// Each save also refreshes the shipping-options snapshot (test/services/shipping-snapshot.test.ts).
const snapshot = { DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES }), PickupLocations: () => pickupLocationsAnswer([]) };
const isSync = (call: { operationName: string }) => ["ShopId", "MetafieldsSet"].includes(call.operationName);

describe("promise config sync to the shop metafield (outbox job)", () => {
  it("writes the settings in force as a compact JSON config with metafieldsSet", async () => {
    const double = installAdminApiDouble({
      ...snapshot,
      ShopId: shopId,
      MetafieldsSet: () => ({ data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/9", namespace: "app--1--promise", key: "config" }], userErrors: [] } } }),
    });
    // GIVEN a saved settings version: the sync job is queued in the same transaction
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    expect(await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } })).toMatchObject({ status: "pending" });
    // WHEN the worker runs
    await drainJobs();
    // THEN Shopify got one metafieldsSet on the shop with the engine's config, and the job is done
    expect(double.unexpected).toEqual([]);
    const syncCalls = double.calls.filter(isSync);
    expect(syncCalls.map((call) => [call.shop, call.operationName])).toEqual([[TEST_SHOP, "ShopId"], [TEST_SHOP, "MetafieldsSet"]]);
    const [input] = syncCalls[1].variables.metafields as { ownerId: string; namespace: string; key: string; type: string; value: string }[];
    expect(input).toMatchObject({ ownerId: "gid://shopify/Shop/1", namespace: "$app:promise", key: "config", type: "json" });
    const config = JSON.parse(input.value) as { lanes: { id: string }[]; timeZone?: string };
    expect(config.lanes.map((lane) => lane.id)).toContain("se-standard");
    expect(await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } })).toMatchObject({ status: "done" });
  });

  it("retries when Shopify refuses, and dead-letters after the last attempt", async () => {
    installAdminApiDouble({
      ...snapshot,
      ShopId: shopId,
      MetafieldsSet: () => ({ data: { metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields", "0", "value"], message: "Value is too big", code: "INVALID_VALUE" }] } } }),
    });
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    await prisma.job.updateMany({ where: { type: "promise.sync-config" }, data: { maxAttempts: 2 } });
    await runDueJobs();
    const retry = await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } });
    expect(retry).toMatchObject({ status: "pending", attempts: 1 });
    expect(retry.lastError).toContain("metafields.0.value: Value is too big");
    await prisma.job.updateMany({ where: { id: retry.id }, data: { runAt: new Date(0) } });
    await runDueJobs();
    expect(await prisma.job.findUniqueOrThrow({ where: { id: retry.id } })).toMatchObject({ status: "dead", attempts: 2 });
  });
});
