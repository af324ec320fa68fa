import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { inTransaction } from "~/models/db/prisma.server";
import { getShippingSnapshot, requestShippingSnapshot, saveShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { fetchShippingOptions } from "~/services/promise/fetch-shipping-options.server";
import { recordInstall } from "~/services/shop/record-install.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { DEMO_ZONES, accessDeniedAnswer, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { unauthenticated } from "~/shopify.server";

beforeEach(async () => {
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" } });
});

const pickup = () =>
  pickupLocationsAnswer([
    { name: "Lager Göteborg", pickupTime: "ONE_HOUR" },
    { name: "Kontor", pickupTime: null },
  ]);
const graphqlOf = async () => {
  const { admin } = await unauthenticated.admin(TEST_SHOP);
  return (query: string, options?: { variables?: Record<string, unknown> }) => admin.graphql(query, options);
};

describe("reading the shop's shipping options from the Admin API", () => {
  it("turns delivery profiles, carrier services and pickup locations into options", async () => {
    const double = installAdminApiDouble({
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: true, zones: DEMO_ZONES, processingTime: "P2D", shopifyPlus: true }),
      PickupLocations: pickup,
    });
    const snapshot = await fetchShippingOptions(await graphqlOf());
    expect(double.unexpected).toEqual([]);
    expect(snapshot).toMatchObject({
      shopTimeZone: "Europe/Stockholm",
      shopCountry: "SE",
      shopifyPlus: true,
      deliveryDatesEnabled: true,
      processingTime: "P2D",
      truncated: false,
      pickupError: null,
    });
    // Inactive rates and inactive carrier services are not offered, so they are not listed.
    expect(snapshot.options.map((option) => [option.name, option.rateKind, option.destinations.map((d) => d.country).join("+")])).toEqual([
      ["Standard", "merchant", "SE"],
      ["PostNord MyPack Home", "carrier-app", "SE"],
      ["DHL Paket International", "carrier-app", "DE+AT"],
      ["Correos Internacional", "merchant", "ES"],
      ["International Standard", "merchant", "*"],
      ["Pickup at Lager Göteborg", "pickup", "SE"],
    ]);
    expect(snapshot.options[2]?.destinations[0]).toEqual({ country: "DE", provinces: ["BY", "BE"] });
    expect(snapshot.options[1]?.source).toBe("General profile · Sweden · PostNord (app)");
  });

  it("tells a Shopify-integrated carrier (no callback URL) from a carrier app, and notices a cut-short list", async () => {
    const answer = deliveryOptionsAnswer({
      deliveryDatesEnabled: false,
      zones: [
        {
          name: "US",
          countries: [{ code: "US" }],
          rates: [{ kind: "carrier", name: "UPS", carrier: "UPS", callbackUrl: null, services: [{ name: "UPS® Ground", active: true }] }],
        },
      ],
    });
    answer.data.deliveryProfiles.pageInfo.hasNextPage = true;
    installAdminApiDouble({ DeliveryOptionsSnapshot: () => answer, PickupLocations: () => pickupLocationsAnswer([]) });
    const snapshot = await fetchShippingOptions(await graphqlOf());
    expect(snapshot.options).toMatchObject([{ name: "UPS® Ground", rateKind: "carrier-shopify" }]);
    expect(snapshot.truncated).toBe(true);
  });

  it("keeps the shipping rates when Shopify refuses the pickup locations (scope), and says why", async () => {
    installAdminApiDouble({
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES }),
      PickupLocations: () => accessDeniedAnswer("locationsAvailableForDeliveryProfilesConnection"),
    });
    const snapshot = await fetchShippingOptions(await graphqlOf());
    expect(snapshot.options.some((option) => option.methodType === "PICK_UP")).toBe(false);
    expect(snapshot.options).toHaveLength(5);
    expect(snapshot.pickupError).toContain("Access denied for locationsAvailableForDeliveryProfilesConnection");
  });
});

describe("the shipping.snapshot outbox job", () => {
  it("stores the snapshot and the store's time zone on Refresh, and a second Refresh while one waits queues nothing new", async () => {
    const double = installAdminApiDouble({
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: true, zones: DEMO_ZONES }),
      PickupLocations: pickup,
    });
    // GIVEN two clicks on "Refresh from Shopify"
    const first = await requestShippingSnapshot(TEST_SHOP);
    const second = await requestShippingSnapshot(TEST_SHOP);
    expect(second.id).toBe(first.id);
    // WHEN the worker runs
    await drainJobs();
    // THEN one read, a stored snapshot, and the job succeeded
    expect(double.calls.map((call) => call.operationName)).toEqual(["DeliveryOptionsSnapshot", "PickupLocations"]);
    const stored = await getShippingSnapshot(TEST_SHOP);
    expect(stored.snapshot?.options).toHaveLength(6);
    expect(stored.fetchedAt).toBeInstanceOf(Date);
    expect(stored.job).toMatchObject({ id: first.id, status: "done" });
    // AND the shop's calendar is the store's zone in Shopify (code expiry dates and rule windows read it)
    expect(await getShopInfo(TEST_SHOP)).toMatchObject({ timezone: "Europe/Stockholm" });
  });

  it("retries when Shopify fails and keeps showing the last snapshot", async () => {
    installAdminApiDouble({ DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: true, zones: DEMO_ZONES }), PickupLocations: pickup });
    await requestShippingSnapshot(TEST_SHOP);
    await drainJobs();
    const before = await getShippingSnapshot(TEST_SHOP);
    // WHEN the next refresh is throttled
    installAdminApiDouble({
      DeliveryOptionsSnapshot: () => ({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }),
      PickupLocations: pickup,
    });
    await requestShippingSnapshot(TEST_SHOP);
    await runDueJobs();
    // THEN the job waits for its retry with the error, and the stored snapshot is the previous one
    const after = await getShippingSnapshot(TEST_SHOP);
    expect(after.job).toMatchObject({ status: "pending", attempts: 1 });
    expect(after.job?.lastError).toContain("Throttled");
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.fetchedAt).toEqual(before.fetchedAt);
  });

  it("never lets an older snapshot replace a newer one, and reads a broken stored document as none", async () => {
    const base = {
      shopTimeZone: "UTC",
      shopCountry: "SE",
      shopifyPlus: false,
      deliveryDatesEnabled: false,
      processingTime: null,
      truncated: false,
      pickupError: null,
    };
    await inTransaction((tx) => saveShippingSnapshot(tx, TEST_SHOP, { ...base, options: [] }, new Date("2026-11-23T10:00:00Z")));
    await inTransaction((tx) => saveShippingSnapshot(tx, TEST_SHOP, { ...base, deliveryDatesEnabled: true, options: [] }, new Date("2026-11-23T09:00:00Z")));
    expect((await getShippingSnapshot(TEST_SHOP)).snapshot?.deliveryDatesEnabled).toBe(false);
    // A snapshot stored before Kept read the plan: the plan is unknown.
    const { shopifyPlus: _plan, ...older } = { ...base, options: [] };
    await prisma.shippingSnapshot.update({ where: { shop: TEST_SHOP }, data: { document: JSON.stringify(older) } });
    expect((await getShippingSnapshot(TEST_SHOP)).snapshot).toMatchObject({ shopifyPlus: null, deliveryDatesEnabled: false });
    await prisma.shippingSnapshot.update({ where: { shop: TEST_SHOP }, data: { document: '{"options": "nope"}' } });
    expect(await getShippingSnapshot(TEST_SHOP)).toMatchObject({ snapshot: null, fetchedAt: null });
  });
});

describe("on install", () => {
  it("marks the shop installed and queues a snapshot (once, however often Shopify re-authenticates)", async () => {
    await recordInstall(TEST_SHOP, "read_orders,read_shipping");
    await recordInstall(TEST_SHOP, "read_orders,read_shipping");
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({ scopes: "read_orders,read_shipping", uninstalledAt: null });
    expect(await prisma.job.findMany({ select: { type: true, status: true } })).toEqual([{ type: "shipping.snapshot", status: "pending" }]);
  });
});
