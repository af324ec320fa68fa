import { SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { action as rulesListAction } from "~/routes/app.inserts._index/route";
import { action as ruleAction } from "~/routes/app.inserts.rules.$id/route";
import { action as insertSettingsAction } from "~/routes/app.inserts.settings/route";
import { action as templateAction } from "~/routes/app.inserts.templates.$id/route";
import { loader as orderLoader } from "~/routes/app.orders.$id";
import { action as printQueueAction } from "~/routes/app.print-queue/route";
import { action as promiseAction } from "~/routes/app.promise._index/route";
import { loader as exportLoader } from "~/routes/app.settings.exports.$id";
import { action as settingsAction } from "~/routes/app.settings";
import { action as deliveryAction } from "~/routes/app.webhooks.$id";
import { loader as webhookLogLoader } from "~/routes/app.webhooks._index";
import { loader as printLoader } from "~/routes/print.inserts/route";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { deliver, gid, order, rule, storeDefaultTemplates, storeRule } from "../inserts/fixtures";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";
import { adminRequest, sessionToken, storeOfflineSession } from "../support/session-token";
import { callRoute as call } from "../support/route-call";

beforeEach(resetDatabase);

describe("admin pages through Shopify session tokens", () => {
  it("show shop A's order to shop A and answer 404 to shop B's session", async () => {
    await storeOfflineSession(TEST_SHOP);
    await storeOfflineSession(OTHER_SHOP);
    await receiveWebhook(webhookRequest("orders/create", orderPayload(3001), { shop: TEST_SHOP }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    await drainJobs();

    const own = await orderLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/3001"), params: { id: "3001" }, context: {} });
    expect(JSON.stringify(own)).toContain("gid://shopify/Order/3001");

    const foreign = await orderLoader({ request: await adminRequest(OTHER_SHOP, "/app/orders/3001"), params: { id: "3001" }, context: {} }).catch(
      (error: unknown) => error,
    );
    expect(foreign).toBeInstanceOf(Response);
    expect((foreign as Response).status).toBe(404);

    const log = await webhookLogLoader({ request: await adminRequest(OTHER_SHOP, "/app/webhooks"), params: {}, context: {} });
    expect(log.deliveries).toEqual([]);
  });

  it("refuses a session token signed with another secret", async () => {
    await storeOfflineSession(TEST_SHOP);
    const forged = await new SignJWT({ dest: `https://${TEST_SHOP}` })
      .setProtectedHeader({ alg: "HS256" })
      .setAudience(TEST_ENV.SHOPIFY_API_KEY)
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode("not-the-app-secret"));
    const request = new Request(`${TEST_ENV.SHOPIFY_APP_URL}/app/webhooks`, { headers: { Authorization: `Bearer ${forged}` } });
    const result = await webhookLogLoader({ request, params: {}, context: {} }).catch((error: unknown) => error);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(401);
  });
});

/** Every row of every shop-scoped table that belongs to `shop`. */
async function rowsOf(shop: string) {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT m."name" FROM sqlite_master m WHERE m."type" = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m."name") c WHERE c."name" = 'shop')`,
  );
  const rows: Record<string, unknown[]> = {};
  for (const { name } of tables) rows[name] = await prisma.$queryRawUnsafe(`SELECT * FROM "${name}" WHERE "shop" = ? ORDER BY 1, 2`, shop);
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

describe("shop B's session cannot change shop A's data", () => {
  it("through the retry, rule, template, print-queue, settings, print and export routes", async () => {
    // GIVEN shop A with a rule, templates, a decided order, a dead job and a data-request export; shop B installed too
    await storeOfflineSession(TEST_SHOP);
    await storeOfflineSession(OTHER_SHOP);
    installAdminApiDouble(healthyInsertAnswers());
    await storeDefaultTemplates();
    await storeRule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks" } });
    await deliver("orders/create", order(7001));
    await drainJobs();
    const dead = await prisma.job.create({
      data: { shop: TEST_SHOP, type: "inserts.tag", orderGid: gid(7001), status: "dead", attempts: 8, lastError: "THROTTLED" },
    });
    const exported = await prisma.dataRequestExport.create({
      data: { shop: TEST_SHOP, requestId: "1", customerGid: "gid://shopify/Customer/501", data: "{}" },
    });
    const before = await rowsOf(TEST_SHOP);
    expect(before).toContain('"printedAt":null');
    const asB = (path: string, form?: Record<string, string>) => adminRequest(OTHER_SHOP, path, form);

    // WHEN shop B's session token sends A's ids to every route that changes data
    const retry = { intent: "retry", jobId: dead.id };
    expect(await call(settingsAction, await asB("/app/settings", retry))).toMatchObject({ body: { ok: false } });
    expect(await call(deliveryAction, await asB(`/app/webhooks/${dead.deliveryId ?? "x"}`, retry), { id: "x" })).toMatchObject({ body: { ok: false } });
    expect(await call(promiseAction, await asB("/app/promise", retry))).toMatchObject({ body: { intent: "retry", ok: false } });
    const edited = JSON.stringify({ ...rule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks" } }), name: "Taken over" });
    expect(
      await call(ruleAction, await asB("/app/inserts/rules/thanks", { document: edited, baseVersion: "1", stockEdited: "false" }), { id: "thanks" }),
    ).toMatchObject({ status: 409 });
    expect(await call(rulesListAction, await asB("/app/inserts", { intent: "archive", id: "thanks" }))).toMatchObject({ status: 409 });
    expect(await call(rulesListAction, await asB("/app/inserts", { intent: "reorder", order: JSON.stringify(["thanks"]) }))).toMatchObject({ status: 409 });
    const template = JSON.stringify({ id: "first-order-thanks", name: "Taken over", paperSize: null, fallbackLocale: "en", variants: { en: "<p>B</p>" } });
    expect(
      await call(templateAction, await asB("/app/inserts/templates/first-order-thanks", { document: template, baseVersion: "1" }), {
        id: "first-order-thanks",
      }),
    ).toMatchObject({ status: 409 });
    expect(await call(printQueueAction, await asB("/app/print-queue", { intent: "mark-printed", orders: gid(7001) }))).toMatchObject({
      body: { ok: true, cards: [], waiting: 0, undoable: false },
    });
    expect(await call(insertSettingsAction, await asB("/app/inserts/settings", { intent: "reshuffle" }))).toMatchObject({ body: { ok: true } });
    expect(
      await call(
        printLoader,
        new Request(`${TEST_ENV.SHOPIFY_APP_URL}/print/inserts?orders=7001`, { headers: { Authorization: `Bearer ${await sessionToken(OTHER_SHOP)}` } }),
      ),
    ).toMatchObject({ status: 404 });
    expect(await call(exportLoader, await asB(`/app/settings/exports/${exported.id}`), { id: exported.id })).toMatchObject({ status: 404 });

    // THEN not one row of shop A changed; B's own actions landed in B only
    expect(await rowsOf(TEST_SHOP)).toBe(before);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: dead.id }, select: { status: true, attempts: true } })).toEqual({ status: "dead", attempts: 8 });
    expect(await prisma.insertSettings.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(await prisma.insertRule.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });
});
