import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { postWebhook } from "../support/webhooks";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// The admin in a real browser: the built app in demo mode (local session for the demo shop), real
// SQLite, signed webhooks, Debian's Chromium. Screenshots land in var/screenshots/ to be looked at.
// Small factory payloads for the failure paths (invalid JSON, dead job, data request, another shop); the demo's
// own data, sent by the simulator, is checked page by page in demo-admin.e2e.test.ts.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const NAV = ["Dashboard", "Orders", "Delivery promise", "Inserts", "Print queue", "Follow-ups", "Webhook log", "Settings"] as const;

let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

const send = async (topic: string, payload: unknown) => {
  const response = await postWebhook(app.url, topic, payload, { shop: DEMO_SHOP });
  expect(response.status, `${topic}: ${response.text}`).toBe(200);
};

/** Only the app's own origin is reachable here; anything else (cdn.shopify.com fonts, …) is offline. */
async function seedShop() {
  const order = (id: number, overrides: Record<string, unknown>) => send("orders/create", orderPayload(id, overrides));
  await order(7001, { name: "#7001", created_at: "2026-11-18T10:00:00+01:00", updated_at: "2026-11-18T10:00:00+01:00" });
  await order(7002, {
    name: "#7002",
    created_at: "2026-11-19T10:00:00+01:00",
    updated_at: "2026-11-19T10:00:00+01:00",
    shipping_lines: [{ title: "Express", code: "express", source: "shopify", price: "99.00" }],
    shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
  });
  await order(7003, { name: "#7003", customer: null, tags: "", source_name: "pos" });
  await waitForIdle(app);
  await send(
    "fulfillments/create",
    fulfillmentPayload(8001, 7001, { name: "#7001.1", created_at: "2026-11-19T09:00:00+01:00", updated_at: "2026-11-19T09:00:00+01:00" }),
  );
  await send("fulfillments/create", fulfillmentPayload(8002, 7002, { name: "#7002.1", tracking_number: "DHL42" }));
  await send("fulfillment_events/create", fulfillmentEventPayload(9001, 8001, 7001, { happened_at: "2026-11-20T08:00:00+01:00" }));
  await send(
    "fulfillment_events/create",
    fulfillmentEventPayload(9002, 8001, 7001, {
      status: "delivered",
      message: "Delivered to mailbox",
      happened_at: "2026-11-21T14:00:00+01:00",
      updated_at: "2026-11-21T14:00:00+01:00",
    }),
  );
  await send("orders/create", '{"id": 7004, "name": "#7004",'); // truncated body: recorded as failed
  await send("customers/data_request", {
    shop_id: 1,
    shop_domain: DEMO_SHOP,
    customer: { id: 501, email: "anna@example.se", phone: null },
    orders_requested: [7001],
    data_request: { id: 4242 },
  });
  await send("app/scopes_update", { id: 1, previous: ["read_orders"], current: ["read_orders", "write_orders"], updated_at: "2026-11-20T10:00:00Z" });
  await waitForIdle(app);
  // A job that used up its attempts, so the dead-letter list and its Retry button have something real to act on.
  const db = new Database(app.databaseUrl.replace(/^file:/, ""));
  try {
    db.prepare(
      `UPDATE "Job" SET status = 'dead', attempts = 8, lastError = 'simulated: database busy' WHERE id = (
      SELECT j.id FROM "Job" j JOIN "WebhookDelivery" d ON d.id = j.deliveryId WHERE d.topic = 'fulfillments/create' LIMIT 1)`,
    ).run();
  } finally {
    db.close();
  }
}

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function clickNav(label: (typeof NAV)[number]) {
  await page.getByRole("navigation", { name: "Kept" }).getByRole("link", { name: label, exact: true }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1, name: label, exact: true }).count(), { timeout: 15_000 }).toBe(1); // a loaded machine can take seconds
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP });
  await seedShop();
  // No skip: if Chromium cannot start, this throws and every test below fails.
  browser = await openAdminBrowser(app.url);
  page = browser.page;
}, 180_000);

closeAfterBrowserTests(() => ({ browser, app }));

describe("admin in Chromium (demo mode)", () => {
  it("opens /app and reaches every page through the navigation", async () => {
    await page.goto(`${app.url}/app`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Dashboard" }).count()).toBe(1);
    await page.waitForFunction(() => "__remixRouter" in window); // hydrated: links navigate client-side
    await screenshot("dashboard");
    for (const label of NAV.slice(1)) {
      await clickNav(label);
      await screenshot(label.toLowerCase().replace(/\s+/g, "-"));
    }
    await clickNav("Dashboard");
  }, 90_000);

  it("lists the deliveries with the failure reason and opens one", async () => {
    await clickNav("Webhook log");
    const failed = page.getByRole("row").filter({ hasText: "invalid JSON" });
    await expect.poll(() => failed.count()).toBe(1);
    await expect.poll(() => page.getByRole("row").filter({ hasText: "customers/data_request" }).filter({ hasText: "processed" }).count()).toBe(1);
    await failed.getByRole("link", { name: "orders/create" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Delivery orders/create" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Body (not valid JSON, shown as received)", exact: true }).count()).toBe(1);
    expect(await page.locator("pre").textContent()).toBe('{"id": 7004, "name": "#7004",');
    await screenshot("delivery-detail");
  }, 60_000);

  it("opens an order from the Delivery promise page", async () => {
    await clickNav("Delivery promise");
    await page.getByRole("tab", { name: "Observed lanes" }).click();
    await expect.poll(() => page.url()).toContain("/app/promise/lanes");
    await screenshot("delivery-promise-lanes");
    const lane = page.getByRole("row").filter({ hasText: "Standard" }).filter({ hasText: "SE" }).first();
    await expect.poll(() => lane.textContent()).toContain("3.2 d"); // 2026-11-18 10:00 → 2026-11-21 14:00 (+01:00)
    await page.getByRole("link", { name: "#7001", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Order #7001" }).count()).toBe(1);
    const text = await page.locator("main, body").first().textContent();
    expect(text).toContain("Lavender soap");
    expect(text).toContain("LAV-01");
    expect(text).toContain("WELCOME10");
    expect(text).toContain("PN123456789SE");
    expect(text).toContain("Delivered to mailbox");
    expect(text).toContain("2026-11-21 13:00"); // delivered, shown in UTC
    // No promise settings exist in this shop, so the ledger says why there was no promise, in words
    expect(text).toContain("Not counted");
    expect(text).toContain("No promise to keep: the shop had no delivery promise settings when it was placed.");
    expect(text).not.toContain("(no-settings)");
    await screenshot("order");
  }, 60_000);

  it("answers 404 for an order of another shop or an unknown one", async () => {
    // GIVEN an order of another shop with an id the demo shop does not have
    expect((await postWebhook(app.url, "orders/create", orderPayload(7100), { shop: "other-shop.myshopify.com" })).status).toBe(200);
    await waitForIdle(app);
    // WHEN the demo shop's admin asks for it THEN it does not exist there
    expect((await fetch(`${app.url}/app/orders/7100`)).status).toBe(404);
    expect((await fetch(`${app.url}/app/orders/not-a-number`)).status).toBe(404);
    expect((await fetch(`${app.url}/app/orders/7001`)).status).toBe(200);
  });

  it("filters follow-ups by shipment state", async () => {
    await clickNav("Follow-ups");
    await page.getByRole("tab", { name: "Shipments" }).click();
    await expect.poll(() => page.url()).toContain("/app/follow-ups/shipments");
    await page.getByLabel("Shipment state").selectOption("delivered");
    await expect.poll(() => page.url()).toContain("state=delivered");
    await expect.poll(() => page.getByRole("link", { name: "#7001" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "#7002" }).count()).toBe(0);
    await page.getByLabel("Shipment state").selectOption("not_scanned");
    await expect.poll(() => page.getByRole("link", { name: "#7002" }).count()).toBe(1);
  }, 60_000);

  it("shows the queue, retries a dead job and lists the data-request export", async () => {
    await clickNav("Settings");
    expect(await page.getByText(DEMO_SHOP).count()).toBeGreaterThan(0);
    expect(await page.getByText("read_orders, write_orders").count()).toBe(1);
    const exportRow = page.getByRole("row").filter({ hasText: "4242" });
    await expect.poll(() => exportRow.count()).toBe(1);
    const href = await exportRow.getByRole("link", { name: "Download JSON" }).getAttribute("href");
    const download = await fetch(`${app.url}${href}`);
    expect(download.headers.get("content-disposition")).toBe("attachment; filename=data-request-4242.json");
    expect(((await download.json()) as { customerGid: string }).customerGid).toBe("gid://shopify/Customer/501");

    const dead = page.getByRole("row").filter({ hasText: "simulated: database busy" });
    await expect.poll(() => dead.count()).toBe(1);
    await screenshot("settings-dead-letter");
    await dead.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => page.getByText("Job queued again").count()).toBe(1);
    await waitForIdle(app);
    await page.reload();
    await expect.poll(() => page.getByText("No dead jobs").count()).toBe(1);
  }, 60_000);
});
