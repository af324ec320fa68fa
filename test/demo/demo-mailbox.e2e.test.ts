import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCatcher } from "../../scripts/demo-mail-catcher.mjs";
import { startApp, type AppProcess } from "../support/app-process";
import { openAdminBrowser, type AdminBrowser } from "../support/chromium";
import { closeAfterBrowserTests } from "../support/e2e-lifecycle";

// The Demo mailbox in Chromium: the built app in demo mode reading what the demo's mail catcher caught (two
// messages sent to it over SMTP, one with a script in its HTML). Screenshots land in var/screenshots/.

const DEMO_SHOP = "kept-demo.myshopify.com";
const SCREENSHOTS = path.resolve("var/screenshots");
const dir = mkdtempSync(path.join(tmpdir(), "kept-mailbox-e2e-"));

let app: AppProcess;
let browser: AdminBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const catcher = await startMailCatcher({ port: 0, dir });
  const transport = nodemailer.createTransport({ url: catcher.url });
  await transport.sendMail({
    from: '"Kept demo" <care@kept-demo.example>',
    to: "anna@example.se",
    subject: "Din beställning #1001 är redan på väg",
    text: "Hej Anna! Din beställning #1001 är redan på väg.",
    html: `<!DOCTYPE html><html><head><title>x</title></head><body><p>Hej Anna! Din beställning <b>#1001</b> är redan på väg.</p><script>document.body.textContent = "SCRIPT RAN"</script></body></html>`,
    messageId: `<e2e-1@${DEMO_SHOP}>`,
    headers: { "Content-Language": "sv" },
  });
  await transport.sendMail({ from: "care@kept-demo.example", to: "jonas@example.de", subject: "Pflegetipps für Ihre Bestellung #1002", text: "Hallo Jonas" });
  transport.close();
  await catcher.close();
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP, DEMO_MAILBOX_DIR: dir, SMTP_URL: catcher.url });
  browser = await openAdminBrowser(app.url);
  page = browser.page;
}, 60_000);

closeAfterBrowserTests(() => ({ browser, app }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the Demo mailbox in Chromium", () => {
  it("is reached from the navigation, lists the caught messages, searches them and shows one sandboxed, its script blocked", async () => {
    await page.goto(`${app.url}/app`);
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.getByRole("navigation", { name: "Kept" }).getByRole("link", { name: "Demo mailbox", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Demo mailbox" }).count()).toBe(1);
    await expect.poll(() => page.getByText("2 messages caught.").count()).toBe(1);
    // Newest first
    const subjects = await page.getByRole("row").allInnerTexts();
    expect(subjects.slice(1).map((row) => row.split("\t")[2])).toEqual(["Pflegetipps für Ihre Bestellung #1002", "Din beställning #1001 är redan på väg"]);
    // A search by order number
    await page.getByLabel("Recipient or order number").fill("#1001");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByText("1 of 2 messages caught matches “#1001”.").count()).toBe(1);
    await page.getByRole("link", { name: "Din beställning #1001 är redan på väg" }).click();
    // The HTML part, rendered in a sandboxed frame where its script did not run
    const frame = page.frameLocator("iframe");
    await expect.poll(() => frame.getByText("Hej Anna! Din beställning #1001 är redan på väg.").count()).toBe(1);
    expect(await page.locator("iframe").getAttribute("sandbox")).toBe("allow-popups allow-popups-to-escape-sandbox");
    expect(await frame.getByText("SCRIPT RAN").count()).toBe(0);
    await expect.poll(() => page.getByText(`<e2e-1@${DEMO_SHOP}>`).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-mailbox.png"), fullPage: true });
    // Chromium reports the blocked script; that is the sandbox at work, and the only message expected
    expect(browser.problems.every((problem) => /Blocked script execution in 'about:srcdoc'/.test(problem))).toBe(true);
    browser.problems.length = 0;
  }, 60_000);
});
