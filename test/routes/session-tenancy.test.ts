import { SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { loader as orderLoader } from "~/routes/app.orders.$id";
import { loader as webhookLogLoader } from "~/routes/app.webhooks._index";
import { receiveWebhook } from "~/services/receive-webhook.server";
import { drainJobs } from "~/services/run-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";
import { adminRequest, sessionToken, storeOfflineSession } from "../support/session-token";

beforeEach(resetDatabase);

describe("admin pages through Shopify session tokens", () => {
  it("show shop A's order to shop A and answer 404 to shop B's session", async () => {
    await storeOfflineSession(TEST_SHOP);
    await storeOfflineSession(OTHER_SHOP);
    await receiveWebhook(webhookRequest("orders/create", orderPayload(3001), { shop: TEST_SHOP }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    await drainJobs();

    const own = await orderLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/3001"), params: { id: "3001" }, context: {} });
    expect(JSON.stringify(own)).toContain("gid://shopify/Order/3001");

    const foreign = await orderLoader({ request: await adminRequest(OTHER_SHOP, "/app/orders/3001"), params: { id: "3001" }, context: {} }).catch((error: unknown) => error);
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
