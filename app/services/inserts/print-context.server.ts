import { authenticate } from "~/shopify.server";
import { getEnv } from "~/utils/env.server";
import { isFromShopifyAdmin } from "../shop/admin-context.server";
import { isLocalDemoRequest } from "../demo/local-demo-guard.server";

export type PrintContext = { shop: string; respond: (response: Response) => Response };

/**
 * Authenticates a print request. Inside Shopify (the print-action extensions, the embedded Print queue) it is
 * the session token of `authenticate.admin`, and the answer carries the CORS headers the admin needs to load
 * it; in demo mode (KEPT_DEMO=1, refused in production) a plain local browser prints for the demo shop.
 */
export async function requirePrintAccess(request: Request): Promise<PrintContext> {
  const env = getEnv();
  if (env.KEPT_DEMO === "1" && isLocalDemoRequest(request) && !isFromShopifyAdmin(request)) return { shop: env.DEMO_SHOP, respond: (response) => response };
  const { session, cors } = await authenticate.admin(request);
  return { shop: session.shop, respond: (response) => cors(response) };
}
