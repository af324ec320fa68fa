import type { NewDelivery } from "~/models/intake/webhook-delivery.server";
import { recordDelivery } from "~/models/intake/webhook-intake.server";
import { parseShopifyJson } from "~/domain/shopify/shopify-json";
import { isKnownTopic } from "~/domain/intake/webhook-topics";
import { payloadShopMismatch } from "~/domain/intake/payload-shop";
import { outsideReplayWindow, replayWindowOfHours, type ReplayWindow } from "~/domain/intake/replay-window";
import type { Env } from "~/utils/env.server";
import { isValidShopDomain, isValidWebhookHmac, readWebhookHeaders, type HeaderReader } from "./verify-webhook.server";
import { shopifyGid } from "~/domain/shopify/gid";
import { errorText } from "~/domain/errors/error-text";

export type IntakeConfig = {
  secret: string;
  maxBytes: number;
  customShopDomain?: string;
  /** The replay window on X-Shopify-Triggered-At (domain/intake/replay-window.ts); none when absent. */
  replayWindow?: ReplayWindow | null;
};

/** The intake's configuration from the environment (the node handler and the Remix route share it). */
export function intakeConfig(env: Env): IntakeConfig {
  return {
    secret: env.SHOPIFY_API_SECRET,
    maxBytes: env.WEBHOOK_MAX_BYTES,
    customShopDomain: env.SHOP_CUSTOM_DOMAIN,
    replayWindow: replayWindowOfHours(env.WEBHOOK_REPLAY_WINDOW_HOURS),
  };
}

export type IntakeResult = { status: number; body: string };

/** An incoming HTTP request, framework-free: a fetch Request and node's IncomingMessage both fit. */
export type IncomingWebhook = {
  method: string;
  headers: HeaderReader;
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null;
};

/**
 * How much of an oversized body the intake still reads (and discards) before it answers 413. A client
 * that is still sending when the server closes the connection sees a reset (EPIPE) instead of the 413,
 * so a body up to this size is drained first; past it the connection is closed (a reset is then the
 * sender's problem, not a lost answer to Shopify, whose deliveries are far smaller).
 */
const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;

/** Reads a request body up to `maxBytes`; null when it is larger (after draining up to DRAIN_LIMIT_BYTES). */
async function readBodyWithLimit(incoming: IncomingWebhook, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(incoming.headers.get("content-length") ?? "0");
  if (!incoming.body) return declared > maxBytes ? null : Buffer.alloc(0);
  const drainTo = Math.max(maxBytes, DRAIN_LIMIT_BYTES);
  if (declared > drainTo) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of incoming.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    // Past the limit keep draining (so the client can read the 413) but store nothing.
    if (size > drainTo) break;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size > maxBytes || declared > maxBytes ? null : Buffer.concat(chunks);
}

function describeJsonError(error: unknown): string {
  return `invalid JSON: ${errorText(error)}`;
}

/** Pulls the ids used to scope privacy requests and the log; tolerant of any shape. */
function extractRefs(topic: string, payload: unknown): Pick<NewDelivery, "orderGid" | "customerGid" | "resourceGid"> {
  const body = (payload ?? {}) as Record<string, unknown>;
  const gid = typeof body.admin_graphql_api_id === "string" ? body.admin_graphql_api_id : null;
  const customer = body.customer as Record<string, unknown> | null | undefined;
  const isId = (value: unknown): value is string | number => typeof value === "string" || typeof value === "number";
  // Customer topics (the consent update) name the customer at the top: `customer_id`.
  const customerGid =
    typeof customer?.admin_graphql_api_id === "string"
      ? customer.admin_graphql_api_id
      : isId(customer?.id)
        ? shopifyGid("Customer", customer.id)
        : isId(body.customer_id)
          ? shopifyGid("Customer", body.customer_id)
          : null;
  const orderId = body.order_id;
  const orderGid = topic.startsWith("orders/") ? gid : typeof orderId === "string" || typeof orderId === "number" ? shopifyGid("Order", orderId) : null;
  return { orderGid, customerGid, resourceGid: gid };
}

/**
 * The webhook intake: verify, record once, queue, acknowledge. Nothing here calls Shopify or sends
 * mail; the worker does the rest. Bad input never throws: it is refused (4xx) or recorded as failed.
 */
export async function receiveWebhook(request: IncomingWebhook, config: IntakeConfig): Promise<IntakeResult> {
  if (request.method !== "POST") return { status: 405, body: "Method not allowed" };
  const headers = readWebhookHeaders(request.headers);
  if (!headers.ok) return { status: 400, body: `Missing headers: ${headers.missing.join(", ")}` };
  const raw = await readBodyWithLimit(request, config.maxBytes);
  if (raw === null) return { status: 413, body: `Body larger than ${config.maxBytes} bytes` };
  const h = headers.value;
  if (!isValidWebhookHmac(raw, h.hmac, config.secret)) return { status: 401, body: "Invalid HMAC signature" };
  if (!isValidShopDomain(h.shop, config.customShopDomain)) return { status: 400, body: `Invalid shop domain: ${h.shop}` };

  const text = raw.toString("utf8");
  let payload: unknown = null;
  let rejection: NewDelivery["rejection"] = null;
  let isObject = false;
  try {
    payload = parseShopifyJson(text);
    isObject = payload !== null && typeof payload === "object" && !Array.isArray(payload);
    if (!isObject) rejection = { status: "failed", error: "payload is not a JSON object" };
  } catch (error: unknown) {
    rejection = { status: "failed", error: describeJsonError(error) };
  }
  // Signed for another shop: recorded for the header's shop without the body (it is the other shop's data).
  const mismatch = !rejection ? payloadShopMismatch(h.shop, payload as Record<string, unknown>) : null;
  if (mismatch) rejection = { status: "refused", error: mismatch };
  if (!rejection) {
    const stale = outsideReplayWindow(h.triggeredAt, new Date(), config.replayWindow ?? null);
    if (stale) rejection = { status: "refused", error: stale };
  }
  if (!rejection && !isKnownTopic(h.topic)) rejection = { status: "ignored", error: `unknown topic: ${h.topic}` };

  const outcome = await recordDelivery({
    shop: h.shop,
    webhookId: h.webhookId,
    topic: h.topic,
    apiVersion: h.apiVersion,
    eventId: h.eventId,
    triggeredAt: h.triggeredAt,
    body: mismatch ? "" : text,
    bodyBytes: raw.byteLength,
    // Every stored body that parsed gets its ids, ignored and refused ones too, so customers/redact and
    // data requests find it by customer or order (a mismatch stores no body, so it needs none).
    ...(isObject && !mismatch ? extractRefs(h.topic, payload) : { orderGid: null, customerGid: null, resourceGid: null }),
    rejection,
  });
  if (mismatch) return { status: 400, body: `Refused: ${mismatch}` };
  return { status: 200, body: outcome === "duplicate" ? "duplicate" : rejection ? `recorded as ${rejection.status}` : "ok" };
}
