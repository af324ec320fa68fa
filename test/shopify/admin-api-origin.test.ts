import { afterEach, describe, expect, it } from "vitest";
import { routeAdminApiTo } from "~/services/shopify/admin-api-origin.server";
import { parseEnv } from "~/utils/env.server";
import { unauthenticated } from "~/shopify.server";
import prisma from "~/models/db/prisma.server";
import { startAdminApiServer, type AdminApiServer } from "../support/admin-api-server";
import { resetDatabase } from "../support/database";
import { PRODUCTION_ENV, TEST_ENV, TEST_SHOP } from "../support/test-env";

let server: AdminApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("SHOPIFY_ADMIN_API_ORIGIN", () => {
  it("sends Admin API requests to the configured origin, with the shop and its token", async () => {
    // GIVEN an installed shop and a Shopify stand-in on loopback
    await resetDatabase();
    await prisma.session.create({
      data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_origin" },
    });
    server = await startAdminApiServer({ ShopId: () => ({ data: { shop: { id: "gid://shopify/Shop/77" } } }) });
    routeAdminApiTo(server.origin);
    // WHEN the app asks Shopify for the shop id
    const { admin } = await unauthenticated.admin(TEST_SHOP);
    const response = await admin.graphql("#graphql\n query ShopId { shop { id } }");
    // THEN the stand-in answered it, and knew which shop it was for
    expect(await response.json()).toMatchObject({ data: { shop: { id: "gid://shopify/Shop/77" } } });
    expect(server.unexpected).toEqual([]);
    expect(server.calls).toEqual([{ shop: TEST_SHOP, operationName: "ShopId", variables: {} }]);
  });

  it("refuses plain http in production except on a loopback address", () => {
    const production = PRODUCTION_ENV;
    expect(() => parseEnv({ ...production, SHOPIFY_ADMIN_API_ORIGIN: "http://proxy.example.com" })).toThrowError(
      /SHOPIFY_ADMIN_API_ORIGIN: must use https in production/,
    );
    expect(parseEnv({ ...production, SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:9999" }).SHOPIFY_ADMIN_API_ORIGIN).toBe("http://127.0.0.1:9999");
    expect(parseEnv({ ...production, SHOPIFY_ADMIN_API_ORIGIN: "https://proxy.example.com" }).SHOPIFY_ADMIN_API_ORIGIN).toBe("https://proxy.example.com");
  });
});
