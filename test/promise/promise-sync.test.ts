import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { readPromiseConfig } from "~/domain/promise/promise-config-wire";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { DEMO_ZONES, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { STOCKHOLM_FUNCTION_VARIABLES } from "../factories/promise-config";

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;

beforeEach(async () => {
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" } });
});

// Each save also refreshes the shipping-options snapshot (test/promise/shipping-snapshot.test.ts); these
// tests answer its operations and look only at the sync job's calls.
const snapshot: Record<string, () => unknown> = {
  DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES }),
  PickupLocations: () => pickupLocationsAnswer([]),
};
function installSyncDouble(answers: Parameters<typeof installAdminApiDouble>[0]) {
  const double = installAdminApiDouble({ ...snapshot, ...answers });
  return {
    get calls() {
      return double.calls.filter((call) => !(call.operationName in snapshot));
    },
    unexpected: double.unexpected,
  };
}

// Payloads as the Admin API sends them.
const shopContext = () => ({ data: { shop: { id: "gid://shopify/Shop/1", ianaTimezone: "Europe/Stockholm", plan: { shopifyPlus: false } } } });
const deliveryDates = (enabled: boolean) => () => ({ data: { deliveryPromiseSettings: { deliveryDatesEnabled: enabled } } });
const accessDenied = () => ({
  errors: [
    { message: "Access denied for deliveryPromiseSettings field. Required access: `read_shipping` access scope.", extensions: { code: "ACCESS_DENIED" } },
  ],
});
const metafieldsSetOk = (variables: Record<string, unknown>) => ({
  data: {
    metafieldsSet: {
      metafields: (variables.metafields as { key: string }[]).map((input, index) => ({
        id: `gid://shopify/Metafield/${9 + index}`,
        namespace: "app--1--promise",
        key: input.key,
      })),
      userErrors: [],
    },
  },
});
const existingCustomization = (enabled: boolean) => () => ({
  data: {
    deliveryCustomizations: {
      nodes: [
        { id: "gid://shopify/DeliveryCustomization/4", enabled: true, metafield: null },
        { id: "gid://shopify/DeliveryCustomization/7", enabled, metafield: { id: "gid://shopify/Metafield/70" } },
      ],
    },
  },
});
const noCustomization = () => ({
  data: { deliveryCustomizations: { nodes: [{ id: "gid://shopify/DeliveryCustomization/4", enabled: true, metafield: null }] } },
});
const created = () => ({
  data: { deliveryCustomizationCreate: { deliveryCustomization: { id: "gid://shopify/DeliveryCustomization/8", enabled: true }, userErrors: [] } },
});

type MetafieldInput = { ownerId?: string; namespace: string; key: string; type: string; value: string };

describe("promise config sync to the shop metafield (outbox job)", () => {
  it("writes the settings in force as a packed config with Shopify's facts, then creates the delivery customization", async () => {
    const double = installSyncDouble({
      PromiseShopContext: shopContext,
      DeliveryDatesSetting: deliveryDates(false),
      MetafieldsSet: metafieldsSetOk,
      KeptDeliveryCustomizations: noCustomization,
      DeliveryCustomizationCreate: created,
    });
    // GIVEN a saved settings version: the sync job is queued in the same transaction
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    expect(await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } })).toMatchObject({ status: "pending" });
    // WHEN the worker runs
    const startedAt = new Date();
    await drainJobs();
    // THEN Shopify got the config on the shop, then a new customization running the Function, and the job is done
    expect(double.unexpected).toEqual([]);
    expect(double.calls.map((call) => call.operationName)).toEqual([
      "PromiseShopContext",
      "DeliveryDatesSetting",
      "MetafieldsSet",
      "KeptDeliveryCustomizations",
      "DeliveryCustomizationCreate",
    ]);
    const [input] = double.calls[2].variables.metafields as MetafieldInput[];
    expect(input).toMatchObject({ ownerId: "gid://shopify/Shop/1", namespace: "$app:promise", key: "config", type: "json" });
    const config = readPromiseConfig(input.value);
    expect(config?.lanes.map((lane) => lane.id)).toContain("se-standard");
    expect(config).toMatchObject({ shopifyDates: false, shopifyTimeZone: "Europe/Stockholm", timeZone: "Europe/Stockholm", checkoutSurface: "title" });
    const customization = double.calls[4].variables.deliveryCustomization as { functionHandle: string; enabled: boolean; metafields: MetafieldInput[] };
    expect(customization).toMatchObject({ functionHandle: "kept-promise-dates", enabled: true });
    expect(customization.metafields).toEqual([
      {
        namespace: "$app:promise",
        key: "function-variables",
        type: "json",
        value: JSON.stringify(STOCKHOLM_FUNCTION_VARIABLES),
      },
    ]);
    expect(await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } })).toMatchObject({ status: "done" });
    // AND the version is recorded as published (checkout has it: orders from now on are recorded with it)
    const { publishedAt } = await prisma.promiseSettingsVersion.findUniqueOrThrow({ where: { shop_version: { shop: TEST_SHOP, version: 1 } } });
    expect(publishedAt).toBeInstanceOf(Date);
    expect(publishedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    expect(publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("updates the existing customization's variables instead of creating a second one, and leaves it disabled", async () => {
    const double = installSyncDouble({
      PromiseShopContext: shopContext,
      DeliveryDatesSetting: deliveryDates(true),
      MetafieldsSet: metafieldsSetOk,
      KeptDeliveryCustomizations: existingCustomization(false),
    });
    // GIVEN two saved versions (two sync jobs), and Kept's customization exists, disabled by the merchant
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    await saveSettingsVersion(
      TEST_SHOP,
      { ...example, cutoffs: { mon: "15:30", tue: "14:00", wed: "14:00", thu: "14:00", fri: "13:00" } },
      new Date("2026-01-02T00:00:00Z"),
    );
    // WHEN both jobs run
    await drainJobs();
    // THEN nothing is created; each run sets the variables on customization 7 (the one with Kept's metafield)
    expect(double.unexpected).toEqual([]);
    expect(double.calls.filter((call) => call.operationName === "DeliveryCustomizationCreate")).toEqual([]);
    const variableWrites = double.calls
      .filter((call) => call.operationName === "MetafieldsSet")
      .map((call) => (call.variables.metafields as MetafieldInput[])[0])
      .filter((input) => input.key === "function-variables");
    expect(variableWrites).toHaveLength(2);
    expect(variableWrites.every((input) => input.ownerId === "gid://shopify/DeliveryCustomization/7")).toBe(true);
    // Both jobs publish the settings in force now (the newer version), so both write its 15:30 Monday cut-off.
    expect(variableWrites.map((input) => (JSON.parse(input.value) as { cutoffMon: string }).cutoffMon)).toEqual(["15:30:00", "15:30:00"]);
    const config = readPromiseConfig((double.calls.find((call) => call.operationName === "MetafieldsSet")!.variables.metafields as MetafieldInput[])[0].value);
    expect(config?.shopifyDates).toBe(true);
    expect(await prisma.job.count({ where: { type: "promise.sync-config", status: "done" } })).toBe(2);
  });

  it("publishes the Shopify delivery-date setting as unknown when read_shipping is not granted yet", async () => {
    const double = installSyncDouble({
      PromiseShopContext: shopContext,
      DeliveryDatesSetting: accessDenied,
      MetafieldsSet: metafieldsSetOk,
      KeptDeliveryCustomizations: existingCustomization(true),
    });
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    await drainJobs();
    expect(double.unexpected).toEqual([]);
    const config = readPromiseConfig((double.calls[2].variables.metafields as MetafieldInput[])[0].value);
    expect(config).not.toBeNull();
    expect(config && "shopifyDates" in config).toBe(false);
    expect(await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } })).toMatchObject({ status: "done" });
  });

  // Which one surface dates shipping options: the plan Shopify reports × the merchant's `checkoutSurface`.
  it.each<[string, unknown, string | undefined, string]>([
    ["Plus, automatic", { shopifyPlus: true }, undefined, "option"],
    ["Plus, the merchant chose the title", { shopifyPlus: true }, "title", "title"],
    ["Plus, the merchant chose the line under the option", { shopifyPlus: true }, "option", "option"],
    ["not Plus, asking for the line under the option (Plus-only)", { shopifyPlus: false }, "option", "title"],
    ["the plan missing from the answer", null, "auto", "title"],
  ])("publishes the checkout surface: %s", async (_name, plan, checkoutSurface, expected) => {
    const double = installSyncDouble({
      PromiseShopContext: () => ({ data: { shop: { id: "gid://shopify/Shop/1", ianaTimezone: "Europe/Stockholm", plan } } }),
      DeliveryDatesSetting: deliveryDates(false),
      MetafieldsSet: metafieldsSetOk,
      KeptDeliveryCustomizations: existingCustomization(true),
    });
    await saveSettingsVersion(TEST_SHOP, checkoutSurface === undefined ? example : { ...example, checkoutSurface }, new Date("2026-01-01T00:00:00Z"));
    await drainJobs();
    expect(double.unexpected).toEqual([]);
    const value = (double.calls[2].variables.metafields as MetafieldInput[])[0].value;
    expect(readPromiseConfig(value)?.checkoutSurface).toBe(expected);
    expect((JSON.parse(value) as { cs?: string }).cs).toBe(expected);
  });

  it("retries when Shopify refuses, and dead-letters after the last attempt", async () => {
    installSyncDouble({
      PromiseShopContext: shopContext,
      DeliveryDatesSetting: deliveryDates(false),
      MetafieldsSet: () => ({
        data: { metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields", "0", "value"], message: "Value is too big", code: "INVALID_VALUE" }] } },
      }),
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
    // The metafield never got the version: checkout does not show it, and the ledger does not pretend it does.
    expect(await prisma.promiseSettingsVersion.findFirstOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({ version: 1, publishedAt: null });
  });

  it("retries when the customization cannot be created (e.g. the Function is not deployed yet)", async () => {
    installSyncDouble({
      PromiseShopContext: shopContext,
      DeliveryDatesSetting: deliveryDates(false),
      MetafieldsSet: metafieldsSetOk,
      KeptDeliveryCustomizations: noCustomization,
      DeliveryCustomizationCreate: () => ({
        data: {
          deliveryCustomizationCreate: {
            deliveryCustomization: null,
            userErrors: [{ field: ["deliveryCustomization", "functionHandle"], message: "Function not found.", code: "FUNCTION_NOT_FOUND" }],
          },
        },
      }),
    });
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    await runDueJobs();
    const job = await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } });
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.lastError).toContain("deliveryCustomization.functionHandle: Function not found.");
    // The metafield was written, so the checkout extension shows the version already: it counts as published.
    expect((await prisma.promiseSettingsVersion.findFirstOrThrow({ where: { shop: TEST_SHOP } })).publishedAt).toBeInstanceOf(Date);
  });
});
