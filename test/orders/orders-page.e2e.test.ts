import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { civilDateLabel } from "~/domain/outcomes/describe-outcome";
import { addDays } from "~/domain/promise/civil-date";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";
import { postWebhook } from "../support/webhooks";

// The Orders page in Chromium: the built app in demo mode, real SQLite, signed webhooks over HTTP. The
// example shop (Stockholm, Standard: an order on a Friday at 10:00 ships by Monday and is promised for
// Thursday; Norrland's is promised for the Monday after). The orders are placed on the Friday two weeks
// or more before today, so the Dashboard (which judges by today) counts them. Screenshots:
// var/screenshots/orders-*.png.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const example = readFileSync("docs/examples/promise-settings.json", "utf8");

/** The Friday 14 to 20 days before today (UTC), and the civil date `days` after it. */
const FRIDAY = (() => {
  const today = new Date();
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 14));
  while (date.getUTCDay() !== 5) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
})();
const day = (days: number) => addDays(FRIDAY, days);
/** An instant at `time` Stockholm winter time, `days` after the Friday (the offset is a fixed +01:00: the instant is what counts). */
const at = (days: number, time: string) => `${day(days)}T${time}:00+01:00`;

let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `orders-${name}.png`), fullPage: true });
/** The order names in the table, top to bottom. */
const listedOrders = () => page.locator("tbody tr td:first-child a").allInnerTexts();

async function send(topic: string, payload: unknown) {
  expect((await postWebhook(app.url, topic, payload, { shop: DEMO_SHOP })).status).toBe(200);
}

/** An order placed on the Friday, shipped at `shippedAt`, delivered (scan) at `deliveredAt`. */
async function deliveredOrder(
  id: number,
  customer: { first_name: string; last_name: string; email: string },
  shippedAt: string,
  deliveredAt: string,
  zip = "114 55",
) {
  const placed = at(0, `10:${String(id % 60).padStart(2, "0")}`);
  await send(
    "orders/create",
    orderPayload(id, {
      name: `#${id}`,
      email: customer.email,
      created_at: placed,
      updated_at: placed,
      customer: { id: id + 100_000, ...customer },
      shipping_address: { first_name: customer.first_name, last_name: customer.last_name, country_code: "SE", zip, city: "Luleå" },
    }),
  );
  await send("fulfillments/create", fulfillmentPayload(id + 1, id, { created_at: shippedAt, updated_at: shippedAt }));
  await send(
    "fulfillment_events/create",
    fulfillmentEventPayload(id + 2, id + 1, id, { status: "delivered", happened_at: deliveredAt, created_at: deliveredAt }),
  );
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP });
  const db = new Database(app.databaseUrl.replace(/^file:/, ""));
  try {
    // The example settings, at checkout since 1 Nov: the shoppers saw these promises.
    db.prepare(
      `INSERT INTO "PromiseSettingsVersion" ("shop", "version", "document", "effectiveFrom", "createdAt", "publishedAt") VALUES (?, 1, ?, ?, ?, ?)`,
    ).run(DEMO_SHOP, example, "2026-11-01T00:00:00.000+00:00", "2026-11-01T00:00:00.000+00:00", "2026-11-01T00:00:00.000+00:00");
  } finally {
    db.close();
  }
  // Shipped Saturday, delivered Tuesday: kept, two days before the promised Thursday
  await deliveredOrder(8100, { first_name: "Åsa", last_name: "Lindqvist", email: "asa@example.se" }, at(1, "09:00"), at(4, "14:00"));
  // Shipped in time, to Norrland (promised the Monday after), delivered on Wednesday: late, the carrier's part
  await deliveredOrder(8200, { first_name: "Bo", last_name: "Berg", email: "bo@example.se" }, at(1, "09:00"), at(12, "14:00"), "971 87");
  // Shipped Wednesday, after its ship-by Monday, delivered Friday: late, the warehouse's part
  await deliveredOrder(8300, { first_name: "Cecilia", last_name: "Dahl", email: "cecilia@example.se" }, at(5, "09:00"), at(7, "14:00"));
  // 52 more kept orders: the list has two pages
  for (let index = 0; index < 52; index += 1) {
    await deliveredOrder(
      9000 + index * 3,
      { first_name: "Kund", last_name: `Nummer${index}`, email: `kund${index}@example.se` },
      at(1, "09:00"),
      at(4, "14:00"),
    );
  }
  await waitForIdle(app, 60_000);
  browser = await openAdminBrowser(app.url);
  page = browser.page;
  page.setDefaultTimeout(15_000);
}, 240_000);

closeAfterBrowserTests(() => ({ browser, app }));

describe("the Orders page in Chromium (demo mode)", () => {
  it("lists every order with its verdict, searches by customer name, filters by outcome, lane and cause, pages, and exports what it shows", async () => {
    await page.goto(`${app.url}/app/orders`);
    await eventually(() => page.getByRole("heading", { level: 1, name: "Orders", exact: true }).count()).toBe(1);
    await page.waitForFunction(() => "__remixRouter" in window);
    await eventually(() => page.getByText("55 orders match.").count()).toBe(1);
    expect((await listedOrders()).length).toBe(50);
    await shot("all");

    // Search by the customer's last name, in lower case
    await page.getByRole("textbox", { name: "Search", exact: true }).fill("lindqvist");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await eventually(listedOrders).toEqual(["#8100"]);
    const row = page.locator("tbody tr").first();
    expect(await row.innerText()).toContain("Åsa Lindqvist");
    expect(await row.innerText()).toContain("Kept");
    expect(await row.innerText()).toContain(`Arrived ${civilDateLabel(day(4), "en-GB")}, 2 days before the promised ${civilDateLabel(day(6), "en-GB")}.`);

    // Clear, then the late ones; then only the carrier's; then Norrland's
    await page.getByRole("button", { name: "Clear filters", exact: true }).click();
    await eventually(() => page.getByText("55 orders match.").count()).toBe(1);
    await page.getByLabel("Promise", { exact: true }).selectOption("late");
    await eventually(() => page.url()).toMatch(/\?outcome=late$/);
    await eventually(listedOrders).toEqual(["#8200", "#8300"]);
    await page.getByLabel("Late because", { exact: true }).selectOption("carrier");
    await eventually(() => page.url()).toMatch(/\?outcome=late&cause=carrier$/);
    await eventually(listedOrders).toEqual(["#8200"]);
    await page.getByLabel("Late because", { exact: true }).selectOption("");
    await eventually(() => page.url()).toMatch(/\?outcome=late$/);
    await page.getByLabel("Lane", { exact: true }).selectOption("se-north");
    await eventually(() => page.url()).toMatch(/\?outcome=late&lane=se-north$/);
    await eventually(listedOrders).toEqual(["#8200"]);
    await shot("late-north");

    // The export carries the filters: the CSV holds the one late Norrland order
    const exported = page.waitForResponse((response) => response.url().includes("/app/orders/export"));
    await page.getByRole("button", { name: "Export CSV", exact: true }).click();
    const response = await exported;
    expect(response.status()).toBe(200);
    // The browser keeps no copy of a streamed body: ask again for the same URL the button fetched
    const body = await page.evaluate((url) => fetch(url).then((answer) => answer.text()), response.url());
    const csv = body.split("\r\n").filter(Boolean);
    expect(csv.length).toBe(2);
    expect(csv[1]).toMatch(new RegExp(`^#8200,${FRIDAY}T\\d\\d:\\d\\d:00\\.000Z,Bo Berg,bo@example\\.se,Standard,SE,se-north,`));
    expect(csv[1]).toContain(`,${day(10)},`);
    expect(csv[1]).toContain(",late,-2,carrier,");

    // Paging: all orders, the second page holds the five oldest
    await page.goto(`${app.url}/app/orders`);
    await eventually(() => page.getByText("55 orders match.").count()).toBe(1);
    const first = await listedOrders();
    await page.getByRole("button", { name: "Older orders" }).click();
    await eventually(async () => (await listedOrders()).length).toBe(5);
    const second = await listedOrders();
    expect(new Set([...first, ...second]).size).toBe(55);
    await page.getByRole("button", { name: "Newer orders" }).click();
    await eventually(listedOrders).toEqual(first);
  }, 120_000);

  it("opens from the Dashboard's figures with the orders behind them", async () => {
    await page.goto(`${app.url}/app`);
    await eventually(() => page.getByRole("heading", { level: 1, name: "Dashboard", exact: true }).count()).toBe(1);
    await page.waitForFunction(() => "__remixRouter" in window);
    // The trend is drawn by polaris-viz in the browser
    await eventually(() => page.getByRole("img", { name: "Kept-rate per week against the 95% target" }).locator("svg").count()).toBeGreaterThan(0);
    await shot("dashboard");
    // The 90-day card's "1 slow with the carrier" goes to that order
    await page.getByRole("link", { name: "1 slow with the carrier" }).last().click();
    await eventually(() => page.getByRole("heading", { level: 1, name: "Orders", exact: true }).count()).toBe(1);
    await eventually(listedOrders).toEqual(["#8200"]);
    expect(page.url()).toContain("dates=promised");
  }, 60_000);
});
