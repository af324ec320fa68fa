// Seeds the local demo shop: an installed Shop row and an offline session, so the admin pages and
// background jobs have the shop they expect. Idempotent.
import { Session } from "@shopify/shopify-api";
import { markShopInstalled } from "~/models/shop.server";
import { sessionStorage } from "~/shopify.server";
import { getEnv } from "~/utils/env.server";

const env = getEnv();
if (env.KEPT_DEMO !== "1") throw new Error("seed-demo only runs with KEPT_DEMO=1");
const shop = env.DEMO_SHOP;
await markShopInstalled(shop, env.SCOPES);
await sessionStorage.storeSession(
  new Session({ id: `offline_${shop}`, shop, state: "demo", isOnline: false, scope: env.SCOPES, accessToken: "demo-offline-token" }),
);
console.log(`[demo] seeded ${shop}`);
