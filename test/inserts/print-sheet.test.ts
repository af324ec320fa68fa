import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { loader } from "~/routes/print.inserts/route";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { launchChromium, readPdfPages } from "../support/chromium";
import { resetDatabase } from "../support/database";
import { storeInsertTemplate } from "../support/insert-storage";
import { sessionToken } from "../support/session-token";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { deliver, order, storeDefaultTemplates, storeRule, storeSession } from "./fixtures";

// The print route rendered in-process with a real session token, then opened in Debian's Chromium: PDF
// per paper size (page count and page size checked), screenshots in var/screenshots/ to be looked at.
const SCREENSHOTS = path.resolve("var/screenshots");
const LOCALES: [number, string, string][] = [
  [6001, "de", "Jürgen"],
  [6002, "sv", "Åsa"],
  [6003, "ru", "Ольга"],
  [6004, "fr", "Zoë"],
  [6005, "es", "José"],
  [6006, "en-GB", "Anna"],
];
const ORDER_IDS = LOCALES.map(([id]) => id);
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

async function print(query: string, shop = TEST_SHOP, headers: Record<string, string> = {}) {
  const request = new Request(`${TEST_ENV.SHOPIFY_APP_URL}/print/inserts?${query}`, {
    headers: { Authorization: `Bearer ${await sessionToken(shop)}`, ...headers },
  });
  return (await loader({ request, params: {}, context: {} })) as Response;
}

/** Serves a loader's answer to Chromium as it would come over HTTP (status, headers incl. CSP, body). */
async function open(response: Response, media: "screen" | "print" = "print") {
  const body = await response.text();
  await page.route("https://kept.test/print/**", (route) => route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body }));
  await page.emulateMedia({ media });
  await page.goto("https://kept.test/print/inserts");
  return body;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await resetDatabase();
  await storeSession();
  await storeSession(OTHER_SHOP);
  await storeDefaultTemplates();
  installAdminApiDouble(healthyInsertAnswers());
  // Thank-you card and a next-order code card for everyone: two inserts per order, in six languages
  await storeRule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks" } });
  await storeRule({
    id: "code",
    priority: 2,
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "15", expiresInDays: 30 } },
  });
  for (const [id, locale, firstName] of LOCALES) {
    await deliver(
      "orders/create",
      order(id, { customer_locale: locale, customer: { id: id, admin_graphql_api_id: `gid://shopify/Customer/${id}`, first_name: firstName } }),
    );
  }
  await drainJobs();
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe("print sheet in Chromium", () => {
  it.each([
    ["A6", 105, 148],
    ["A5", 148, 210],
    ["Letter", 215.9, 279.4],
    ["4x6", 101.6, 152.4],
  ])(
    "prints one insert per %s page, with the code as text and QR, and no script",
    async (paper, widthMm, heightMm) => {
      const response = await print(`orders=${ORDER_IDS.join(",")}&paper=${paper}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      const html = await open(response);
      expect(html).not.toMatch(/<script/i);
      // The document carries the same policy itself, for when it is shown without this header (a blob: URL)
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;`);
      expect(await page.locator("section.kept-page").count()).toBe(12);
      expect(await page.locator("section.kept-page figure.kept-qr svg").count()).toBe(6);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = readPdfPages(pdf);
      expect(pages).toHaveLength(12);
      const toPt = (mm: number) => (mm / 25.4) * 72;
      for (const size of pages) {
        expect(size.width).toBeCloseTo(toPt(widthMm), 0);
        expect(size.height).toBeCloseTo(toPt(heightMm), 0);
      }
      // The first pages as the merchant previews them (screen media shows each page as a card)
      await page.emulateMedia({ media: "screen" });
      await page.screenshot({ path: path.join(SCREENSHOTS, `print-${paper}.png`) });
    },
    60_000,
  );

  it("renders each customer's language, first name, code and expiry date in their locale", async () => {
    await open(await print(`orders=${ORDER_IDS.join(",")}`), "screen");
    const codes = await prisma.insertAssignment.findMany({ where: { shop: TEST_SHOP, ruleId: "code" }, orderBy: { orderGid: "asc" } });
    const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
    expect(text).toContain("Danke, Jürgen!");
    expect(text).toContain("Tack, Åsa!");
    expect(text).toContain("Спасибо, Ольга!");
    expect(text).toContain("Merci, Zoë !");
    expect(text).toContain("¡Gracias, José!");
    expect(text).toContain("Thank you, Anna!");
    // Each expiry sentence exactly, as its own paragraph: the date ends it once ("г." carries the Russian full stop)
    const expiryLines = await page.locator("section.kept-page p").filter({ hasText: /2026/ }).allInnerTexts();
    expect(expiryLines.sort()).toEqual(
      [
        "Действует до 20 декабря 2026 г.",
        "Gäller till och med 20 december 2026.",
        "Gültig bis 20. Dezember 2026.",
        "Valable jusqu’au 20 décembre 2026.",
        "Valid until 20 December 2026.", // en-GB day-month order
        "Válido hasta el 20 de diciembre de 2026.",
      ].sort(),
    );
    for (const row of codes) expect(text).toContain(row.discountCode);
    expect(codes.map((row) => row.discountCode)).toContain(codes.find((row) => row.orderGid.endsWith("6003"))?.discountCode);
    expect(codes.find((row) => row.orderGid.endsWith("6003"))?.discountCode).toMatch(/^OLGA-/);
    await page.locator("section.kept-page").nth(4).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "print-screen-ru.png") });
  }, 60_000);

  it("takes the template version's paper, else the shop default, and mixes sizes in one sheet", async () => {
    // GIVEN a new template version on A5, saved after the order was decided with version 1 (no paper of its own)
    await storeInsertTemplate(
      prisma,
      TEST_SHOP,
      { id: "first-order-thanks", name: "Thank-you card", paperSize: "A5", fallbackLocale: "en", variants: { en: "<h1>Thanks</h1>" } },
      2,
    );
    await open(await print(`orders=${ORDER_IDS[5]}`));
    // THEN the order prints the version it was decided with, on the shop's default A6 (297.6 pt wide)
    expect(readPdfPages(await page.pdf({ preferCSSPageSize: true })).map((size) => Math.round(size.width))).toEqual([298, 298]);
    // WHEN its card points at version 2 THEN that card prints on A5 (419.5 pt) beside the A6 code card
    await prisma.insertAssignment.updateMany({ where: { shop: TEST_SHOP, ruleId: "thanks" }, data: { templateVersion: 2 } });
    await open(await print(`orders=${ORDER_IDS[5]}`));
    expect(readPdfPages(await page.pdf({ preferCSSPageSize: true })).map((size) => Math.round(size.width))).toEqual([420, 298]);
  }, 60_000);

  it("keeps a template's own script from running", async () => {
    const hostile = '<h1>Hi</h1><script>document.title = "pwned"</script><img src="x" onerror="document.title = \'pwned\'">';
    await prisma.insertTemplateVersion.updateMany({
      where: { shop: TEST_SHOP, templateId: "first-order-thanks" },
      data: { document: JSON.stringify({ id: "first-order-thanks", name: "Evil", paperSize: null, fallbackLocale: "en", variants: { en: hostile } }) },
    });
    await open(await print(`orders=${ORDER_IDS[5]}`), "screen");
    // Inline scripts run while the page parses and an image's error handler before its load event: once the
    // document is complete, either would have run.
    await page.waitForFunction(() => document.readyState === "complete");
    expect(await page.title()).toBe("Inserts for #6006");
  });
});

describe("print route: access and bad input", () => {
  it("answers the admin's cross-origin fetch with CORS headers", async () => {
    const response = await print(`orders=${ORDER_IDS[0]}`, TEST_SHOP, { Origin: "https://admin.shopify.com" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("refuses another shop's orders, unknown ones and bad queries", async () => {
    const foreign = await print(`orders=${ORDER_IDS[0]}`, OTHER_SHOP);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe("No such order in this shop: gid://shopify/Order/6001");
    expect((await print(`orders=${ORDER_IDS[0]},999999`)).status).toBe(404);
    const bad = await print("orders=abc&paper=B4");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Use order ids such as 1001 or gid://shopify/Order/1001\nPaper is A6, A5, Letter or 4x6");
    const forged = new Request(`${TEST_ENV.SHOPIFY_APP_URL}/print/inserts?orders=6001`, {
      headers: { Authorization: `Bearer ${await sessionToken(TEST_SHOP, "not-the-secret")}` },
    });
    const refused = await loader({ request: forged, params: {}, context: {} }).catch((error: unknown) => error);
    expect((refused as Response).status).toBe(401);
  });
});
