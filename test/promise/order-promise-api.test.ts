import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/models/db/prisma.server";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { action, loader } from "~/routes/api.order-promise";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
const deliver = (topic: string, payload: unknown) => receiveWebhook(webhookRequest(topic, payload), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

/** A checkout / customer-account session token as Shopify issues it to UI extensions (HS256, app secret). */
async function extensionToken(shop: string, subject?: string, secret: string = TEST_ENV.SHOPIFY_API_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: `https://${shop}` }).setProtectedHeader({ alg: "HS256" }).setAudience(TEST_ENV.SHOPIFY_API_KEY);
  if (subject) jwt.setSubject(subject);
  return jwt
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 300)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
}

async function ask(order: string, surface: string, token?: string, method = "GET") {
  const request = new Request(`${TEST_ENV.SHOPIFY_APP_URL}/api/order-promise?order=${encodeURIComponent(order)}&surface=${surface}`, {
    method,
    headers: { Origin: "https://extensions.shopifycdn.com", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  const run = method === "GET" ? loader : action;
  const response = await run({ request, params: {}, context: {} }).catch((thrown: unknown) => thrown);
  if (!(response instanceof Response)) throw new Error(`expected a Response, got ${String(response)}`);
  return {
    status: response.status,
    cors: response.headers.get("Access-Control-Allow-Origin"),
    body: response.status === 200 || response.status === 400 ? await response.json() : null,
  };
}

const ANNA = "gid://shopify/Customer/501";
// Order 8101 (Fri 20 Nov 10:00 in Stockholm, before the 13:00 cut-off, Standard to Stockholm) with the example settings:
// ships Fri 20..Mon 23, transit 1–2 → latest Wed 25, +1 padding → promised Thu 26 Nov.
const ORDER = "gid://shopify/Order/8101";

beforeEach(async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-20T12:00:00Z"));
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
  // The metafield sync is covered in promise-sync.test.ts; this shop has no Shopify session to run it.
  await prisma.job.deleteMany({ where: { type: "promise.sync-config" } });
  await deliver("orders/create", orderPayload(8101));
  await drainJobs();
});
afterEach(() => vi.useRealTimers());

describe("GET /api/order-promise (thank-you and order-status extensions)", () => {
  it("gives the customer the recorded promise; nothing is said about delivery before anything shipped", async () => {
    const answer = await ask(ORDER, "customer-account", await extensionToken(TEST_SHOP, ANNA));
    expect(answer).toEqual({ status: 200, cors: "*", body: { status: "promised", promisedDate: "2026-11-26", delivery: "unknown" } });
  });

  it("says 'on its way' after a carrier scan, and 'delivered' only once the order is fulfilled and every parcel delivered", async () => {
    // GIVEN a fulfillment with an in-transit scan
    await deliver("fulfillments/create", fulfillmentPayload(7101, 8101));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(6101, 7101, 8101, { status: "in_transit" }));
    await drainJobs();
    const token = await extensionToken(TEST_SHOP, ANNA);
    expect((await ask(ORDER, "customer-account", token)).body).toEqual({ status: "promised", promisedDate: "2026-11-26", delivery: "in_transit" });
    // WHEN the parcel is delivered but the order is only partly fulfilled, THEN still only "on its way"
    await deliver("fulfillment_events/create", fulfillmentEventPayload(6102, 7101, 8101, { status: "delivered", happened_at: "2026-11-23T14:10:00+01:00" }));
    await drainJobs();
    expect((await ask(ORDER, "customer-account", token)).body).toMatchObject({ delivery: "in_transit" });
    // WHEN the order is fulfilled, THEN delivered, with the scan's time
    await deliver("orders/updated", orderPayload(8101, { fulfillment_status: "fulfilled", updated_at: "2026-11-23T15:00:00+01:00" }));
    await drainJobs();
    expect((await ask(ORDER, "customer-account", token)).body).toEqual({
      status: "promised",
      promisedDate: "2026-11-26",
      delivery: "delivered",
      deliveredAt: "2026-11-23T13:10:00.000Z",
    });
  });

  it("lets an anonymous thank-you page read a fresh order (OrderIdentity GID) but not one older than a day", async () => {
    const orderIdentity = "gid://shopify/OrderIdentity/8101";
    expect((await ask(orderIdentity, "checkout", await extensionToken(TEST_SHOP))).body).toMatchObject({ status: "promised", promisedDate: "2026-11-26" });
    vi.setSystemTime(new Date("2026-11-22T12:00:00Z"));
    expect((await ask(orderIdentity, "checkout", await extensionToken(TEST_SHOP))).body).toEqual({ status: "none" });
  });

  it("answers 'pending' for an order not recorded yet, in this shop (another shop's token sees nothing of it)", async () => {
    expect((await ask("gid://shopify/Order/999", "checkout", await extensionToken(TEST_SHOP))).body).toEqual({ status: "pending" });
    expect((await ask(ORDER, "customer-account", await extensionToken(OTHER_SHOP, ANNA))).body).toEqual({ status: "pending" });
  });

  it.each([
    ["another customer", async () => ask(ORDER, "customer-account", await extensionToken(TEST_SHOP, "gid://shopify/Customer/999"))],
    [
      "a cancelled order",
      async () => {
        await deliver("orders/cancelled", orderPayload(8101, { cancelled_at: "2026-11-20T12:30:00+01:00", updated_at: "2026-11-20T12:30:00+01:00" }));
        await drainJobs();
        return ask(ORDER, "customer-account", await extensionToken(TEST_SHOP, ANNA));
      },
    ],
    [
      "an order without a promise (no lane)",
      async () => {
        await deliver("orders/create", orderPayload(8102, { shipping_lines: [{ title: "Drone", code: "drone", source: "shopify" }] }));
        await drainJobs();
        return ask("gid://shopify/Order/8102", "customer-account", await extensionToken(TEST_SHOP, ANNA));
      },
    ],
  ])("says nothing for %s", async (_name, asking) => {
    expect((await asking()).body).toEqual({ status: "none" });
  });

  it("refuses requests without a valid session token, and explains a bad order id", async () => {
    expect((await ask(ORDER, "checkout")).status).toBe(401);
    expect((await ask(ORDER, "customer-account", await extensionToken(TEST_SHOP, ANNA, "another-secret-0123456789"))).status).toBe(401);
    const bad = await ask("12345", "checkout", await extensionToken(TEST_SHOP));
    expect(bad).toMatchObject({ status: 400, cors: "*", body: { error: ["order: order must be an Order GID"] } });
  });

  it("answers the CORS preflight", async () => {
    const preflight = await ask(ORDER, "checkout", undefined, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.cors).toBe("*");
  });
});
