import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { computePromise } from "~/domain/promise/compute-promise";
import { listSettingsVersions, markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { requestShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import { promiseSettingsSchema, toPromiseConfig, type PromiseSettingsInput } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import { loadPromiseSettingsPage } from "~/services/promise/load-promise-settings-page.server";
import { previewPromiseSettings } from "~/services/promise/preview-promise-settings.server";
import { savePromiseSettings } from "~/services/promise/save-promise-settings.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { promiseSyncAnswers } from "../support/promise-sync-answers";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { DEMO_ZONES, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as PromiseSettingsInput;
const demo = JSON.parse(readFileSync("scripts/demo-promise-settings.json", "utf8")) as PromiseSettingsInput;
const NOW = new Date("2026-11-23T09:00:00Z");

beforeEach(resetDatabase);

describe("the live preview of a settings draft", () => {
  it("answers what the engine answers for the pinned instant and destination, with Intl dates", async () => {
    // GIVEN the example shop; Friday 18 Dec 2026 12:30 in Stockholm (before the 13:00 Friday cut-off)
    const result = await previewPromiseSettings(
      TEST_SHOP,
      example,
      { at: "2026-12-18T12:30", country: "SE", postalCode: "981 32", city: "Kiruna", method: "standard" },
      NOW.getTime(),
    );
    // THEN the preview is the engine's promise (north lane, Christmas closures) for that instant
    const settings = promiseSettingsSchema.parse(example);
    const engine = computePromise(toPromiseConfig(settings, expandClosedDatesForSettings(settings, "2026-12-18")), {
      orderedAt: "2026-12-18T11:30:00Z",
      method: { handle: "standard", title: "standard" },
      destination: { countryCode: "SE", postalCode: "981 32" },
    });
    expect(engine.ok).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok || !engine.ok) return;
    expect(result.preview).toMatchObject({ orderedAt: "2026-12-18T11:30:00.000Z", isNow: false, shopper: "Kiruna, Sweden", method: "standard" });
    expect(result.preview.outcome).toMatchObject({ ok: true, laneId: "se-north", promised: engine.promised, earliest: engine.earliest, latest: engine.latest });
    // Christmas (24–26 Dec) and the 23 Dec closure push the dates into the week after.
    expect(engine.promised > "2026-12-28").toBe(true);
    expect(result.preview.outcome.ok && result.preview.outcome.labels.promised).toBe(
      new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${engine.promised}T00:00:00Z`)),
    );
  });

  it("uses the clock it is given when no instant is pinned, and says when there is no lane", async () => {
    const result = await previewPromiseSettings(TEST_SHOP, example, { at: null, country: "JP", method: "standard" }, NOW.getTime());
    expect(result.ok && result.preview).toMatchObject({ orderedAt: NOW.toISOString(), isNow: true, shopper: "Japan" });
    const noLane = await previewPromiseSettings(TEST_SHOP, example, { at: null, country: "SE", method: "drone" }, NOW.getTime());
    expect(noLane.ok && noLane.preview.outcome).toMatchObject({ ok: false, reason: "no-lane" });
  });

  it("returns field errors by path for an invalid draft, including a holiday calendar date-holidays lacks", async () => {
    const draft = { ...example, cutoffs: { ...example.cutoffs, tue: "25:00" }, lanes: [{ ...example.lanes[0], transitDays: { min: 3, max: 1 } }] };
    const result = await previewPromiseSettings(TEST_SHOP, draft, { at: null, country: "SE", method: "standard" }, NOW.getTime());
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "cutoffs.tue", message: 'Use a 24-hour time "HH:MM" from 00:00 to 24:00, e.g. "14:00"' },
        { path: "lanes.0.transitDays.max", message: "Maximum must be at least the minimum" },
      ],
    });
    const unknownCountry = await previewPromiseSettings(
      TEST_SHOP,
      { ...example, shop: { ...example.shop, country: "XQ" } },
      { at: null, country: "SE", method: "standard" },
      NOW.getTime(),
    );
    expect(unknownCountry).toMatchObject({ ok: false, errors: [{ path: "shop.country" }] });
  });
});

describe("saving settings from the page", () => {
  it("saves nothing when a field is invalid", async () => {
    const result = await savePromiseSettings(TEST_SHOP, { ...example, paddingDays: -1 }, NOW);
    expect(result).toEqual({ ok: false, errors: [{ path: "paddingDays", message: "Cannot be negative" }] });
    expect(await prisma.promiseSettingsVersion.count()).toBe(0);
    expect(await prisma.job.count()).toBe(0);
  });

  it("stores a new version in force from now and queues its metafield sync and a shipping-options refresh", async () => {
    expect(await savePromiseSettings(TEST_SHOP, example, NOW)).toEqual({ ok: true, version: 1 });
    expect(await savePromiseSettings(TEST_SHOP, { ...example, paddingDays: 2 }, new Date(NOW.getTime() + 60_000))).toEqual({ ok: true, version: 2 });
    const jobs = await prisma.job.findMany({ orderBy: { createdAt: "asc" }, select: { type: true, dedupeKey: true, status: true } });
    // The second save finds the first refresh still waiting and adds none.
    expect(jobs).toEqual([
      { type: "promise.sync-config", dedupeKey: "promise-sync:v1", status: "pending" },
      { type: "shipping.snapshot", dedupeKey: null, status: "pending" },
      { type: "promise.sync-config", dedupeKey: "promise-sync:v2", status: "pending" },
    ]);
  });

  it("lists versions newest first and marks the one in force (a future version is not yet)", async () => {
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, example, new Date("2027-01-01T00:00:00Z"));
    expect((await listSettingsVersions(TEST_SHOP, NOW)).map((row) => [row.version, row.isInForce])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
  });
});

describe("the settings page data", () => {
  it("starts a shop without settings from a first draft in its own time zone and country", async () => {
    await prisma.session.create({
      data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" },
    });
    installAdminApiDouble({
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES, timeZone: "Europe/Berlin", country: "DE" }),
      PickupLocations: () => pickupLocationsAnswer([]),
    });
    await requestShippingSnapshot(TEST_SHOP);
    await drainJobs();
    const page = await loadPromiseSettingsPage(TEST_SHOP, NOW);
    expect(page).toMatchObject({ isFirstDraft: true, isDraftFromShop: true, versions: [], inForce: null, sync: { state: "none" } });
    expect(page.document).toMatchObject({ shop: { timeZone: "Europe/Berlin", country: "DE" }, lanes: [{ id: "domestic", destination: { country: "DE" } }] });
    expect(promiseSettingsSchema.safeParse(page.document).success).toBe(true);
    // The draft already dates the shop's German option, with the domestic lane.
    const dhl = page.preview.ok ? page.preview.options.rows.find((row) => row.name === "DHL Paket International") : undefined;
    expect(dhl?.verdicts.map((verdict) => `${verdict.country}:${verdict.laneId ?? verdict.reason}`)).toEqual(["DE:domestic", "AT:no-lane"]);
    expect(page.calendars.countries.find((country) => country.code === "DE")).toEqual({ code: "DE", name: "Germany" });
    expect(page.calendars.regions.DE?.find((region) => region.code === "BY")).toEqual({ code: "BY", name: "Bayern" });
  });

  it("shows the sync state of the version in force: retrying with the error, then succeeded", async () => {
    await prisma.session.create({
      data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" },
    });
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    const pending = await loadPromiseSettingsPage(TEST_SHOP, NOW);
    expect(pending).toMatchObject({ isFirstDraft: false, inForce: 1, sync: { state: "pending" } });
    const snapshot = {
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES }),
      PickupLocations: () => pickupLocationsAnswer([]),
    };
    installAdminApiDouble({
      ...snapshot,
      PromiseShopContext: () => ({ errors: [{ message: "Internal error. Looks like something went wrong on our end." }] }),
    });
    await drainJobs();
    const retrying = await loadPromiseSettingsPage(TEST_SHOP, NOW);
    expect(retrying.sync).toMatchObject({ state: "retrying", attempts: 1, maxAttempts: 8 });
    expect(retrying.sync.state === "retrying" && retrying.sync.lastError).toContain("Internal error");
    // WHEN Shopify answers the retry
    installAdminApiDouble({ ...snapshot, ...promiseSyncAnswers() });
    await prisma.job.updateMany({ where: { type: "promise.sync-config" }, data: { runAt: new Date(0) } });
    await runDueJobs();
    expect((await loadPromiseSettingsPage(TEST_SHOP, NOW)).sync).toMatchObject({ state: "succeeded", finishedAt: expect.any(Date) });
  });

  it("tells which version checkout shows, so the page can warn when the newest saved one has not reached it", async () => {
    // GIVEN version 1, not published yet
    await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
    expect(await loadPromiseSettingsPage(TEST_SHOP, NOW)).toMatchObject({ inForce: 1, checkout: null });
    // WHEN it reaches the metafield, and version 2 is saved but its sync keeps failing
    await markVersionPublished(TEST_SHOP, 1, new Date("2026-11-02T10:00:00Z"));
    await saveSettingsVersion(TEST_SHOP, { ...example, paddingDays: 3 }, new Date("2026-11-20T00:00:00Z"));
    await prisma.job.updateMany({ where: { dedupeKey: "promise-sync:v2" }, data: { status: "dead", attempts: 8, lastError: "Throttled" } });
    // THEN checkout still shows version 1, each version says when it was published, and the sync state is version 2's failure
    const page = await loadPromiseSettingsPage(TEST_SHOP, NOW);
    expect(page).toMatchObject({
      inForce: 2,
      checkout: { version: 1, publishedAt: new Date("2026-11-02T10:00:00Z") },
      sync: { state: "dead", lastError: "Throttled" },
    });
    expect(page.versions.map((row) => [row.version, row.publishedAt])).toEqual([
      [2, null],
      [1, new Date("2026-11-02T10:00:00Z")],
    ]);
  });
});

describe("the shipping-option verdicts are what checkout does (plan, Shopify's dates, store zone)", () => {
  /** Takes a snapshot of the demo zones with these Shopify facts, then previews `settings` against it. */
  async function verdictsFor(facts: { shopifyPlus: boolean; deliveryDatesEnabled: boolean; timeZone?: string }, settings: PromiseSettingsInput = demo) {
    await prisma.session.create({
      data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" },
    });
    installAdminApiDouble({
      DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ ...facts, zones: DEMO_ZONES }),
      PickupLocations: () => pickupLocationsAnswer([{ name: "Lager Göteborg", pickupTime: "ONE_HOUR" }]),
    });
    await requestShippingSnapshot(TEST_SHOP);
    await drainJobs();
    const result = await previewPromiseSettings(TEST_SHOP, settings, { at: null, country: "SE", method: "PostNord MyPack Home" }, NOW.getTime());
    if (!result.ok) throw new Error("the demo settings are valid");
    const rows = Object.fromEntries(result.options.rows.map((row) => [row.name, row.verdicts.map((v) => `${v.country}:${v.laneId ?? v.reason}`).join(" ")]));
    return { surface: result.options.surface, rows };
  }

  it("on Plus, dates the options under the option: a carrier app's rate gets Kept's date, Shopify's own rates keep Shopify's", async () => {
    const { surface, rows } = await verdictsFor({ shopifyPlus: true, deliveryDatesEnabled: true });
    expect(surface).toMatchObject({ active: "option", setting: "auto", shopifyPlus: true, isTimeZoneBlocking: false });
    expect(rows).toMatchObject({
      "PostNord MyPack Home": "SE:se-home",
      Standard: "SE:shopify-delivery-date",
      "Correos Internacional": "ES:shopify-delivery-date",
      "Pickup at Lager Göteborg": "SE:local-or-pickup",
    });
  });

  it("on other plans with Shopify's dates on, lists every option as skipped: the title steps back entirely", async () => {
    // Before: the carrier app's PostNord rate was listed as "Kept dates it", though the Function dates nothing here.
    const { surface, rows } = await verdictsFor({ shopifyPlus: false, deliveryDatesEnabled: true });
    expect(surface).toMatchObject({ active: "title", shopifyPlus: false });
    expect(rows).toMatchObject({
      "PostNord MyPack Home": "SE:shopify-delivery-date",
      "DHL Paket International": "DE:shopify-delivery-date AT:shopify-delivery-date",
      Standard: "SE:shopify-delivery-date",
    });
  });

  it("on other plans with Shopify's dates off, dates in the title", async () => {
    const { surface, rows } = await verdictsFor({ shopifyPlus: false, deliveryDatesEnabled: false });
    expect(surface).toMatchObject({ active: "title" });
    expect(rows).toMatchObject({
      "PostNord MyPack Home": "SE:se-home",
      "Correos Internacional": "ES:es-correos",
      "DHL Paket International": "DE:de-dhl AT:no-lane",
    });
  });

  it("warns when the store's Shopify zone is not the warehouse's, and skips every option the title would date", async () => {
    const { surface, rows } = await verdictsFor({ shopifyPlus: false, deliveryDatesEnabled: false, timeZone: "America/New_York" });
    expect(surface).toMatchObject({ active: "title", isTimeZoneBlocking: true, shopifyTimeZone: "America/New_York", warehouseTimeZone: "Europe/Stockholm" });
    expect(rows).toMatchObject({ "PostNord MyPack Home": "SE:store-time-zone", "Pickup at Lager Göteborg": "SE:local-or-pickup" });
  });

  it("follows the draft's choice of surface on Plus, before it is saved", async () => {
    const { surface, rows } = await verdictsFor({ shopifyPlus: true, deliveryDatesEnabled: true }, { ...demo, checkoutSurface: "title" });
    expect(surface).toMatchObject({ active: "title", setting: "title", shopifyPlus: true });
    expect(rows).toMatchObject({ "PostNord MyPack Home": "SE:shopify-delivery-date" });
  });

  it("refuses an unknown surface with a field error", async () => {
    const result = await previewPromiseSettings(
      TEST_SHOP,
      { ...demo, checkoutSurface: "both" },
      { at: null, country: "SE", method: "standard" },
      NOW.getTime(),
    );
    expect(result).toEqual({ ok: false, errors: [{ path: "checkoutSurface", message: 'Use "auto", "option" (under the shipping option) or "title"' }] });
  });
});
