import { authenticate } from "~/shopify.server";
import { getEnv } from "~/utils/env.server";
import { isLocalDemoRequest } from "~/services/demo/local-demo-guard.server";

export type AdminContext = { shop: string; embedded: boolean };

/** True when the request comes from inside the Shopify admin (session token or embedded params). */
export function isFromShopifyAdmin(request: Request): boolean {
  const url = new URL(request.url);
  return request.headers.has("authorization") || url.searchParams.has("id_token") || url.searchParams.has("embedded") || url.searchParams.has("shop");
}

/**
 * Authenticates an admin page request. Inside Shopify: App Bridge session token, offline session.
 * In demo mode only (KEPT_DEMO=1, refused in production and off loopback by env validation), a plain browser
 * on this machine (no proxy, a localhost Host) gets the demo shop's local session, so the admin works
 * without Shopify.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  const env = getEnv();
  if (env.KEPT_DEMO === "1" && isLocalDemoRequest(request) && !isFromShopifyAdmin(request)) return { shop: env.DEMO_SHOP, embedded: false };
  const { session } = await authenticate.admin(request);
  return { shop: session.shop, embedded: true };
}
