import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/** The header that carries the shop's domain when Admin API requests go to another origin. */
const SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain";

/**
 * Sends the app's Admin API requests to `origin` instead of `https://{shop}` (configuration
 * `SHOPIFY_ADMIN_API_ORIGIN`: an egress proxy, or a local Shopify stand-in on a machine that cannot
 * reach Shopify). The path and body are unchanged; the shop's domain travels in X-Shopify-Shop-Domain.
 * Requests to other paths (none today) go out untouched.
 *
 * The Shopify client captures the fetch function when each client is created, so this must run
 * before the first Admin API client exists (shopify.server.ts calls it at start-up).
 */
export function routeAdminApiTo(origin: string): void {
  const send = abstractFetch;
  const base = new URL(origin);
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (!url.pathname.startsWith("/admin/")) return send(input, init);
    const target = new URL(`${base.pathname.replace(/\/$/, "")}${url.pathname}${url.search}`, base);
    const headers = new Headers(init?.headers);
    headers.set(SHOP_DOMAIN_HEADER, url.hostname);
    return send(target.href, { ...init, headers });
  });
}
