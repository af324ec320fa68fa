import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveFlowLifecycle } from "~/services/flow/flow-lifecycle.server";
import { getEnv } from "~/utils/env.server";

// Shopify Flow's trigger lifecycle callback (extensions/flow-lifecycle): public, signed with the app's secret.
export async function action({ request }: ActionFunctionArgs) {
  const env = getEnv();
  return receiveFlowLifecycle(request, { secret: env.SHOPIFY_API_SECRET, customShopDomain: env.SHOP_CUSTOM_DOMAIN });
}

export function loader() {
  return new Response("Method not allowed", { status: 405 });
}
