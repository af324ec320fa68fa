import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { orderPayload } from "../factories/payloads";
import { startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { postWebhook } from "../support/webhooks";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// The insert rule and template editors in a real browser: the built app in demo mode, real SQLite,
// signed webhooks, Debian's Chromium. Screenshots land in var/screenshots/inserts-*.png to be looked at.
const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");

let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

/** Polls until the expectation holds; generous, because this machine is shared and slow. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `inserts-${name}.png`), fullPage: true });
const heading = (name: string) => eventually(() => page.getByRole("heading", { level: 1, name, exact: true }).count()).toBe(1);
const textbox = (scope: Page | Locator, name: string) => scope.getByRole("textbox", { name, exact: true });
const group = (name: string) => page.getByRole("group", { name, exact: true });

function database() {
  return new Database(app.databaseUrl.replace(/^file:/, ""));
}

/** Four November orders in the demo shop; the rule below should match #7101 (big VIP) and #7104 (VIP at POS). */
async function sendOrders() {
  const at = (day: number) => ({ created_at: `2026-11-${day}T10:00:00+01:00`, updated_at: `2026-11-${day}T10:00:00+01:00` });
  const orders = [
    orderPayload(7101, { ...at(10), name: "#7101", tags: "vip", total_price: "1200.00" }),
    orderPayload(7102, { ...at(11), name: "#7102", tags: "vip", total_price: "249.00" }),
    orderPayload(7103, { ...at(12), name: "#7103", tags: "", total_price: "2000.00" }),
    orderPayload(7104, { ...at(13), name: "#7104", tags: "VIP", total_price: "300.00", source_name: "pos", customer: null, customer_locale: "de-DE" }),
  ];
  for (const order of orders) expect((await postWebhook(app.url, "orders/create", order, { shop: DEMO_SHOP })).status).toBe(200);
  await waitForIdle(app);
}

/** Adds a condition of `kind` to the group named `groupName` ("Conditions", "Group 2"). */
async function addCondition(groupName: string, kind: string) {
  const scope = group(groupName);
  await scope.getByLabel(`New condition in ${groupName.toLowerCase()}`, { exact: true }).selectOption(kind);
  await scope.getByRole("button", { name: `Add condition to ${groupName.toLowerCase()}` }).click();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP });
  // The shop's time zone: schedules are entered and shown in it.
  const db = database();
  try {
    db.prepare(`INSERT INTO "Shop" ("shop", "timezone", "currency", "updatedAt") VALUES (?, 'Europe/Stockholm', 'SEK', CURRENT_TIMESTAMP)`).run(DEMO_SHOP);
  } finally {
    db.close();
  }
  await sendOrders();
  browser = await openAdminBrowser(app.url);
  page = browser.page;
  page.setDefaultTimeout(15_000);
}, 180_000);

closeAfterBrowserTests(() => ({ browser, app }));

/** A save the server refused (400) shows up as a console error; take exactly those out, having checked they are there. */
async function expectRefusedSave(path: string) {
  const isRefusal = (problem: string) => problem.includes("status of 400") && problem.includes(`${path}.data`);
  await eventually(() => browser.problems.some(isRefusal)).toBe(true);
  const refused = browser.problems.filter(isRefusal);
  browser.problems.splice(0, browser.problems.length, ...browser.problems.filter((problem) => !refused.includes(problem)));
}

describe("insert rules and templates in Chromium (demo mode)", () => {
  it("seeds the built-in templates, and refuses a broken Liquid template with line and column before saving", async () => {
    // GIVEN the first visit to Inserts WHEN it loads THEN the shop has the four built-in templates
    await page.goto(`${app.url}/app/inserts`);
    await heading("Inserts");
    await page.waitForFunction(() => "__remixRouter" in window);
    await eventually(() => page.getByText("We added 4 ready-made insert templates", { exact: false }).count()).toBe(1);
    for (const name of ["Care guide", "Gift note for loyal customers", "Next-order code card", "Thank-you card (first order)"]) {
      expect(await page.getByRole("link", { name, exact: true }).count()).toBe(1);
    }

    // WHEN the merchant writes a new template with an unclosed {% if %}
    await page.getByRole("link", { name: "New template" }).click();
    await heading("New insert");
    await textbox(page, "Name").fill("VIP card");
    const liquid = textbox(page, "Liquid for en");
    await liquid.fill("<h1>Hej {{ customer.first_name }}</h1>\n{% if code %}\n<p>{{ code }}</p>");
    // THEN the sandbox's error appears with its line and column, before saving
    await eventually(() => page.getByText("Line 2, column 1: tag {% if code %} not closed").count()).toBeGreaterThan(0);
    await shot("template-liquid-error");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Not saved", { exact: true }).count()).toBe(1);
    await expectRefusedSave("/app/inserts/templates/new");

    // WHEN it is fixed THEN the preview shows it rendered for the sample order, and it saves as version 1
    await liquid.fill("<h1>Thank you, {{ customer.first_name }}!</h1>\n{% if code %}<p>{{ code }}</p>{% endif %}");
    await eventually(() => page.frameLocator('iframe[title="Insert preview"]').getByRole("heading").textContent()).toBe("Thank you, Anna!");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Saved as version 1.").count()).toBe(1);
    await heading("VIP card");
  }, 120_000);

  it("previews a template against a real order in the customer's language", async () => {
    await page.goto(`${app.url}/app/inserts/templates/first-order-thanks`);
    await heading("Thank-you card (first order)");
    await page.getByLabel("Render against").selectOption({ label: "#7104 · de-DE · 2026-11-13" });
    const frame = page.frameLocator('iframe[title="Insert preview"]');
    await eventually(() => frame.getByRole("heading").textContent()).toBe("Danke!"); // no first name on record
    expect(await frame.getByText("#7104", { exact: false }).count()).toBe(1);
    expect(await page.getByText('Rendered in "de" on A6.', { exact: false }).count()).toBe(1);
    await page.locator('iframe[title="Insert preview"]').screenshot({ path: path.join(SCREENSHOTS, "inserts-template-preview-frame.png") });
  }, 60_000);

  it("creates a rule with nested conditions, a template and stock; shows field errors; saves, lists and edits it", async () => {
    await page.goto(`${app.url}/app/inserts/rules/new`);
    await heading("New rule");
    await page.waitForFunction(() => "__remixRouter" in window);
    await textbox(page, "Name").fill("VIP thank-you");

    // GIVEN: order tagged vip AND (total ≥ 1000 SEK OR sold at POS), from 1 Nov 00:00 Stockholm time
    await addCondition("Conditions", "order-tags");
    await textbox(group("Condition 1"), "Tags").fill("vip");
    await group("Condition 1").getByRole("button", { name: "Add to Tags" }).click();
    await group("Conditions").getByRole("button", { name: "Add group to conditions" }).click();
    await addCondition("Group 2", "order-total");
    await textbox(group("Condition 2.1"), "Amount").fill("1000,00"); // a comma: bad input
    await textbox(group("Condition 2.1"), "Currency").fill("SEK");
    await addCondition("Group 2", "sales-channel");
    await group("Condition 2.2").getByLabel("Online store").uncheck();
    await group("Condition 2.2").getByLabel("Point of sale").check();
    await page.getByLabel("Starts").fill("2026-11-01T00:00");
    await page.getByLabel("Printed insert").selectOption({ label: "VIP card" });
    await page.getByLabel("Add a physical item for the packer").check();
    await textbox(page, "Item").fill("Lavender soap sample");
    await page.getByLabel("Unlimited").uncheck();
    await page.getByRole("spinbutton", { name: "Stock" }).fill("25");

    // WHEN saving with the bad amount THEN the field says what is wrong and nothing is saved
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => group("Condition 2.1").getByText("Use an amount like 49.90, with a dot before the cents").count()).toBe(1);
    expect(await page.getByText("Condition 2.1: Use an amount like 49.90", { exact: false }).count()).toBe(1);
    await shot("rule-field-errors");
    expect(page.url()).toMatch(/\/rules\/new$/);

    // WHEN fixed and saved THEN it is version 1, stored with its stock and the start as an instant
    await textbox(group("Condition 2.1"), "Amount").fill("1000");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Saved as version 1.").count()).toBe(1);
    const ruleId = /\/rules\/([\w-]+)\?saved=1$/.exec(page.url())?.[1] ?? "";
    const db = database();
    const stored = db.prepare(`SELECT "stockLeft", "version", "document" FROM "InsertRule" WHERE "id" = ?`).get(ruleId) as {
      stockLeft: number;
      version: number;
      document: string;
    };
    db.close();
    expect(stored).toMatchObject({ stockLeft: 25, version: 1 });
    expect(JSON.parse(stored.document)).toMatchObject({
      startsAt: "2026-10-31T23:00:00.000Z",
      actions: { insertTemplateId: expect.stringMatching(/^insert-/) },
    });
    expect(await page.getByLabel("Starts").inputValue()).toBe("2026-11-01T00:00"); // shown in shop time again

    // THEN it is in the list: active, stock left, version 1
    await page.getByRole("link", { name: "Inserts" }).first().click();
    await heading("Inserts");
    const row = page.getByRole("row").filter({ hasText: "VIP thank-you" });
    await eventually(() => row.textContent()).toContain("Lavender soap sample: 25 left");
    expect(await row.textContent()).toContain("active");
    expect(await row.textContent()).toContain("v1 ·");
    await shot("rules-list");

    // WHEN edited THEN version 2, with both versions kept
    await row.getByRole("link", { name: "VIP thank-you" }).click();
    await heading("VIP thank-you");
    await textbox(page, "Name").fill("VIP thank-you card");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Saved as version 2.").count()).toBe(1);
    expect(await page.getByText("Version 2 (current)", { exact: false }).count()).toBe(1);
    expect(await page.getByText("Version 1, saved", { exact: false }).count()).toBe(1);
    await shot("rule-version-2");
  }, 120_000);

  it("tests the rule against the last orders: which match and why, and what a stopping rule changes", async () => {
    await page.getByRole("button", { name: "Test against the last 100 orders" }).click();
    const matches = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^#71\d\d$/ }) });
    await eventually(() => page.getByText("Would match (2)").count()).toBe(1);
    expect(await page.getByText("Would not match (2)").count()).toBe(1);
    expect(await page.getByText("Of the last 4 orders, 2 match the conditions. With your other rules: 2 get it, 0 held out.").count()).toBe(1);
    const row = (name: string) => matches.filter({ hasText: name });
    expect(await row("#7101").textContent()).toContain('order tagged "vip"');
    expect(await row("#7101").textContent()).toContain("total 1200.00 SEK ≥ 1000");
    expect(await row("#7101").textContent()).toContain("gets it");
    expect(await row("#7104").textContent()).toContain("sold via pos");
    expect(await row("#7102").textContent()).toContain("total 249.00 SEK is not ≥ 1000");
    expect(await row("#7103").textContent()).toContain('order is not tagged with any of "vip"');
    await shot("rule-trial");

    // GIVEN a new catch-all rule that stops after itself, ahead of the VIP rule
    await page.goto(`${app.url}/app/inserts/rules/new`);
    await heading("New rule");
    await page.waitForFunction(() => "__remixRouter" in window);
    await textbox(page, "Name").fill("Card for everyone");
    await page.getByRole("spinbutton", { name: "Priority" }).fill("1");
    await page.getByLabel("Stop after this rule").check();
    await page.getByLabel("Printed insert").selectOption({ label: "Care guide" });
    // THEN the checks warn before saving that the VIP rule can never apply, and saving is still allowed
    const unreachable = 'Rule "VIP thank-you card": This rule never applies: "Card for everyone" runs first';
    await eventually(() => page.getByText(unreachable, { exact: false }).count()).toBe(1);
    expect(await page.getByText("You can save anyway", { exact: false }).count()).toBe(1);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await eventually(() => page.getByText("Saved as version 1.").count()).toBe(1);
    expect(await page.getByText("It has 2 warnings (see Checks)", { exact: false }).count()).toBe(1);

    // WHEN the VIP rule is tested again THEN its matches are stopped by the new rule
    await page.getByRole("link", { name: "Inserts" }).first().click();
    await page.getByRole("link", { name: "VIP thank-you card" }).click();
    await heading("VIP thank-you card");
    await page.getByRole("button", { name: "Test against the last 100 orders" }).click();
    await eventually(() => row("#7101").textContent()).toContain('stopped by "Card for everyone"');
    expect(await page.getByText("2 match the conditions. With your other rules: 0 get it, 0 held out, 2 stopped.", { exact: false }).count()).toBe(1);
    expect(await row("#7101").textContent()).toContain("Card for everyone"); // what goes into that parcel instead
    await shot("rule-trial-stopped");
  }, 120_000);

  it("reorders and archives rules from the list", async () => {
    await page.goto(`${app.url}/app/inserts`);
    await heading("Inserts");
    await page.waitForFunction(() => "__remixRouter" in window);
    const names = () => page.getByRole("table").first().getByRole("link").allTextContents();
    expect(await names()).toEqual(["Card for everyone", "VIP thank-you card"]);
    // WHEN the VIP rule (priority 10) is moved above the catch-all (priority 1) THEN priorities become 10 and 20:
    // only the catch-all's changes, so only it gets a new version
    await page.getByRole("button", { name: "Move VIP thank-you card up" }).click();
    await eventually(() => page.getByText("Order saved (1 rule got a new priority).").count()).toBe(1);
    await eventually(names).toEqual(["VIP thank-you card", "Card for everyone"]);
    const row = (name: string) => page.getByRole("row").filter({ hasText: name }).first().textContent();
    expect(await row("VIP thank-you card")).toMatch(/^VIP thank-you card.*active10.*v2 ·/);
    expect(await row("Card for everyone")).toMatch(/^Card for everyone.*active20.*v2 ·/);
    // WHEN the catch-all rule is archived THEN it is listed apart, as archived
    await page.getByRole("button", { name: "Archive Card for everyone" }).click();
    await eventually(() => page.getByText("Rule archived: it no longer runs.", { exact: false }).count()).toBe(1);
    await eventually(names).toEqual(["VIP thank-you card"]);
    const archived = page.getByRole("row").filter({ hasText: "Card for everyone" });
    expect(await archived.textContent()).toContain("archived");
    expect(await archived.getByRole("button", { name: "Restore Card for everyone" }).count()).toBe(1);
    await shot("rules-list-archived");
  }, 60_000);

  it("picks a product condition from the products seen in the shop's orders", async () => {
    await page.goto(`${app.url}/app/inserts/rules/new`);
    await heading("New rule");
    await page.waitForFunction(() => "__remixRouter" in window);
    await addCondition("Conditions", "line-item");
    const condition = group("Condition 1");
    await condition.getByLabel("Any line's").selectOption("product");
    await condition.getByLabel("Add a product seen in your orders").selectOption({ label: "Lavender soap" });
    await eventually(() => condition.getByRole("button", { name: "Remove Lavender soap" }).count()).toBe(1);
    await page.getByRole("button", { name: "Test against the last 100 orders" }).click(); // a trial needs no name
    await eventually(() => page.getByText("Would match (4)").count()).toBe(1);
    expect(await page.getByRole("row").filter({ hasText: "#7101" }).textContent()).toContain("contains product gid://shopify/Product/77");
    await shot("rule-product-picked");
  }, 60_000);

  it("says where a first-order rule's order count comes from, in the editor and in the trial", async () => {
    await page.goto(`${app.url}/app/inserts/rules/new`);
    await heading("New rule");
    await page.waitForFunction(() => "__remixRouter" in window);
    await addCondition("Conditions", "first-order");
    await eventually(() => group("Condition 1").getByText("Counted by Shopify when the order arrives", { exact: false }).count()).toBe(1);
    // The demo has no Shopify and these orders arrived before any rule: the trial counts Kept's own history
    await page.getByRole("button", { name: "Test against the last 100 orders" }).click();
    await eventually(() => page.getByText("Would match (", { exact: false }).count()).toBe(1);
    const row = (name: string) =>
      page
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name, exact: true }) })
        .textContent();
    expect(await row("#7101")).toContain("Order count: #1 (Kept's history since install, no Shopify facts stored with this order)");
    expect(await row("#7102")).toContain("Order count: #2 (Kept's history since install");
    expect(await row("#7104")).toContain("Order count: none (guest checkout)");
    await shot("rule-trial-facts");
  }, 60_000);
});
