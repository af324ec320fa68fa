import { createHmac } from "node:crypto";
import { toJsonText } from "./json-text";
import type { Delivery } from "./timeline";

const API_VERSION = "2026-01";

export type SendOptions = {
  shopDomain: string;
  secret: string;
  /** Per attempt; Shopify itself gives up after 5 s. */
  timeoutMs?: number;
  /** Retries while the connection is refused (the app may still be starting). */
  maxConnectRetries?: number;
  retryDelayMs?: number;
};

export type SendResult = { status: number; text: string; attempts: number };

/** Shopify's webhook signature: base64(HMAC-SHA256(secret, raw body bytes)). */
export function signBody(body: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** The exact body text of a delivery (a raw string payload is sent verbatim). */
export function deliveryBody(delivery: Delivery): string {
  return typeof delivery.payload === "string" ? delivery.payload : toJsonText(delivery.payload);
}

export function deliveryHeaders(delivery: Delivery, body: string, options: Pick<SendOptions, "shopDomain" | "secret">): Record<string, string> {
  const secret = delivery.signWith === "bad-secret" ? `${options.secret}-but-wrong` : options.secret;
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": delivery.topic,
    "X-Shopify-Hmac-Sha256": signBody(body, secret),
    "X-Shopify-Shop-Domain": options.shopDomain,
    "X-Shopify-API-Version": API_VERSION,
    "X-Shopify-Webhook-Id": delivery.webhookId,
    "X-Shopify-Event-Id": delivery.eventId,
    "X-Shopify-Triggered-At": delivery.triggeredAt,
  };
}

function isConnectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === "ECONNREFUSED";
}

/** Whether the app's answer is the one the scenario expects (any 2xx unless `expectStatus` is set). */
export function isExpectedStatus(delivery: Delivery, status: number): boolean {
  return delivery.expectStatus === undefined ? status >= 200 && status < 300 : status === delivery.expectStatus;
}

/** POSTs one signed delivery to `${baseUrl}/webhooks`; retries only while the connection is refused. */
export async function sendDelivery(baseUrl: string, delivery: Delivery, options: SendOptions): Promise<SendResult> {
  const body = deliveryBody(delivery);
  const headers = deliveryHeaders(delivery, body, options);
  const url = `${baseUrl.replace(/\/+$/, "")}/webhooks`;
  const maxRetries = options.maxConnectRetries ?? 20;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      return { status: response.status, text: await response.text(), attempts: attempt };
    } catch (error: unknown) {
      if (!isConnectionRefused(error) || attempt > maxRetries) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 500));
    }
  }
}
