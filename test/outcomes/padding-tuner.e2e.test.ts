import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addBusinessDays, createWorkCalendar } from "~/domain/promise/business-days";
import { addDays } from "~/domain/promise/civil-date";
import { startApp, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// The Padding tuner tab in Chromium: the built app in demo mode, real SQLite holding eight weeks of the
// shop's promises up to today (Norrland's parcels often a carrier day or two past the latest date,
// Sweden's never). Applying Norrland's proposal must create a settings version, and undoing it another.
// Screenshots: var/screenshots/tuner-*.png.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const example = readFileSync("docs/examples/promise-settings.json", "utf8");
const carrier = createWorkCalendar(["mon", "tue", "wed", "thu", "fri"], []);

let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `tuner-${name}.png`), fullPage: true });
const database = () => new Database(app.databaseUrl.replace(/^file:/, ""));
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** One order a day for `count` days before today on `laneKey`, arriving `excessOf(index)` carrier days after its latest date. */
function seedLane(db: Database.Database, laneKey: string, count: number, excessOf: (index: number) => number, firstId: number) {
  const today = new Date().toISOString().slice(0, 10);
  const order = db.prepare(
    `INSERT INTO "Order" ("shop", "orderGid", "legacyId", "name", "currency", "totalPrice", "createdAtShopify", "updatedAtShopify") VALUES (?, ?, ?, ?, 'SEK', '1', ?, ?)`,
  );
  const promise = db.prepare(
    `INSERT INTO "DeliveryPromise" ("shop", "orderGid", "laneKey", "laneLabel", "shipBy", "rawLatest", "promisedDate", "paddingDays", "settingsVersion", "shownAtCheckout") VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1)`,
  );
  const outcome = db.prepare(
    `INSERT INTO "PromiseOutcome" ("shop", "orderGid", "verdict", "lateCause", "daysEarly", "arrivalKind", "arrivalBy", "arrivalDate", "laneKey", "promisedDate", "destinationZone", "orderedAt", "updatedAt", "shipped", "parcels")
     VALUES (?, ?, ?, ?, 0, 'confirmed', 'scan', ?, ?, ?, 'Europe/Stockholm', ?, ?, 'fully', 1)`,
  );
  for (let index = 0; index < count; index += 1) {
    const id = firstId + index;
    const orderGid = `gid://shopify/Order/${id}`;
    const orderDate = addDays(today, -(index + 8));
    const orderedAt = iso(new Date(`${orderDate}T09:00:00Z`));
    const rawLatest = addBusinessDays(carrier, addDays(orderDate, 3), 0)!;
    const promisedDate = addBusinessDays(carrier, rawLatest, 1)!;
    const arrivalDate = addBusinessDays(carrier, rawLatest, excessOf(index))!;
    const late = arrivalDate > promisedDate;
    order.run(DEMO_SHOP, orderGid, String(id), `#${id}`, orderedAt, orderedAt);
    promise.run(DEMO_SHOP, orderGid, laneKey, laneKey, orderDate, rawLatest, promisedDate);
    outcome.run(DEMO_SHOP, orderGid, late ? "late" : "kept", late ? "carrier" : null, arrivalDate, laneKey, promisedDate, orderedAt, orderedAt);
  }
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP });
  const db = database();
  try {
    const at = "2026-01-01T00:00:00.000+00:00";
    db.prepare(
      `INSERT INTO "PromiseSettingsVersion" ("shop", "version", "document", "effectiveFrom", "createdAt", "publishedAt") VALUES (?, 1, ?, ?, ?, ?)`,
    ).run(DEMO_SHOP, example, at, at, at);
    seedLane(db, "se-north", 56, (index) => (index % 10 < 7 ? 0 : index % 10 < 9 ? 1 : 2), 10_000);
    seedLane(db, "se-standard", 56, () => 0, 20_000);
  } finally {
    db.close();
  }
  browser = await openAdminBrowser(app.url);
  page = browser.page;
  page.setDefaultTimeout(15_000);
}, 180_000);

closeAfterBrowserTests(() => ({ browser, app }));

const versions = () => {
  const db = database();
  try {
    return db.prepare(`SELECT "version", "document" FROM "PromiseSettingsVersion" WHERE "shop" = ? ORDER BY "version"`).all(DEMO_SHOP) as {
      version: number;
      document: string;
    }[];
  } finally {
    db.close();
  }
};
const northPadding = (document: string) =>
  (JSON.parse(document) as { lanes: { id: string; paddingDays?: number }[] }).lanes.find((lane) => lane.id === "se-north")?.paddingDays;

describe("the Padding tuner in Chromium (demo mode)", () => {
  it("proposes a day more for Norrland with what it costs, applies it as a new settings version, and undoes it", async () => {
    await page.goto(`${app.url}/app/promise/tuning`);
    await eventually(() => page.getByRole("heading", { level: 2, name: "Padding per lane, for your 95.0% target" }).count()).toBe(1);
    await page.waitForFunction(() => "__remixRouter" in window);
    const north = page.getByRole("region", { name: "PostNord, Norrland (postal codes 9xxxx)" });
    expect(await north.innerText()).toContain("Raising from 1 day to 2 days");
    expect(await north.innerText()).toMatch(/\d+\.\d d → \d+\.\d d/);
    await shot("proposals");

    await north.getByRole("button", { name: "Apply 2 days of padding to PostNord, Norrland (postal codes 9xxxx)" }).click();
    await eventually(() => page.getByText(/Saved as settings version 2/).count()).toBe(1);
    expect(versions().map((row) => [row.version, northPadding(row.document)])).toEqual([
      [1, undefined],
      [2, 2],
    ]);
    const change = page.getByRole("row").filter({ hasText: "1 day → 2 days" });
    expect(await change.innerText()).toContain("You");
    await shot("applied");

    await change.getByRole("button", { name: "Undo the change to PostNord, Norrland (postal codes 9xxxx)" }).click();
    await eventually(() => page.getByText(/Undone: settings version 3/).count()).toBe(1);
    expect(versions().map((row) => northPadding(row.document))).toEqual([undefined, 2, 1]);
    await eventually(() => page.getByText("Undone in version 3").count()).toBe(1);
    await shot("undone");
  }, 120_000);
});
