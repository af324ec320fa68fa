import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/models/db/prisma.server";
import { wallClockAt } from "~/domain/promise/civil-date";
import { computePromise } from "~/domain/promise/compute-promise";
import { readPromiseConfig } from "~/domain/promise/promise-config-wire";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { getWorkerDb, openSqlite } from "~/models/db/sqlite.server";
import { drainJobs, startWorker } from "~/services/jobs/all-jobs.server";
import { queueDailyPromiseSyncs } from "~/services/promise/schedule-promise-syncs.server";
import { getEnv } from "~/utils/env.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { promiseSyncAnswers } from "../support/promise-sync-answers";
import { DEMO_ZONES, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as { shop: Record<string, unknown> };
const GONE_SHOP = "shop-gone.myshopify.com";
const BARE_SHOP = "shop-bare.myshopify.com";

/** An installed (or uninstalled) shop, with settings in the given warehouse zone unless `timeZone` is null. */
async function givenShop(shop: string, timeZone: string | null, options: { uninstalled?: boolean; savedAt?: Date } = {}) {
  await prisma.shop.create({ data: { shop, uninstalledAt: options.uninstalled ? new Date("2026-11-15T00:00:00Z") : null } });
  if (timeZone) await saveSettingsVersion(shop, { ...example, shop: { ...example.shop, timeZone } }, options.savedAt ?? new Date("2026-11-01T00:00:00Z"));
}

const dailyJobs = async () =>
  (await prisma.job.findMany({ where: { dedupeKey: { startsWith: "promise-sync:day:" } }, select: { shop: true, type: true, dedupeKey: true, payload: true } }))
    .map((job) => `${job.shop} ${job.type} ${job.dedupeKey} ${job.payload}`)
    .sort();

beforeEach(resetDatabase);

describe("the daily re-publication of the promise config (worker schedule)", () => {
  it("queues one sync per installed shop with settings per shop-local day, and nothing for others", async () => {
    // GIVEN a Stockholm shop, a Los Angeles shop, an uninstalled shop with settings and an installed shop without
    await givenShop(TEST_SHOP, "Europe/Stockholm");
    await givenShop(OTHER_SHOP, "America/Los_Angeles");
    await givenShop(GONE_SHOP, "Europe/Stockholm", { uninstalled: true });
    await givenShop(BARE_SHOP, null);
    const db = getWorkerDb();
    // WHEN the worker asks at Fri 4 Dec 22:30 UTC (23:30 in Stockholm, 14:30 in Los Angeles), and again 15 minutes later
    expect(queueDailyPromiseSyncs(db, new Date("2026-12-04T22:30:00Z"))).toBe(2);
    expect(queueDailyPromiseSyncs(db, new Date("2026-12-04T22:45:00Z"))).toBe(0);
    // THEN each shop has the job for its own Friday
    expect(await dailyJobs()).toEqual(
      [
        `${TEST_SHOP} promise.sync-config promise-sync:day:2026-12-04 {"day":"2026-12-04"}`,
        `${OTHER_SHOP} promise.sync-config promise-sync:day:2026-12-04 {"day":"2026-12-04"}`,
      ].sort(),
    );
    // WHEN Saturday begins in Stockholm (23:05 UTC), and later in Los Angeles (08:05 UTC)
    expect(queueDailyPromiseSyncs(db, new Date("2026-12-04T23:05:00Z"))).toBe(1);
    expect(await dailyJobs()).toContain(`${TEST_SHOP} promise.sync-config promise-sync:day:2026-12-05 {"day":"2026-12-05"}`);
    expect(queueDailyPromiseSyncs(db, new Date("2026-12-05T07:55:00Z"))).toBe(0);
    expect(queueDailyPromiseSyncs(db, new Date("2026-12-05T08:05:00Z"))).toBe(1);
    // THEN each got its Saturday job once, at its own midnight
    expect(await dailyJobs()).toHaveLength(4);
    expect(await dailyJobs()).toContain(`${OTHER_SHOP} promise.sync-config promise-sync:day:2026-12-05 {"day":"2026-12-05"}`);
  });

  it("queues a day's job once however many workers (connections) and restarts ask", async () => {
    // GIVEN the Stockholm shop and two workers, each with its own connection to the database
    await givenShop(TEST_SHOP, "Europe/Stockholm");
    const first = getWorkerDb();
    const second = openSqlite(getEnv().DATABASE_URL, { busyTimeoutMs: 5_000 });
    try {
      // WHEN both ask at start and on every check of the same day
      const queued = ["08:00", "08:00", "08:15", "12:30", "23:59"].flatMap((time) => [
        queueDailyPromiseSyncs(first, new Date(`2026-12-04T${time}:00+01:00`)),
        queueDailyPromiseSyncs(second, new Date(`2026-12-04T${time}:00+01:00`)),
      ]);
      // THEN exactly one of all those calls queued the job (the database's unique key decides, not memory)
      expect(queued.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect(await dailyJobs()).toEqual([`${TEST_SHOP} promise.sync-config promise-sync:day:2026-12-04 {"day":"2026-12-04"}`]);
    } finally {
      second.connection.close();
    }
  });

  it("starts with the worker: a worker queues today's job as soon as it starts", async () => {
    await givenShop(TEST_SHOP, "Europe/Stockholm");
    const days = [wallClockAt(Date.now(), "Europe/Stockholm").date];
    const worker = startWorker({ pollMs: 50 });
    try {
      await expect.poll(dailyJobs, { timeout: 10_000 }).toHaveLength(1);
    } finally {
      await worker.stop();
    }
    days.push(wallClockAt(Date.now(), "Europe/Stockholm").date);
    expect(days.map((day) => `${TEST_SHOP} promise.sync-config promise-sync:day:${day} {"day":"${day}"}`)).toContain((await dailyJobs())[0]);
  });
});

describe("the daily job republishes the config freshly expanded, so checkout never runs out of holidays", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    await prisma.session.create({
      data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" },
    });
  });
  afterEach(() => vi.useRealTimers());

  it("replaces the config synced on 1 Aug (holidays to 28 Nov) with one that knows Christmas", async () => {
    const double = installAdminApiDouble({
      ...promiseSyncAnswers(),
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES }),
      PickupLocations: () => pickupLocationsAnswer([]),
    });
    const published = () =>
      double.calls
        .filter((call) => call.operationName === "MetafieldsSet")
        .map((call) => (call.variables.metafields as { key: string; value: string }[])[0])
        .filter((input) => input.key === "config")
        .map((input) => readPromiseConfig(input.value));
    // GIVEN the example shop saved and published on Sat 1 Aug 2026, and not saved since
    vi.setSystemTime(new Date("2026-08-01T08:00:00Z"));
    await givenShop(TEST_SHOP, "Europe/Stockholm", { savedAt: new Date() });
    await drainJobs();
    const stale = published()[0];
    expect(stale?.validUntil).toBe("2026-11-28");
    // WHEN Tue 22 Dec begins in Stockholm and the worker's schedule runs
    vi.setSystemTime(new Date("2026-12-21T23:05:00Z"));
    expect(queueDailyPromiseSyncs(getWorkerDb(), new Date())).toBe(1);
    await drainJobs();
    // THEN the metafield gets version 1 expanded from 22 Dec: 120 days of holidays, Christmas included
    const fresh = published()[1];
    expect(published()).toHaveLength(2);
    expect(fresh).toMatchObject({ validUntil: "2027-04-20", paddingDays: 1 });
    expect(fresh?.closedDates).toEqual(expect.arrayContaining(["2026-12-23", "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"]));
    // AND an order on 22 Dec gets the ledger's date from it, where the stale config gives nothing (never 28 Dec)
    const order = { orderedAt: "2026-12-22T10:00:00Z", method: { handle: "standard" }, destination: { countryCode: "SE", postalCode: "114 55" } };
    expect(computePromise(fresh, order)).toMatchObject({ ok: true, promised: "2027-01-04" });
    expect(computePromise(stale, order)).toMatchObject({ ok: false, reason: "beyond-horizon" });
    // AND version 1 keeps the instant it first reached checkout
    expect((await prisma.promiseSettingsVersion.findFirstOrThrow({ where: { shop: TEST_SHOP } })).publishedAt?.toISOString()).toBe("2026-08-01T08:00:00.000Z");
  });
});
