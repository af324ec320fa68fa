import type { z } from "zod";
import { applyDeliveryEvent, applyFulfillment } from "~/models/orders/fulfillment.server";
import { applyOrder } from "~/models/orders/order.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import {
  describeZodError,
  fulfillmentEventSchema,
  fulfillmentSchema,
  orderSchema,
  type FulfillmentEventPayload,
  type FulfillmentPayload,
  type OrderPayload,
} from "~/schemas/intake/shopify-payloads";
import { parseShopifyJson } from "~/domain/shopify/shopify-json";
import { normalizeFulfillment, normalizeFulfillmentEvent, normalizeOrder } from "../../domain/orders/normalize-payloads";
import { onOrderFirstSeen } from "./order-first-seen.server";
import { errorText } from "~/domain/errors/error-text";

// The per-delivery work of the worker's hot path for order and fulfillment topics: synchronous, on the
// worker's own connection, inside the caller's transaction. Returns the order the delivery belongs to.

type Apply<T> = (db: SqliteDb, shop: string, topic: string, data: T) => { orderGid: string };

function applyOrderPayload(db: SqliteDb, shop: string, topic: string, order: OrderPayload) {
  const normalized = normalizeOrder(order);
  const outcome = applyOrder(db, shop, normalized, { likelyNew: topic === "orders/create" });
  // First sight: orders/create, or a later topic that arrived first.
  if (outcome === "created") onOrderFirstSeen(db, shop, normalized);
  // Orders carry their fulfillments too; apply them with the same staleness rule.
  for (const fulfillment of order.fulfillments) applyFulfillment(db, shop, normalizeFulfillment(fulfillment));
  return { orderGid: order.admin_graphql_api_id };
}

function applyFulfillmentPayload(db: SqliteDb, shop: string, _topic: string, payload: FulfillmentPayload) {
  const fulfillment = normalizeFulfillment(payload);
  applyFulfillment(db, shop, fulfillment);
  return { orderGid: fulfillment.orderGid };
}

function applyFulfillmentEventPayload(db: SqliteDb, shop: string, _topic: string, payload: FulfillmentEventPayload) {
  const event = normalizeFulfillmentEvent(payload);
  applyDeliveryEvent(db, shop, event);
  return { orderGid: event.orderGid };
}

export type DataTopic = { schema: z.ZodTypeAny; apply: Apply<unknown> };

/** A topic whose payload is validated before any transaction starts; `apply` gets the parsed data. */
function dataTopic<S extends z.ZodTypeAny>(schema: S, apply: Apply<z.infer<S>>): DataTopic {
  return { schema, apply: (db, shop, topic, data) => apply(db, shop, topic, data as z.infer<S>) };
}

/** The topics the hot path applies. Privacy and app topics go through Prisma (process-webhook.server.ts). */
export const DATA_TOPICS: Record<string, DataTopic> = {
  "orders/create": dataTopic(orderSchema, applyOrderPayload),
  "orders/updated": dataTopic(orderSchema, applyOrderPayload),
  "orders/cancelled": dataTopic(orderSchema, applyOrderPayload),
  "orders/fulfilled": dataTopic(orderSchema, applyOrderPayload),
  "fulfillments/create": dataTopic(fulfillmentSchema, applyFulfillmentPayload),
  "fulfillments/update": dataTopic(fulfillmentSchema, applyFulfillmentPayload),
  "fulfillment_events/create": dataTopic(fulfillmentEventSchema, applyFulfillmentEventPayload),
};

/** A queued body, parsed again; one that no longer parses (e.g. redacted after it was queued) is a failure, never a poison pill. */
export function parseQueuedBody(body: string): { ok: true; payload: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, payload: parseShopifyJson(body) };
  } catch (error: unknown) {
    return { ok: false, error: `invalid JSON: ${errorText(error)}` };
  }
}

/** Parses and validates a data topic's body: the data to apply, or why it can never apply (field named). */
export function validateDataTopic(topic: DataTopic, body: string): { ok: true; data: unknown } | { ok: false; error: string } {
  const parsed = parseQueuedBody(body);
  if (!parsed.ok) return parsed;
  const result = topic.schema.safeParse(parsed.payload);
  return result.success ? { ok: true, data: result.data } : { ok: false, error: `invalid payload: ${describeZodError(result.error)}` };
}
