import { createHmac, timingSafeEqual } from "node:crypto";

const REQUIRED_WEBHOOK_HEADERS = [
  "x-shopify-hmac-sha256",
  "x-shopify-topic",
  "x-shopify-shop-domain",
  "x-shopify-api-version",
  "x-shopify-webhook-id",
] as const;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export type WebhookHeaders = {
  hmac: string;
  topic: string;
  shop: string;
  apiVersion: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: Date | null;
};

/** Reads the X-Shopify-* headers (case-insensitive); returns the names of the missing ones. */
export type HeaderReader = { get(name: string): string | null };

export function readWebhookHeaders(headers: HeaderReader): { ok: true; value: WebhookHeaders } | { ok: false; missing: string[] } {
  const missing = REQUIRED_WEBHOOK_HEADERS.filter((name) => !headers.get(name));
  if (missing.length > 0) return { ok: false, missing };
  const triggered = headers.get("x-shopify-triggered-at");
  const triggeredAt = triggered ? new Date(triggered) : null;
  return {
    ok: true,
    value: {
      hmac: headers.get("x-shopify-hmac-sha256")!,
      topic: headers.get("x-shopify-topic")!,
      shop: headers.get("x-shopify-shop-domain")!.toLowerCase(),
      apiVersion: headers.get("x-shopify-api-version")!,
      webhookId: headers.get("x-shopify-webhook-id")!,
      eventId: headers.get("x-shopify-event-id"),
      triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
    },
  };
}

export function isValidShopDomain(shop: string, customDomain?: string): boolean {
  return SHOP_DOMAIN.test(shop) || (customDomain !== undefined && shop.endsWith(`.${customDomain}`));
}

/** Shopify's signature: base64(HMAC-SHA256(app secret, raw body)), compared in constant time. */
export function isValidWebhookHmac(rawBody: Buffer, hmacHeader: string, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
