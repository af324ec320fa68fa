import { createHmac, randomUUID } from "node:crypto";
import { TEST_ENV, TEST_SHOP } from "./test-env";

export type WebhookOptions = { shop?: string; webhookId?: string; secret?: string; triggeredAt?: string; headers?: Record<string, string | null> };

/** Headers exactly as Shopify sends them, with a real HMAC over the raw body. */
export function webhookHeaders(topic: string, body: string, options: WebhookOptions = {}): Record<string, string> {
  const headers: Record<string, string | null> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Hmac-Sha256": createHmac("sha256", options.secret ?? TEST_ENV.SHOPIFY_API_SECRET)
      .update(body, "utf8")
      .digest("base64"),
    "X-Shopify-Shop-Domain": options.shop ?? TEST_SHOP,
    "X-Shopify-API-Version": "2026-01",
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": randomUUID(),
    // Now, as Shopify sends it: an app started with its default replay window refuses an old trigger time.
    "X-Shopify-Triggered-At": options.triggeredAt ?? new Date().toISOString(),
    ...options.headers,
  };
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null));
}

export function webhookRequest(topic: string, payload: unknown, options: WebhookOptions = {}, url = "https://kept.test/webhooks") {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return new Request(url, { method: "POST", body, headers: webhookHeaders(topic, body, options) });
}

/** Sends a signed delivery over real HTTP. */
export async function postWebhook(baseUrl: string, topic: string, payload: unknown, options: WebhookOptions = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const response = await fetch(`${baseUrl}/webhooks`, { method: "POST", body, headers: webhookHeaders(topic, body, options) });
  return { status: response.status, text: await response.text() };
}
