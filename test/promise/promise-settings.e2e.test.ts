import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { wallClockAt } from "~/domain/promise/civil-date";
import { computePromise, type DeliveryPromise } from "~/domain/promise/compute-promise";
import { formatPromiseDate } from "~/domain/promise/format-promise-date";
import { readPromiseConfig } from "~/domain/promise/promise-config-wire";
import { instantAtWallClock } from "~/domain/promise/wall-clock-instant";
import { promiseSettingsSchema, toPromiseConfig, type PromiseSettingsInput } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import { personasFor } from "../../scripts/simulator/destinations";
import { createShopWorld } from "../../scripts/simulator/fixtures";
import { buildOrder } from "../../scripts/simulator/order-fixtures";
import { sendDelivery } from "../../scripts/simulator/send";
import { createTimeline } from "../../scripts/simulator/timeline";
import type { AdminCall } from "../support/admin-api-double";
import { startAdminApiServer, type AdminApiServer } from "../support/admin-api-server";
import { promiseSyncAnswers } from "../support/promise-sync-answers";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { freshDatabaseUrl, startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { DEMO_ZONES, deliveryOptionsAnswer, pickupLocationsAnswer } from "../support/shopify-delivery-fixtures";
import { TEST_ENV } from "../support/test-env";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// Issue 3, item 9, in Chromium: the built app in demo mode, seeded as `npm run demo` seeds it, with an HTTP
// Admin API double standing in for Shopify. Screenshots land in var/screenshots/promise-*.png.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const DEMO_SETTINGS = JSON.parse(readFileSync("scripts/demo-promise-settings.json", "utf8")) as PromiseSettingsInput;
// The preview question pinned by the test: Monday 7 Dec 2026, 10:00 in Stockholm, PostNord to Stockholm.
const PINNED = { at: "2026-12-07T10:00", city: "Stockholm", country: "SE", postalCode: "111 34", method: "PostNord MyPack Home" };

let adminApi: AdminApiServer;
let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

/** What the engine promises for `settings` at an instant (holidays expanded from that shop-local day). */
function enginePromise(
  settings: PromiseSettingsInput,
  orderedAt: number,
  method: string,
  destination: { countryCode: string; postalCode?: string },
): DeliveryPromise {
  const parsed = promiseSettingsSchema.parse(settings);
  const config = toPromiseConfig(parsed, expandClosedDatesForSettings(parsed, wallClockAt(orderedAt, parsed.shop.timeZone).date));
  const result = computePromise(config, { orderedAt, method: { handle: method, title: method }, destination });
  if (!result.ok) throw new Error(`engine declined: ${result.reason}`);
  return result;
}

const screenshot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `promise-${name}.png`), fullPage: true });
const preview = () => page.getByRole("status", { name: "Promise preview" });
/** The sync job's write of the config itself (it also writes the Function's variables). */
const isConfigWrite = (call: AdminCall) =>
  call.operationName === "MetafieldsSet" && (call.variables.metafields as { key: string }[]).some((input) => input.key === "config");

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  adminApi = await startAdminApiServer({
    // A Plus store: Kept's date goes under the shipping option (docs/checkout.md).
    ...promiseSyncAnswers({ shopifyPlus: true }),
    DeliveryOptionsSnapshot: () => deliveryOptionsAnswer({ deliveryDatesEnabled: true, zones: DEMO_ZONES, processingTime: "P1D", shopifyPlus: true }),
    PickupLocations: () =>
      pickupLocationsAnswer([
        { name: "Lager Göteborg", pickupTime: "ONE_HOUR" },
        { name: "Kontor Malmö", pickupTime: null },
      ]),
    // The demo's insert rules decide the simulator's orders too (order facts, tag and packing-plan write-back).
    ...healthyInsertAnswers(),
  });
  // GIVEN the demo shop as `npm run demo` seeds it (session, settings v1 from scripts/demo-promise-settings.json, the two insert rules)
  const databaseUrl = freshDatabaseUrl();
  const demoEnv = { KEPT_DEMO: "1", NODE_ENV: "development" as const, WEBHOOK_REPLAY_WINDOW_HOURS: "0", DEMO_SHOP, SHOPIFY_ADMIN_API_ORIGIN: adminApi.origin };
  const seed = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], {
    env: { ...process.env, ...TEST_ENV, ...demoEnv, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  expect(seed.status, seed.stderr).toBe(0);
  app = await startApp(demoEnv, databaseUrl);
  await waitForIdle(app); // v1's metafield sync and the first shipping-options snapshot, against the double
  // No skip: if Chromium cannot start, this throws and every test below fails.
  browser = await openAdminBrowser(app.url);
  page = browser.page;
}, 180_000);

closeAfterBrowserTests(() => ({ browser, app, adminApi }));

afterEach(() => {
  expect(adminApi.unexpected, "requests the Admin API double did not expect").toEqual([]);
});

describe("Delivery promise settings in Chromium (demo mode, Admin API double)", () => {
  it("moves the preview with cut-off and padding, saves v2, syncs the metafield, and records the next order's promise with v2", async () => {
    // GIVEN the settings page with the preview pinned to Monday 7 Dec 2026 10:00 (Stockholm), PostNord to Stockholm
    await page.goto(`${app.url}/app`);
    await page.getByRole("navigation", { name: "Kept" }).getByRole("link", { name: "Delivery promise", exact: true }).click();
    await expect.poll(() => page.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true");
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByLabel("Ordered at (shop time)").fill(PINNED.at);
    await page.getByLabel("Shopper's city").fill(PINNED.city);
    await page.getByLabel("Shopper's postal code").fill(PINNED.postalCode);
    await page.getByLabel("Shipping method chosen").fill(PINNED.method);
    const orderedAt = instantAtWallClock("2026-12-07", 600, "Europe/Stockholm");
    const destination = { countryCode: PINNED.country, postalCode: PINNED.postalCode };
    const before = enginePromise(DEMO_SETTINGS, orderedAt, PINNED.method, destination);
    await expect.poll(() => preview().getAttribute("data-ordered-at"), { timeout: 15_000 }).toBe(new Date(orderedAt).toISOString());
    expect(await preview().getAttribute("data-promised")).toBe(before.promised);
    await screenshot("preview-before");

    // WHEN the merchant moves Monday's cut-off before the order (10:00) and raises the padding to 3
    const edited = { ...DEMO_SETTINGS, cutoffs: { ...DEMO_SETTINGS.cutoffs, mon: "09:00" }, paddingDays: 3 };
    const after = enginePromise(edited, orderedAt, PINNED.method, destination);
    expect(after.promised, "the edit must change the answer, or this test proves nothing").not.toBe(before.promised);
    await page.getByLabel("Cut-off Monday").fill("09:00");
    await page.getByLabel("Padding (carrier delivery days)").fill("3");

    // THEN the preview moves, before saving, to the engine's date for that instant
    await expect.poll(() => preview().getAttribute("data-promised"), { timeout: 15_000 }).toBe(after.promised);
    const sentence = await preview().textContent();
    expect(sentence).toContain("by a shopper in Stockholm, Sweden choosing PostNord MyPack Home");
    expect(sentence).toContain(
      `is promised ${formatPromiseDate(after.promised, "en-GB")}; raw estimate ${formatPromiseDate(after.earliest, "en-GB")} – ${formatPromiseDate(after.latest, "en-GB")}`,
    );
    expect(await page.getByText("Unsaved changes").count()).toBeGreaterThan(0);
    await screenshot("preview-after");

    // WHEN it is saved
    const syncsBefore = adminApi.calls.filter(isConfigWrite).length;
    await page.getByRole("button", { name: "Save as version 2" }).first().click();
    await expect.poll(() => page.getByText("Saved as version 2").count(), { timeout: 15_000 }).toBe(1);
    const versionRow = page.getByRole("row").filter({ hasText: "Version 2" });
    await expect.poll(() => versionRow.textContent(), { timeout: 15_000 }).toContain("In force now");

    // THEN the sync job publishes v2 (padding 3, Monday cut-off 09:00) to the metafield, and the page says so
    await expect.poll(() => page.getByText("Checkout config (version 2)").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText("Published to the shop metafield $app:promise/config").count(), { timeout: 30_000 }).toBe(1);
    const syncs = adminApi.calls.filter(isConfigWrite);
    expect(syncs.length).toBe(syncsBefore + 1);
    const [input] = syncs[syncs.length - 1].variables.metafields as { namespace: string; key: string; value: string }[];
    expect(input).toMatchObject({ namespace: "$app:promise", key: "config" });
    expect(readPromiseConfig(input.value)).toMatchObject({ paddingDays: 3, cutoffs: { mon: "09:00" } });
    // The config carries its horizon: 120 days of holidays from today in Stockholm, and no promise past them.
    expect(readPromiseConfig(input.value)?.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => versionRow.textContent(), { timeout: 15_000 }).toContain("Checkout shows it");
    expect(await page.getByText("Checkout still shows version").count()).toBe(0);
    await screenshot("saved");

    // WHEN the simulator sends a Stockholm order (signed, over HTTP), created after the save
    const world = createShopWorld({ seed: 9, shopDomain: DEMO_SHOP });
    const createdAt = new Date();
    const order = buildOrder(world, {
      createdAt,
      persona: personasFor("SE")[1]!,
      checkout: "account",
      source: "web",
      items: [{ variant: world.catalog[0]!, quantity: 1 }],
    });
    const timeline = createTimeline("promise-e2e", 9);
    timeline.add(createdAt, "orders/create", order, order.name, `create:${order.id}`);
    const [delivery] = timeline.deliveries();
    expect((await sendDelivery(app.url, delivery!, { shopDomain: DEMO_SHOP, secret: TEST_ENV.SHOPIFY_API_SECRET })).status).toBe(200);
    await waitForIdle(app);

    // THEN its page shows the promise recorded with v2 and padding 3, the engine's date for its creation instant
    const expected = enginePromise(edited, Date.parse(order.created_at), order.shipping_lines[0]!.code, {
      countryCode: "SE",
      postalCode: order.shipping_address!.zip,
    });
    await page.goto(`${app.url}/app/orders/${order.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: `Order ${order.name}` }).count()).toBe(1);
    const promiseCard = await page.locator("main, body").first().textContent();
    expect(promiseCard).toContain("settings v2");
    expect(promiseCard).toContain("3 days");
    expect(promiseCard).toContain(expected.promised);
    expect(promiseCard).toContain(`${expected.earliest} – ${expected.latest}`);
    // and that v2 had reached checkout when the order was placed, so the shopper saw this date
    expect(promiseCard).toMatch(/Settings versionv2 \(published to checkout \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    expect(promiseCard).toContain("At checkoutShown: these settings had reached checkout when the order was placed");
    await screenshot("order");
  }, 180_000);

  it("lists the shop's shipping options with Kept's verdict, and refreshes them from Shopify, honestly when Shopify fails", async () => {
    // GIVEN the snapshot taken at start-up: a Plus store, Shopify's delivery dates on, a PostNord app rate, Shopify-dated merchant rates, pickup
    await page.goto(`${app.url}/app/promise`);
    await page.waitForFunction(() => "__remixRouter" in window);
    const option = (name: string) => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
    await expect
      .poll(() => option("PostNord MyPack Home").textContent())
      .toContain("Kept dates it Sweden: under the option (Plus), lane PostNord MyPack Home, Sweden (se-home)");
    expect(await option("Standard").textContent()).toContain("Skipped Sweden: Shopify shows its own delivery date");
    expect(await option("DHL Paket International").textContent()).toContain("Kept dates it Germany: under the option (Plus), lane DHL Paket, Germany (de-dhl)");
    expect(await option("DHL Paket International").textContent()).toContain("Skipped Austria: no lane for it");
    expect(await option("Correos Internacional").textContent()).toContain("Skipped Spain: Shopify shows its own delivery date");
    expect(await option("Pickup at Lager Göteborg").textContent()).toContain("Skipped Sweden: local delivery or pickup keeps its own timing");
    expect(await option("Pickup at Kontor Malmö").count()).toBe(0); // pickup is off there
    expect(await option("Old rate").count()).toBe(0); // inactive
    expect(await page.getByText("Shopify's delivery dates are on (Shopify's processing time P1D).", { exact: false }).count()).toBe(1);
    expect(await page.getByText("Kept's date shows under the option (Plus) because the store is on Shopify Plus.", { exact: false }).count()).toBe(1);
    await screenshot("options");

    // WHEN Shopify answers the next refresh with an error (throttled)
    adminApi.answer("DeliveryOptionsSnapshot", () => ({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }));
    await page.getByRole("button", { name: "Refresh from Shopify" }).click();
    // THEN the page says it is retrying and why, and keeps the last snapshot
    await expect.poll(() => page.getByText("Error: Throttled").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText("Retrying").count()).toBeGreaterThan(0);
    expect(await option("PostNord MyPack Home").count()).toBe(1);
    await screenshot("options-retrying");

    // WHEN the merchant turns Shopify's delivery dates off and the retry gets through
    adminApi.answer("DeliveryOptionsSnapshot", () => deliveryOptionsAnswer({ deliveryDatesEnabled: false, zones: DEMO_ZONES, shopifyPlus: true }));
    // THEN Correos (a merchant rate Shopify no longer dates) gets Kept's date
    await expect
      .poll(() => option("Correos Internacional").textContent(), { timeout: 30_000 })
      .toContain("Kept dates it Spain: under the option (Plus), lane Correos, Spain (es-correos)");
    expect(await page.getByText("Shopify's delivery dates are off.", { exact: false }).count()).toBe(1);
    await screenshot("options-refreshed");

    // WHEN the merchant (on Plus) picks the title as the one place for Kept's date, without saving
    await page.getByLabel("Kept's date at checkout").selectOption("title");
    // THEN the verdicts follow the draft: the same options, dated in the title instead
    await expect
      .poll(() => option("Correos Internacional").textContent(), { timeout: 15_000 })
      .toContain("Kept dates it Spain: in the title (all plans), lane Correos, Spain (es-correos)");
    expect(await page.getByText("Kept's date shows in the title (all plans) as chosen above.", { exact: false }).count()).toBe(1);
    await screenshot("options-title");
  }, 120_000);

  it("shows a field error from the schema next to the field, and saves nothing invalid", async () => {
    // GIVEN the settings page
    await page.goto(`${app.url}/app/promise`);
    await page.waitForFunction(() => "__remixRouter" in window);
    const versionsBefore = await page
      .getByRole("row")
      .filter({ hasText: /^Version \d/ })
      .count();
    // WHEN a cut-off is not a time and a lane's transit range is upside down
    await page.getByLabel("Cut-off Tuesday").fill("25:00");
    await page.getByLabel("Lane 1 transit min (days)").fill("5");
    // THEN each field shows the schema's message, live, and the preview waits for valid input
    const cutoff = page.getByLabel("Cut-off Tuesday");
    await expect.poll(() => cutoff.getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    const cutoffError = await cutoff.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${cutoffError?.split(" ").find((id) => id.endsWith("Error"))}"]`).textContent()).toContain('Use a 24-hour time "HH:MM"');
    expect(await page.getByLabel("Lane 1 transit max (days)").getAttribute("aria-invalid")).toBe("true");
    expect(await preview().textContent()).toContain("Fix the fields marked in red");
    // WHEN the merchant saves anyway THEN nothing is saved
    await page
      .getByRole("button", { name: /Save as version/ })
      .first()
      .click();
    await expect.poll(() => page.getByText("Not saved: some fields need attention").count()).toBe(1);
    // The refused save is an HTTP 400 (form-json's convention), which Chromium logs; it is the only error.
    expect(browser.problems.splice(0)).toEqual([
      expect.stringMatching(/^console\.error: Failed to load resource: the server responded with a status of 400 \(Bad Request\)/),
    ]);
    expect(await page.getByText("lanes.0.transitDays.max: Maximum must be at least the minimum").count()).toBe(1);
    expect(
      await page
        .getByRole("row")
        .filter({ hasText: /^Version \d/ })
        .count(),
    ).toBe(versionsBefore);
    await screenshot("invalid");
  }, 60_000);

  it("warns while checkout still shows an older version, and stops once the new one is published", async () => {
    // GIVEN Shopify refuses the metafield write for now
    adminApi.answer("MetafieldsSet", () => ({
      data: {
        metafieldsSet: { metafields: [], userErrors: [{ field: ["metafields", "0", "value"], message: "Throttled, try again", code: "INVALID_VALUE" }] },
      },
    }));
    await page.goto(`${app.url}/app/promise`);
    await page.waitForFunction(() => "__remixRouter" in window);
    const next =
      (await page
        .getByRole("row")
        .filter({ hasText: /^Version \d/ })
        .count()) + 1;
    // WHEN the merchant saves a new version
    await page.getByLabel("Padding (carrier delivery days)").fill("4");
    await page
      .getByRole("button", { name: `Save as version ${next}` })
      .first()
      .click();
    await expect.poll(() => page.getByText(`Saved as version ${next}`).count(), { timeout: 15_000 }).toBe(1);
    // THEN the page warns that checkout still shows the previous version, while the sync retries
    const warning = page.getByText(`Checkout still shows version ${next - 1}, not version ${next}`);
    await expect.poll(() => warning.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText("metafields.0.value: Throttled, try again", { exact: false }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(
      await page
        .getByRole("row")
        .filter({ hasText: `Version ${next}` })
        .textContent(),
    ).toContain("not yet");
    await screenshot("checkout-behind");
    // WHEN Shopify accepts the retry THEN the warning goes and the new version is the one checkout shows
    adminApi.answer("MetafieldsSet", promiseSyncAnswers().MetafieldsSet);
    await expect.poll(() => warning.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(
        () =>
          page
            .getByRole("row")
            .filter({ hasText: `Version ${next}` })
            .textContent(),
        { timeout: 15_000 },
      )
      .toContain("Checkout shows it");
    await screenshot("checkout-caught-up");
  }, 90_000);
});
