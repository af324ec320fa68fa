import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/models/db/prisma.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { buildScenario } from "../../scripts/simulator/scenarios";
import { sendDelivery } from "../../scripts/simulator/send";
import { startAdminApiServer, type AdminApiServer } from "../support/admin-api-server";
import { startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, readPdfPages, type AdminBrowser } from "../support/chromium";
import { THROTTLED, discountCreated, healthyInsertAnswers } from "../support/shopify-answers";
import { TEST_ENV } from "../support/test-env";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// The package-insert journey as a merchant lives it, in the demo: the built app (demo mode, real SQLite,
// in-process worker) with its Admin API requests going to a local Shopify stand-in. The rule is made in
// the admin's rule editor in Chromium; the orders come from the simulator as signed HTTP webhooks; the
// jobs are checked where the merchant sees them (the order page) and in the stand-in's recorded calls;
// the Print queue prints a batch (PDF page count checked) and records it. One order's code is held back
// by Shopify (throttled) so its code card waits in the queue. Screenshots: var/screenshots/journey-*.png.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
// Simulator seed 7, eight orders (#1001–#1008). The rule below (total ≥ 500 SEK and (ships to SE or DE, or a
// ceramic SKU)) matches #1001 (SE), #1003 (SE, guest), #1004 (DE, guest), #1005 (US, ceramic), #1007 (JP, ceramic);
// #1002 (US, linen), #1006 (288 SEK) and #1008 (448 SEK) get nothing.
const MATCHED = ["#1001", "#1003", "#1004", "#1005", "#1007"];
const HELD_BACK = "#1003";

let adminApi: AdminApiServer;
let app: AppProcess;
let db: PrismaClient;
let browser: AdminBrowser;
let page: Page;
let holdCode = true;

const eventually = <T>(read: () => T | Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 150 });
const shot = (name: string, target: Page = page) => target.screenshot({ path: path.join(SCREENSHOTS, `journey-${name}.png`), fullPage: true });
const heading = (name: string) => eventually(() => page.getByRole("heading", { level: 1, name, exact: true }).count()).toBe(1);
const group = (name: string) => page.getByRole("group", { name, exact: true });
const calls = (operationName: string) => adminApi.calls.filter((call) => call.operationName === operationName);
const jobs = () => db.job.findMany({ where: { shop: DEMO_SHOP, type: { startsWith: "inserts." } }, select: { type: true, status: true, attempts: true } });
const doneJobs = async (type: string) => (await jobs()).filter((job) => job.type === type && job.status === "done").length;

/** "inserts.tag done" from a job row's text (the status badge also carries its tone's name for screen readers). */
const jobLine = (text: string) => {
  const [type, ...rest] = text.split(/\s+/);
  return `${type} ${rest.find((word) => ["pending", "running", "done", "dead", "cancelled"].includes(word)) ?? "?"}`;
};

async function addCondition(groupName: string, kind: string) {
  const scope = group(groupName);
  await scope.getByLabel(`New condition in ${groupName.toLowerCase()}`, { exact: true }).selectOption(kind);
  await scope.getByRole("button", { name: `Add condition to ${groupName.toLowerCase()}` }).click();
}

async function openQueue() {
  await page.goto(`${app.url}/app/print-queue`);
  await heading("Print queue");
  await page.waitForFunction(() => "__remixRouter" in window);
}

/** Selects every order of the queue's page, prints them, and returns the opened sheet's tab. */
async function printAll() {
  await page.locator("thead").getByRole("checkbox").check({ force: true });
  const popup = page.context().waitForEvent("page");
  await page.getByRole("button", { name: "Print selected" }).click();
  const sheet = await popup;
  await sheet.waitForLoadState();
  return sheet;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  adminApi = await startAdminApiServer({
    ...healthyInsertAnswers(),
    // Shopify throttles the code of #1003 until the test lets it through
    DiscountCodeBasicCreate: (variables) => (holdCode && JSON.stringify(variables).includes(`${HELD_BACK} (`) ? THROTTLED : discountCreated()),
  });
  // The simulator sends its orders with their simulated trigger times, as in the demo: no replay window.
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", WEBHOOK_REPLAY_WINDOW_HOURS: "0", DEMO_SHOP, SHOPIFY_ADMIN_API_ORIGIN: adminApi.origin });
  db = createPrismaClient(app.databaseUrl);
  // The demo shop as installed: its offline token (for the jobs' Admin API calls), its zone and currency
  await db.session.create({ data: { id: `offline_${DEMO_SHOP}`, shop: DEMO_SHOP, state: "demo", scope: TEST_ENV.SCOPES, accessToken: "demo-offline-token" } });
  await db.shop.create({ data: { shop: DEMO_SHOP, timezone: "Europe/Stockholm", currency: "SEK" } });
  browser = await openAdminBrowser(app.url);
  page = browser.page;
  page.setDefaultTimeout(15_000);
}, 180_000);

closeAfterBrowserTests(() => ({ browser, db, app, adminApi }));

describe("package inserts from rule to printed batch (demo mode, Chromium)", () => {
  it("creates a rule in the editor, decides simulator orders, runs the jobs, prints a batch and keeps the waiting code card", async () => {
    // GIVEN the merchant opens Inserts (the built-in templates are added) and writes a new rule
    await page.goto(`${app.url}/app/inserts`);
    await heading("Inserts");
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByRole("link", { name: "New rule" }).first().click();
    await heading("New rule");
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Big order thank-you");
    await addCondition("Conditions", "order-total");
    await group("Condition 1").getByRole("textbox", { name: "Amount", exact: true }).fill("500");
    await group("Conditions").getByRole("button", { name: "Add group to conditions" }).click(); // an "any of these" group
    await addCondition("Group 2", "ship-to");
    for (const country of ["SE", "DE"]) {
      await group("Condition 2.1").getByRole("textbox", { name: "Country code", exact: true }).fill(country);
      await group("Condition 2.1").getByRole("button", { name: "Add destination" }).click();
    }
    await addCondition("Group 2", "line-item");
    await group("Condition 2.2").getByRole("textbox", { name: "is one of", exact: true }).fill("CERAMI-01, CERAMI-02");
    await group("Condition 2.2").getByRole("button", { name: "Add to is one of" }).click();
    await page.getByLabel("Printed insert").selectOption({ label: "Next-order code card" });
    await page.getByLabel("Add a physical item for the packer").check();
    await page.getByRole("textbox", { name: "Item", exact: true }).fill("lavender soap sample");
    await page.getByLabel("Unlimited").uncheck();
    await page.getByRole("spinbutton", { name: "Stock" }).fill("100");
    await page.getByLabel("Give a personal discount code for the next order").check();
    await page.getByRole("textbox", { name: /^Value\b/ }).fill("15"); // its name includes the "%" suffix
    await shot("rule-editor");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Saved as version 1.").count()).toBe(1);
    const [rule] = await db.insertRule.findMany({ where: { shop: DEMO_SHOP } });
    expect(JSON.parse(rule.document)).toMatchObject({
      conditions: {
        op: "and",
        items: [
          { kind: "order-total", op: "gte", amount: "500", currency: "SEK" },
          {
            op: "or",
            items: [
              { kind: "ship-to", zones: [{ country: "SE" }, { country: "DE" }] },
              { kind: "line-item", field: "sku", values: ["CERAMI-01", "CERAMI-02"] },
            ],
          },
        ],
      },
      actions: {
        insertTemplateId: "next-order-code",
        physicalItem: { label: "lavender soap sample", stock: 100 },
        discount: { kind: "percentage", value: "15", expiresInDays: 30 },
      },
    });

    // WHEN the simulator sends eight orders, signed, over HTTP
    const deliveries = buildScenario("load", { seed: 7, start: new Date("2026-11-20T09:00:00Z"), shopDomain: DEMO_SHOP, count: 8 }) ?? [];
    for (const delivery of deliveries) {
      expect((await sendDelivery(app.url, delivery, { shopDomain: DEMO_SHOP, secret: TEST_ENV.SHOPIFY_API_SECRET })).status).toBe(200);
    }
    // THEN every order is decided once; four codes are created and those orders tagged and given their plan,
    // while #1003's code is retried (Shopify throttles it) and its write-back waits for it
    await eventually(async () => [
      await doneJobs("inserts.assign"),
      await doneJobs("inserts.discount"),
      await doneJobs("inserts.tag"),
      await doneJobs("inserts.metafield"),
    ]).toEqual([8, 4, 4, 4]);
    await eventually(async () => (await jobs()).filter((job) => job.type === "inserts.discount" && job.status === "pending" && job.attempts >= 1).length).toBe(
      1,
    );
    expect(adminApi.unexpected).toEqual([]);
    expect(adminApi.calls.every((call) => call.shop === DEMO_SHOP)).toBe(true);
    expect([calls("TagsAdd").length, calls("MetafieldsSet").length]).toEqual([4, 4]);
    expect(calls("DiscountCodeBasicCreate").length).toBeGreaterThanOrEqual(5);
    const plans = calls("MetafieldsSet").map((call) => (call.variables.metafields as { value: string }[])[0].value);
    for (const plan of plans) expect(plan).toMatch(/^Include: Next-order code card\. Add: lavender soap sample\. Code: [A-Z0-9-]+\.$/);
    const tagged = calls("TagsAdd").map((call) => call.variables.id as string);
    const evaluations = await db.insertEvaluation.findMany({ where: { shop: DEMO_SHOP, packingPlan: { not: "" } } });
    const orders = await db.order.findMany({ where: { shop: DEMO_SHOP }, select: { orderGid: true, name: true, legacyId: true } });
    const nameOf = (gid: string) => orders.find((order) => order.orderGid === gid)?.name;
    expect(evaluations.map((row) => nameOf(row.orderGid)).sort()).toEqual(MATCHED);
    expect(tagged.map(nameOf).sort()).toEqual(MATCHED.filter((name) => name !== HELD_BACK));

    // AND the merchant sees the jobs on the order page: all done for #1001, the code still being retried for #1003
    const idOf = (name: string) => orders.find((order) => order.name === name)?.legacyId;
    await page.goto(`${app.url}/app/orders/${idOf("#1001")}`);
    await heading("Order #1001");
    const jobRows = page.getByRole("table").filter({ hasText: "inserts.assign" }).locator("tbody tr");
    await eventually(() => jobRows.allInnerTexts()).toHaveLength(4);
    expect((await jobRows.allInnerTexts()).map(jobLine)).toEqual([
      "inserts.assign done",
      "inserts.discount done",
      "inserts.tag done",
      "inserts.metafield done",
    ]);
    await shot("order-jobs");
    await page.goto(`${app.url}/app/orders/${idOf(HELD_BACK)}`);
    await heading(`Order ${HELD_BACK}`);
    await eventually(() => jobRows.allInnerTexts()).toHaveLength(2);
    expect((await jobRows.allInnerTexts()).map(jobLine)).toEqual(["inserts.assign done", "inserts.discount pending"]);
    expect(await jobRows.nth(1).innerText()).toContain("Throttled");

    // WHEN the merchant opens the Print queue THEN the five orders are there, #1003's code card marked pending
    await openQueue();
    const rows = page.locator("tbody tr");
    await eventually(() => rows.count()).toBe(5);
    expect(await rows.filter({ hasText: HELD_BACK }).innerText()).toContain("1 code pending");
    expect(await rows.filter({ hasText: "#1001" }).innerText()).toContain("1 ready");
    await shot("queue");

    // AND prints them all
    const sheet = await printAll();
    // THEN the sheet has one A6 page per ready card: four; #1003's card waits for its code (said on screen only)
    await eventually(() => sheet.locator("section.kept-page").count()).toBe(4);
    expect(await sheet.locator("figure.kept-qr svg").count()).toBe(4);
    expect(await sheet.locator(".kept-notice").innerText()).toMatch(/^#1003: "Next-order code card" not printed, its code .+ is still being created\.$/);
    await sheet.emulateMedia({ media: "print" });
    const pdfPages = readPdfPages(await sheet.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdfPages).toHaveLength(4);
    expect(pdfPages.map((size) => Math.round(size.width))).toEqual([298, 298, 298, 298]); // A6, 105 mm
    await sheet.emulateMedia({ media: "screen" });
    await shot("sheet", sheet);
    await sheet.close();
    // AND the print is recorded card by card: four orders leave the queue, #1003 stays with the reason
    await eventually(() => page.getByText("Marked 4 inserts printed; 4 orders left the queue.", { exact: false }).count()).toBe(1);
    expect(
      await page.getByText(`Still in the queue: ${HELD_BACK} (1 insert waits for its code, which is still being created).`, { exact: false }).count(),
    ).toBe(1);
    await eventually(() => rows.filter({ hasText: "Include:" }).count()).toBe(1);
    expect(await rows.first().innerText()).toContain(HELD_BACK);
    await shot("queue-after-print");

    // WHEN Shopify creates the last code (the retry is let through now) THEN #1003 is written back and its card is ready
    holdCode = false;
    await db.job.updateMany({ where: { shop: DEMO_SHOP, type: "inserts.discount", status: "pending" }, data: { runAt: new Date(0) } });
    await waitForIdle(app);
    expect([calls("TagsAdd").length, calls("MetafieldsSet").length]).toEqual([5, 5]);
    await openQueue();
    await eventually(() => rows.filter({ hasText: HELD_BACK }).innerText()).toContain("1 ready");
    // AND printing it prints that one card, and the queue is empty
    const last = await printAll();
    await eventually(() => last.locator("section.kept-page").count()).toBe(1);
    expect(readPdfPages(await last.pdf({ preferCSSPageSize: true }))).toHaveLength(1);
    await last.close();
    await eventually(() => page.getByText("Marked 1 insert printed; 1 order left the queue.", { exact: false }).count()).toBe(1);
    await eventually(() => rows.filter({ hasText: "Include:" }).count()).toBe(0);
    expect(await db.insertEvaluation.count({ where: { shop: DEMO_SHOP, printedAt: { not: null } } })).toBe(5);
    expect(await db.insertAssignment.count({ where: { shop: DEMO_SHOP, printedAt: { not: null } } })).toBe(5);
    await page.getByRole("button", { name: "Show printed" }).click();
    await eventually(() => rows.filter({ hasText: "Include:" }).count()).toBe(5);
    await shot("queue-printed");
  }, 240_000);

  it("runs nothing a template carries when the queue opens the sheet in the app's own origin", async () => {
    // GIVEN the card's template version carries a script and an onerror handler that would write to the app's
    // origin (the sheet is a blob: URL of the app, so a script there could read and write the app's storage)
    const probe = "localStorage.setItem('pwned', 'yes'); document.title = 'pwned'";
    const hostile = `<h1 id="hostile">Hostile card {{ code }}</h1><script>${probe}</script><img src="x" onerror="${probe}">`;
    const [version] = await db.insertTemplateVersion.findMany({ where: { shop: DEMO_SHOP, templateId: "next-order-code" } });
    await db.insertTemplateVersion.update({
      where: { shop_templateId_version: { shop: DEMO_SHOP, templateId: "next-order-code", version: version.version } },
      data: { document: JSON.stringify({ ...JSON.parse(version.document), variants: { en: hostile }, fallbackLocale: "en" }) },
    });
    // AND #1001 is put back in the queue from the printed tab
    const rows = page.locator("tbody tr");
    await rows.filter({ hasText: "#1001" }).getByRole("checkbox").check({ force: true });
    await page.getByRole("button", { name: "Mark as not printed" }).click();
    await eventually(() => page.getByText("1 order back in the queue.").count()).toBe(1);
    await page.getByRole("button", { name: "To print", exact: true }).click();
    await eventually(() => rows.filter({ hasText: "Include:" }).count()).toBe(1);

    // WHEN it is printed from the queue
    const sheet = await printAll();
    await eventually(() => sheet.locator("#hostile").count()).toBe(1);
    // Inline scripts and an image's error handler run before the document is complete.
    await sheet.waitForFunction(() => document.readyState === "complete");
    // THEN the card is there, but neither the script nor the handler ran, and the tab cannot reach the queue's page
    expect(sheet.url()).toMatch(/^blob:/);
    expect(await sheet.locator("#hostile").innerText()).toMatch(/^Hostile card [A-Z0-9-]+$/);
    expect(await sheet.title()).toBe("Inserts for #1001");
    expect(await sheet.evaluate(() => localStorage.getItem("pwned"))).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem("pwned"))).toBeNull();
    expect(await sheet.evaluate(() => window.opener === null)).toBe(true);
    expect(await sheet.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("default-src 'none'");
    await sheet.close();
  }, 120_000);
});
