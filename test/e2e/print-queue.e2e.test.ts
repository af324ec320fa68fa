import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { DEFAULT_INSERTS } from "~/domain/templates/default-inserts";
import type { PrismaClient } from "~/generated/prisma/client";
import { buildScenario } from "../../scripts/simulator/scenarios";
import { sendDelivery } from "../../scripts/simulator/send";
import { startAdminApiServer, type AdminApiServer } from "../support/admin-api-server";
import { startApp, waitForIdle as waitForAppIdle, type AppProcess } from "../support/app-process";
import { launchChromium } from "../support/chromium";
import { storeInsertRule, storeInsertTemplate } from "../support/insert-storage";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { TEST_ENV } from "../support/test-env";

// The insert pipeline end to end, as in the demo: the built app (demo mode, real SQLite, in-process worker)
// with its Admin API requests sent to a local Shopify stand-in; rules stored as the editor stores them;
// orders from the simulator over signed HTTP; the Print queue in Debian's Chromium.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const ORDERS = 5;

let adminApi: AdminApiServer;
let app: AppProcess;
let db: PrismaClient;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const problems: string[] = [];

const waitForIdle = () => waitForAppIdle(app);

async function storeDemoRules() {
  await db.session.create({ data: { id: `offline_${DEMO_SHOP}`, shop: DEMO_SHOP, state: "demo", scope: TEST_ENV.SCOPES, accessToken: "demo-offline-token" } });
  for (const id of ["first-order-thanks", "next-order-code"] as const) {
    await storeInsertTemplate(db, DEMO_SHOP, { id, name: DEFAULT_INSERTS[id].name, paperSize: null, fallbackLocale: "en", variants: DEFAULT_INSERTS[id].templates });
  }
  await storeInsertRule(db, DEMO_SHOP, {
    id: "welcome", name: "Welcome card and soap", priority: 1, conditions: { op: "and", items: [] },
    actions: { insertTemplateId: "first-order-thanks", physicalItem: { label: "lavender soap sample", stock: 100 } },
  });
  await storeInsertRule(db, DEMO_SHOP, {
    id: "next-order", name: "Next-order code", priority: 2, conditions: { op: "and", items: [] },
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
  });
  // Needs the customer's tags, which order webhooks lack: the app asks the stand-in (InsertOrderFacts); nobody is VIP there.
  await storeInsertRule(db, DEMO_SHOP, {
    id: "vip", name: "VIP extra", priority: 3, conditions: { op: "and", items: [{ kind: "customer-tags", op: "any", tags: ["vip"] }] },
    actions: { insertTemplateId: "first-order-thanks" },
  });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  adminApi = await startAdminApiServer(healthyInsertAnswers());
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP, SHOPIFY_ADMIN_API_ORIGIN: adminApi.origin });
  db = createPrismaClient(app.databaseUrl);
  await storeDemoRules();
  browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  await browser.context.route((url) => !url.toString().startsWith(app.url) && !url.toString().startsWith("blob:"), (route) => route.abort());
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
  await adminApi?.close();
});

afterEach(() => {
  expect(problems, "errors in the browser").toEqual([]);
});

describe("inserts end to end (demo mode)", () => {
  it("decides simulator orders, creates codes, writes back, and prints from the Print queue", async () => {
    // WHEN the simulator sends five orders, signed, over HTTP
    const deliveries = buildScenario("load", { seed: 7, start: new Date("2026-11-20T09:00:00Z"), shopDomain: DEMO_SHOP, count: ORDERS }) ?? [];
    for (const delivery of deliveries) {
      expect((await sendDelivery(app.url, delivery, { shopDomain: DEMO_SHOP, secret: TEST_ENV.SHOPIFY_API_SECRET })).status).toBe(200);
    }
    await waitForIdle();
    // THEN each order was decided once, its code created, and the order tagged and given its plan, in that order
    const jobs = await db.job.findMany({ where: { shop: DEMO_SHOP, type: { startsWith: "inserts." } }, select: { type: true, status: true } });
    const count = (type: string) => jobs.filter((job) => job.type === type && job.status === "done").length;
    expect([count("inserts.assign"), count("inserts.discount"), count("inserts.tag"), count("inserts.metafield")]).toEqual([ORDERS, ORDERS, ORDERS, ORDERS]);
    expect(adminApi.unexpected).toEqual([]);
    expect(adminApi.calls.every((call) => call.shop === DEMO_SHOP)).toBe(true);
    for (const name of ["DiscountCodeBasicCreate", "TagsAdd", "MetafieldsSet"]) expect(adminApi.calls.filter((call) => call.operationName === name)).toHaveLength(ORDERS);
    // Order facts were asked once per order with a customer (guests have no tags to ask for), and stored
    const withCustomer = deliveries.filter((delivery) => typeof delivery.payload === "object" && delivery.payload !== null && !Array.isArray(delivery.payload) && delivery.payload.customer);
    expect(adminApi.calls.filter((call) => call.operationName === "InsertOrderFacts")).toHaveLength(withCustomer.length);
    const facts = await db.insertEvaluation.findMany({ where: { shop: DEMO_SHOP }, select: { facts: true } });
    expect(facts.map((row) => JSON.parse(row.facts ?? "{}").customerTags?.origin).sort()).toEqual([...Array(ORDERS - withCustomer.length).fill("guest"), ...Array(withCustomer.length).fill("shopify")]);
    const firstWriteBack = adminApi.calls.findIndex((call) => call.operationName === "TagsAdd");
    expect(adminApi.calls.slice(0, firstWriteBack).map((call) => call.operationName)).toContain("DiscountCodeBasicCreate");
    const plans = adminApi.calls.filter((call) => call.operationName === "MetafieldsSet").map((call) => (call.variables.metafields as { value: string }[])[0].value);
    for (const plan of plans) expect(plan).toMatch(/^Include: Thank-you card \(first order\), Next-order code card\. Add: lavender soap sample\. Code: [A-Z0-9-]+\.$/);
    expect((await db.insertRule.findFirstOrThrow({ where: { shop: DEMO_SHOP, id: "welcome" } })).stockLeft).toBe(100 - ORDERS);

    // WHEN the merchant opens the Print queue
    await page.goto(`${app.url}/app/print-queue`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Print queue" }).count()).toBe(1);
    await page.waitForFunction(() => "__remixRouter" in window);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(ORDERS);
    expect(await rows.first().innerText()).toContain("Add: lavender soap sample");
    await page.screenshot({ path: path.join(SCREENSHOTS, "print-queue.png"), fullPage: true });
    // AND selects every order and prints them
    await page.locator("thead").getByRole("checkbox").check({ force: true });
    const popup = page.context().waitForEvent("page");
    await page.getByRole("button", { name: "Print selected" }).click();
    const sheet = await popup;
    await sheet.waitForLoadState();
    await expect.poll(() => sheet.locator("section.kept-page").count()).toBe(ORDERS * 2);
    expect(await sheet.locator("figure.kept-qr svg").count()).toBe(ORDERS);
    await sheet.screenshot({ path: path.join(SCREENSHOTS, "print-queue-sheet.png") });
    await sheet.close();
    // THEN the orders are marked printed and leave the queue, with an undo
    await expect.poll(() => page.getByText(`Marked ${ORDERS} printed`).count()).toBe(1);
    await expect.poll(() => rows.filter({ hasText: "Include:" }).count()).toBe(0);
    expect(await db.insertEvaluation.count({ where: { shop: DEMO_SHOP, printedAt: { not: null } } })).toBe(ORDERS);
    await page.getByRole("button", { name: "Show printed" }).click();
    await expect.poll(() => rows.filter({ hasText: "Include:" }).count()).toBe(ORDERS);
    await page.screenshot({ path: path.join(SCREENSHOTS, "print-queue-printed.png"), fullPage: true });

    // AND an order's page says which rules applied, why, and where the facts they read came from
    const first = withCustomer[0]?.payload as { id: number } | undefined;
    if (first) {
      await page.goto(`${app.url}/app/orders/${first.id}`);
      const card = page.locator(".Polaris-ShadowBevel").filter({ has: page.getByRole("heading", { level: 2, name: "Inserts", exact: true }) });
      await expect.poll(() => card.count()).toBe(1);
      expect(await card.innerText()).toContain("Welcome card and soap (v1)");
      expect(await card.innerText()).toContain("Customer tags: none (Shopify)");
      await card.screenshot({ path: path.join(SCREENSHOTS, "order-inserts-card.png") });
    }
  }, 180_000);
});
