import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { startApp, waitForIdle, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";
import { headerOf, startSmtpSink } from "../support/smtp-sink";
import { waitUntil } from "../support/wait-until";
import { postWebhook } from "../support/webhooks";

// Follow-ups in a real browser: the built app in demo mode with its in-process worker, sending through a real
// SMTP server on loopback. The merchant sets the sender and an all-day window, makes a rule with a trial and a
// preview, and sees what it sent in the send log and on the order page; a refused message is tried again.

const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const HOUR = 3_600_000;

const sink = await startSmtpSink();
let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

const iso = (ms: number) => new Date(ms).toISOString();

async function send(topic: string, payload: unknown) {
  const response = await postWebhook(app.url, topic, payload, { shop: DEMO_SHOP });
  expect(response.status, `${topic}: ${response.text}`).toBe(200);
}

/** An order placed three days ago in Germany and shipped two days ago. */
async function placeShippedOrder(id: number, email: string) {
  const placed = iso(Date.now() - 72 * HOUR);
  const shipped = iso(Date.now() - 48 * HOUR);
  await send(
    "orders/create",
    orderPayload(id, {
      name: `#${id}`,
      email,
      customer_locale: "de",
      buyer_accepts_marketing: true,
      customer: { id: id + 100, first_name: "Jonas", last_name: "Weber", email },
      shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin", first_name: "Jonas" },
      created_at: placed,
      updated_at: placed,
      processed_at: placed,
    }),
  );
  await send("fulfillments/create", fulfillmentPayload(id * 10, id, { name: `#${id}.1`, created_at: shipped, updated_at: shipped }));
}

async function deliver(id: number) {
  const now = iso(Date.now());
  await send(
    "fulfillment_events/create",
    fulfillmentEventPayload(id * 100, id * 10, id, { status: "delivered", happened_at: now, created_at: now, updated_at: now }),
  );
  await waitForIdle(app);
}

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function open(url: string, heading: string) {
  await page.goto(`${app.url}${url}`);
  await expect.poll(() => page.getByRole("heading", { level: 1, name: heading, exact: true }).count(), { timeout: 15_000 }).toBe(1);
  await page.waitForFunction(() => "__remixRouter" in window);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP, SMTP_URL: sink.url, MAIL_FROM: "care@kept.test" });
  await placeShippedOrder(7101, "jonas@example.de");
  await placeShippedOrder(7102, "nobody@example.de");
  await waitForIdle(app);
  browser = await openAdminBrowser(app.url);
  page = browser.page;
}, 180_000);

closeAfterBrowserTests(() => ({ browser, app }));
afterAll(() => sink.close());

describe("follow-ups in the admin (Chromium)", () => {
  it("asks who the emails come from, and saves the sender and an all-day send window", async () => {
    await open("/app/follow-ups", "Follow-ups");
    await expect.poll(() => page.getByText("Say who the emails come from").count()).toBe(1);
    expect(await page.getByText("No follow-up rules yet").count()).toBe(1);
    await screenshot("follow-ups-empty");
    await page.getByRole("tab", { name: "Email settings" }).click();
    await page.getByLabel("From name").fill("Lindqvist Tea");
    await page.getByLabel("From address").fill("care@lindqvist.test");
    await page.getByLabel("Send from").fill("00:00");
    await page.getByLabel("Until").fill("24:00");
    await page.getByLabel("Review page address").fill("judge.me/reviews");
    await page.getByRole("button", { name: "Save email settings" }).click();
    // A wrong field says what to write, and nothing is saved
    await expect.poll(() => page.getByText("Write the full https:// address of your review page").count()).toBe(1);
    await page.getByLabel("Review page address").fill("https://judge.me/reviews/{{ order.legacy_id }}");
    await page.getByRole("button", { name: "Save email settings" }).click();
    await expect.poll(() => page.getByText("Email settings saved.").count()).toBe(1);
    await screenshot("follow-ups-settings");
  }, 60_000);

  it("makes a rule with a trial on recent orders and a preview in the customer's language", async () => {
    await open("/app/follow-ups/rules/new", "New follow-up");
    await page.getByLabel("Name").fill("Thanks, it arrived");
    await page.getByLabel("Goes out").selectOption("arrived");
    await page.getByLabel("Days later").fill("0");
    await page.getByRole("button", { name: "Try it" }).click();
    const waiting = page.getByRole("row").filter({ hasText: "#7101" }).filter({ hasText: "Waits for the arrival" });
    await expect.poll(() => waiting.count()).toBe(1);
    await page.getByLabel("For order").selectOption({ label: "#7101 · Jonas Weber (de)" });
    await page.getByRole("button", { name: "Show the email" }).click();
    const frame = page.frameLocator('iframe[title="Email preview for #7101"]');
    await expect.poll(() => frame.locator("body").textContent(), { timeout: 15_000 }).toContain("Jonas");
    await screenshot("follow-ups-editor");
    // An apology can carry a personal code; the preview shows an example of it
    await page.getByLabel("Goes out").selectOption("apology");
    await page.getByLabel("Add a personal code for the next order").check({ force: true });
    await expect.poll(() => page.getByLabel("Valid for days").count()).toBe(1);
    await page.getByRole("button", { name: "Show the email" }).click();
    await expect.poll(() => frame.locator("body").textContent(), { timeout: 15_000 }).toContain("Jonas");
    await screenshot("follow-ups-editor-apology");
    await page.getByLabel("Goes out").selectOption("arrived");
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect.poll(() => page.getByText("Saved as version 1.").count(), { timeout: 15_000 }).toBe(1);
    expect(page.url()).toMatch(/\/app\/follow-ups\/rules\/follow-up-[0-9a-f]+\?saved=1$/);
  }, 60_000);

  it("sends it once the parcel arrives, and shows it in the rules, the send log and on the order", async () => {
    await deliver(7101);
    // The worker's send scan runs every 15 s
    await waitUntil(async () => sink.caught.length === 1, "the arrival email at the SMTP server", { timeoutMs: 45_000, intervalMs: 250 });
    const [mail] = sink.caught;
    expect(mail.to).toEqual(["jonas@example.de"]);
    expect(headerOf(mail, "From")).toBe("Lindqvist Tea <care@lindqvist.test>");
    // In the buyer's language
    expect(headerOf(mail, "Content-Language")).toBe("de");
    expect(headerOf(mail, "Subject")).toBe("Ihre Bestellung #7101 ist angekommen");
    await open("/app/follow-ups", "Follow-ups");
    const rule = page.getByRole("row").filter({ hasText: "Thanks, it arrived" });
    await expect.poll(() => rule.textContent()).toContain("Right away after the order arrived");
    expect(await rule.getByRole("link", { name: "1", exact: true }).count()).toBe(1); // sent
    await screenshot("follow-ups-rules");
    await page.getByRole("tab", { name: "Send log" }).click();
    const sent = page.getByRole("row").filter({ hasText: "#7101" });
    await expect.poll(() => sent.textContent()).toContain("Sent");
    expect(await sent.textContent()).toContain("jonas@example.de");
    await screenshot("follow-ups-log");
    await open("/app/orders/7101", "Order #7101");
    await expect.poll(() => page.getByText("Thanks, it arrived").count()).toBe(1);
    await screenshot("follow-ups-order");
  }, 90_000);

  it("shows a refused message as failed with the server's words, and sends it when tried again", async () => {
    sink.state.mode = "refuse";
    await deliver(7102);
    await open("/app/follow-ups/log?status=failed", "Follow-ups");
    const failed = page.getByRole("row").filter({ hasText: "#7102" });
    await expect
      .poll(
        async () => {
          await page.reload();
          return failed.count();
        },
        { timeout: 45_000, interval: 2000 },
      )
      .toBe(1);
    expect(await failed.textContent()).toContain("No such user");
    sink.state.mode = "accept";
    await failed.getByRole("button", { name: /Try again/ }).click();
    await expect.poll(() => page.getByText("It goes out again within a minute").count()).toBe(1);
    await waitUntil(async () => sink.caught.length === 2, "the retried email at the SMTP server", { timeoutMs: 45_000, intervalMs: 250 });
    expect(sink.caught[1].to).toEqual(["nobody@example.de"]);
  }, 120_000);
});
