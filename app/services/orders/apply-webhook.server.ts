import type { z } from "zod";
import { applyDeliveryEvent, applyFulfillment } from "~/models/orders/fulfillment.server";
import { applyOrder } from "~/models/orders/order.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import {
  describeZodError,
  emailMarketingConsentSchema,
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
import { applyConsentPayload } from "../follow-ups/apply-consent.server";

// The per-delivery work of the worker's hot path for order, fulfillment and customer consent topics:
// synchronous, on the worker's own connection, inside the caller's transaction. An order topic returns the
// order the delivery belongs to (its verdict and follow-ups are then refreshed); a customer topic returns the
// customer, and why nothing changed when nothing did.

/** When the delivery was made, for topics whose payload may not say when its change happened. */
export type DeliveryTimes = { triggeredAt: Date | null; receivedAt: Date };

type Apply<T> = (db: SqliteDb, shop: string, topic: string, data: T) => { orderGid: string };
/** `eraseBody`: the delivery speaks of a customer whose data was erased; its body goes too. */
type ApplyCustomer<T> = (db: SqliteDb, shop: string, data: T, times: DeliveryTimes) => { customerGid: string; ignored: string | null; eraseBody?: boolean };

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

/** A topic whose payload is validated before any transaction starts; `apply` gets the parsed data. */
export type DataTopic =
  { scope: "order"; schema: z.ZodTypeAny; apply: Apply<unknown> } | { scope: "customer"; schema: z.ZodTypeAny; apply: ApplyCustomer<unknown> };

/** An order or fulfillment topic: it always names its order. */
function dataTopic<S extends z.ZodTypeAny>(schema: S, apply: Apply<z.infer<S>>): DataTopic {
  return { scope: "order", schema, apply: (db, shop, topic, data) => apply(db, shop, topic, data as z.infer<S>) };
}

/** A topic about a customer and none of their orders (their marketing consent). */
function customerTopic<S extends z.ZodTypeAny>(schema: S, apply: ApplyCustomer<z.infer<S>>): DataTopic {
  return { scope: "customer", schema, apply: (db, shop, data, times) => apply(db, shop, data as z.infer<S>, times) };
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
  "customers_email_marketing_consent/update": customerTopic(emailMarketingConsentSchema, applyConsentPayload),
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
