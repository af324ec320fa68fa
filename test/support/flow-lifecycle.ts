import { createHmac } from "node:crypto";
import { TEST_ENV, TEST_SHOP } from "./test-env";

export type LifecycleBody = {
  flow_trigger_definition_id: string;
  has_enabled_flow: boolean;
  shop_id: string | number;
  shopify_domain: string;
  timestamp: string;
};

/** A Flow trigger lifecycle callback as Shopify sends it: JSON body, base64 HMAC-SHA256 of it with the app's secret. */
export function lifecycleRequest(body: Partial<LifecycleBody> | string, options: { secret?: string; hmac?: string | null; method?: string } = {}) {
  const raw =
    typeof body === "string"
      ? body
      : JSON.stringify({
          flow_trigger_definition_id: "Delivery promise kept",
          has_enabled_flow: true,
          shop_id: "690933842",
          shopify_domain: TEST_SHOP,
          timestamp: "2026-11-01T09:00:00.000Z",
          ...body,
        });
  const hmac =
    options.hmac === undefined
      ? createHmac("sha256", options.secret ?? TEST_ENV.SHOPIFY_API_SECRET)
          .update(raw, "utf8")
          .digest("base64")
      : options.hmac;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (hmac !== null) headers["X-Shopify-Hmac-Sha256"] = hmac;
  const method = options.method ?? "POST";
  return new Request("https://kept.test/flow/lifecycle", { method, headers, body: method === "GET" ? undefined : raw });
}
