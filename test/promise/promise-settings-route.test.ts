import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/app.promise._index/route";
import { action as previewAction } from "~/routes/app.promise.preview/route";
import { resetDatabase } from "../support/database";
import { adminRequest } from "../support/session-token";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";

const example = readFileSync("docs/examples/promise-settings.json", "utf8");

/** What a route returned: `data(body, { status })` or a plain object (status 200). */
function unwrap(result: unknown): { status: number; body: Record<string, unknown> } {
  const value = result as { type?: string; data?: Record<string, unknown>; init?: { status?: number } };
  return value?.type === "DataWithResponseInit"
    ? { status: value.init?.status ?? 200, body: value.data ?? {} }
    : { status: 200, body: result as Record<string, unknown> };
}

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [TEST_SHOP, OTHER_SHOP]) {
    await prisma.session.create({
      data: { id: `offline_${shop}`, shop, state: "installed", isOnline: false, scope: TEST_ENV.SCOPES, accessToken: `token-${shop}` },
    });
  }
});

const post = async (form: Record<string, string>, shop = TEST_SHOP) =>
  unwrap(await settingsAction({ request: await adminRequest(shop, "/app/promise?index", form), params: {}, context: {} }));

describe("the Delivery promise settings route", () => {
  it("answers 400 with field errors by path and saves nothing", async () => {
    const broken = JSON.stringify({ ...JSON.parse(example), processingDays: { min: 3, max: 1 } });
    expect(await post({ intent: "save", document: broken })).toEqual({
      status: 400,
      body: { intent: "save", ok: false, errors: [{ path: "processingDays.max", message: "Maximum must be at least the minimum" }] },
    });
    expect(await post({ intent: "save", document: "{not json" })).toMatchObject({
      status: 400,
      body: { ok: false, errors: [{ path: "", message: 'The form field "document" is not valid JSON' }] },
    });
    expect(await post({ intent: "bogus" })).toMatchObject({ status: 400, body: { intent: "invalid", ok: false } });
    expect(await prisma.promiseSettingsVersion.count()).toBe(0);
  });

  it("saves the merchant's checkout surface, and refuses one that does not exist", async () => {
    const refused = await post({ intent: "save", document: JSON.stringify({ ...JSON.parse(example), checkoutSurface: "both" }) });
    expect(refused).toEqual({
      status: 400,
      body: { intent: "save", ok: false, errors: [{ path: "checkoutSurface", message: 'Use "auto", "option" (under the shipping option) or "title"' }] },
    });
    expect(await post({ intent: "save", document: JSON.stringify({ ...JSON.parse(example), checkoutSurface: "title" }) })).toMatchObject({
      status: 200,
      body: { ok: true, version: 1 },
    });
    const loaded = await settingsLoader({ request: await adminRequest(TEST_SHOP, "/app/promise"), params: {}, context: {} });
    expect(loaded).toMatchObject({ document: { checkoutSurface: "title" } });
  });

  it("saves a version for the session's shop only, and the loader shows it in force", async () => {
    expect(await post({ intent: "save", document: example })).toEqual({ status: 200, body: { intent: "save", ok: true, version: 1 } });
    const own = await settingsLoader({ request: await adminRequest(TEST_SHOP, "/app/promise"), params: {}, context: {} });
    expect(own).toMatchObject({ isFirstDraft: false, inForce: 1, versions: [{ version: 1, isInForce: true }], sync: { state: "pending" } });
    const other = await settingsLoader({ request: await adminRequest(OTHER_SHOP, "/app/promise"), params: {}, context: {} });
    expect(other).toMatchObject({
      isFirstDraft: true,
      isDraftFromShop: false,
      inForce: null,
      versions: [],
      document: { shop: { timeZone: "UTC", country: "US" } },
    });
  });

  it("retries a dead sync job of its own shop only, and queues a refresh", async () => {
    await post({ intent: "save", document: example });
    const job = await prisma.job.findFirstOrThrow({ where: { type: "promise.sync-config" } });
    await prisma.job.update({ where: { id: job.id }, data: { status: "dead", attempts: 8, lastError: "Shopify said no" } });
    expect(await post({ intent: "retry", jobId: job.id }, OTHER_SHOP)).toMatchObject({ body: { intent: "retry", ok: false } });
    expect(await post({ intent: "retry", jobId: job.id })).toMatchObject({ body: { intent: "retry", ok: true } });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "pending", attempts: 0 });
    const refresh = await post({ intent: "refresh-options" });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: String(refresh.body.jobId) } })).toMatchObject({ type: "shipping.snapshot", shop: TEST_SHOP });
  });
});

describe("the live preview route", () => {
  const ask = async (form: Record<string, string>) =>
    unwrap(await previewAction({ request: await adminRequest(TEST_SHOP, "/app/promise/preview", form), params: {}, context: {} }));

  it("previews a draft without saving it (the CLI's answer for that instant, docs/promise-engine.md)", async () => {
    const { status, body } = await ask({
      document: example,
      at: "2026-06-18T12:00",
      country: "SE",
      postalCode: "111 22",
      city: "Stockholm",
      method: "standard",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      preview: {
        orderedAt: "2026-06-18T10:00:00.000Z",
        outcome: { ok: true, laneId: "se-standard", earliest: "2026-06-22", latest: "2026-06-24", promised: "2026-06-25" },
      },
    });
    expect(await prisma.promiseSettingsVersion.count()).toBe(0);
  });

  it("says which preview field is wrong", async () => {
    const { body } = await ask({ document: example, at: "tomorrow", country: "Sweden", method: "" });
    expect((body.errors as { path: string }[]).map((error) => error.path)).toEqual(["preview.at", "preview.country", "preview.method"]);
  });
});
