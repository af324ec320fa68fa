import type { z } from "zod";
import { inTransaction } from "~/db.server";
import { completeJob, completeJobs, type ClaimedJob } from "~/models/job.server";
import { applyDeliveryEvent, applyFulfillment } from "~/models/fulfillment.server";
import { enqueueInsertAssignment } from "~/models/insert-pipeline.server";
import { applyOrder } from "~/models/order.server";
import {
  eraseShop,
  gatherCustomerData,
  isShopActive,
  markShopUninstalled,
  redactCustomer,
  saveDataRequestExport,
  updateShopScopes,
} from "~/models/shop.server";
import {
  findDeliveriesForProcessing,
  findDeliveryForProcessing,
  markDeliveriesProcessed,
  markDeliveryOutcome,
  type DeliveryStatus,
} from "~/models/webhook-delivery.server";
import {
  customerRedactSchema,
  dataRequestSchema,
  describeZodError,
  fulfillmentEventSchema,
  fulfillmentSchema,
  orderSchema,
  scopesUpdateSchema,
  type FulfillmentEventPayload,
  type FulfillmentPayload,
  type OrderPayload,
} from "~/schemas/shopify-payloads";
import { parseShopifyJson } from "~/utils/shopify-json";
import type { Prisma } from "~/generated/prisma/client";
import { normalizeFulfillment, normalizeFulfillmentEvent, normalizeOrder } from "./normalize-payloads";
import { recordOrderPromise } from "./record-order-promise.server";

type Tx = Prisma.TransactionClient;
type Context = { tx: Tx; shop: string; topic: string; deliveryId: string; jobId: string };
type Handled = { note: string; orderGid?: string | null };

/** Thrown for a payload that can never be applied: the delivery is marked failed, not retried. */
export class InvalidPayloadError extends Error {}

function parse<T extends z.ZodTypeAny>(schema: T, payload: unknown): z.infer<T> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidPayloadError(`invalid payload: ${describeZodError(result.error)}`);
  return result.data;
}

const customerGid = (id: string) => `gid://shopify/Customer/${id}`;
const orderGids = (ids: string[]) => ids.map((id) => `gid://shopify/Order/${id}`);

async function handleOrder({ tx, shop, topic }: Context, order: OrderPayload): Promise<Handled> {
  const normalized = normalizeOrder(order);
  const outcome = await applyOrder(tx, shop, normalized, { likelyNew: topic === "orders/create" });
  // The promise is recorded when the order is first seen (orders/create, or a later topic that arrived first).
  if (outcome === "created") await recordOrderPromise(tx, shop, normalized);
  if (outcome === "created") await enqueueInsertAssignment(tx, shop, normalized.orderGid);
  // Orders carry their fulfillments too; apply them with the same staleness rule.
  for (const fulfillment of order.fulfillments) await applyFulfillment(tx, shop, normalizeFulfillment(fulfillment));
  return { note: `order ${outcome}`, orderGid: order.admin_graphql_api_id };
}

async function handleFulfillment({ tx, shop }: Context, payload: FulfillmentPayload): Promise<Handled> {
  const fulfillment = normalizeFulfillment(payload);
  const outcome = await applyFulfillment(tx, shop, fulfillment);
  return { note: `fulfillment ${outcome}`, orderGid: fulfillment.orderGid };
}

async function handleFulfillmentEvent({ tx, shop }: Context, payload: FulfillmentEventPayload): Promise<Handled> {
  const event = normalizeFulfillmentEvent(payload);
  const outcome = await applyDeliveryEvent(tx, shop, event);
  return { note: `delivery event ${outcome}`, orderGid: event.orderGid };
}

type DataTopic = { schema: z.ZodTypeAny; apply: (context: Context, data: unknown) => Promise<Handled> };

/** A topic whose payload is validated before any transaction starts; `apply` gets the parsed data. */
function dataTopic<S extends z.ZodTypeAny>(schema: S, apply: (context: Context, data: z.infer<S>) => Promise<Handled>): DataTopic {
  return { schema, apply: (context, data) => apply(context, data as z.infer<S>) };
}

const DATA_TOPICS: Record<string, DataTopic> = {
  "orders/create": dataTopic(orderSchema, handleOrder),
  "orders/updated": dataTopic(orderSchema, handleOrder),
  "orders/cancelled": dataTopic(orderSchema, handleOrder),
  "orders/fulfilled": dataTopic(orderSchema, handleOrder),
  "fulfillments/create": dataTopic(fulfillmentSchema, handleFulfillment),
  "fulfillments/update": dataTopic(fulfillmentSchema, handleFulfillment),
  "fulfillment_events/create": dataTopic(fulfillmentEventSchema, handleFulfillmentEvent),
};

const handlers: Record<string, (context: Context, payload: unknown) => Promise<Handled>> = {
  ...Object.fromEntries(
    Object.entries(DATA_TOPICS).map(([topic, { schema, apply }]) => [topic, (context: Context, payload: unknown) => apply(context, parse(schema, payload))]),
  ),
  "app/uninstalled": async ({ tx, shop, jobId }) => ({
    note: `uninstalled; ${await markShopUninstalled(tx, shop, jobId)} pending jobs cancelled`,
  }),
  "app/scopes_update": async ({ tx, shop }, payload) => {
    const { current } = parse(scopesUpdateSchema, payload);
    await updateShopScopes(tx, shop, current);
    return { note: `scopes now ${current.join(",")}` };
  },
  "customers/data_request": async ({ tx, shop }, payload) => {
    const request = parse(dataRequestSchema, payload);
    const gid = customerGid(request.customer.id);
    const data = await gatherCustomerData(tx, shop, gid, orderGids(request.orders_requested));
    await saveDataRequestExport(tx, shop, request.data_request.id, gid, data);
    return { note: `data request ${request.data_request.id}: ${data.orders.length} orders gathered` };
  },
  "customers/redact": async ({ tx, shop, jobId }, payload) => {
    const request = parse(customerRedactSchema, payload);
    const counts = await redactCustomer(tx, shop, customerGid(request.customer.id), orderGids(request.orders_to_redact), jobId);
    return { note: `customer redacted: ${counts.orders} orders anonymized, ${counts.jobs} jobs cancelled` };
  },
  "shop/redact": async ({ tx, shop, deliveryId, jobId }) => {
    await eraseShop(tx, shop, deliveryId, jobId);
    return { note: "shop data erased" };
  },
};

const ALWAYS_RUN = new Set(["app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"]);

type Delivery = NonNullable<Awaited<ReturnType<typeof findDeliveryForProcessing>>>;
type Item = { job: ClaimedJob; delivery: Delivery; payload: unknown; data: unknown; invalid: string | null };
type Outcome = { status: DeliveryStatus; error: string | null; orderGid?: string | null };

function prepare(job: ClaimedJob, delivery: Delivery): Item {
  let payload: unknown;
  try {
    payload = parseShopifyJson(delivery.body);
  } catch (error: unknown) {
    // E.g. a body redacted after it was queued: never a poison pill for the worker.
    return { job, delivery, payload: null, data: null, invalid: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = DATA_TOPICS[delivery.topic]?.schema.safeParse(payload);
  if (result && !result.success) return { job, delivery, payload, data: null, invalid: `invalid payload: ${describeZodError(result.error)}` };
  return { job, delivery, payload, data: result?.data, invalid: null };
}

/** Applies one delivery inside the caller's transaction; returns what to record for it. */
async function applyItem(tx: Tx, item: Item, activeShops: Map<string, boolean>): Promise<Outcome> {
  const { job, delivery, payload, data, invalid } = item;
  if (invalid) return { status: "failed", error: invalid };
  if (!activeShops.has(job.shop)) activeShops.set(job.shop, await isShopActive(tx, job.shop));
  const active = ALWAYS_RUN.has(delivery.topic) || activeShops.get(job.shop) === true;
  if (!active) return { status: "ignored", error: "shop uninstalled: not applied" };
  const context = { tx, shop: job.shop, topic: delivery.topic, deliveryId: delivery.id, jobId: job.id };
  const dataTopic = DATA_TOPICS[delivery.topic];
  const handler = handlers[delivery.topic];
  if (!dataTopic && !handler) return { status: "ignored", error: `no handler for ${delivery.topic}` };
  const result = dataTopic ? await dataTopic.apply(context, data) : await handler(context, payload);
  return { status: "processed", error: null, orderGid: result.orderGid };
}

/**
 * The worker's handler for a recorded delivery: validates the payload and applies it to Kept's records
 * in one transaction with the job's completion, so a crash at any point leaves it either fully applied
 * or still queued. Invalid payloads are marked failed with the reason and applied not at all.
 */
export async function processWebhookJob(job: ClaimedJob): Promise<void> {
  if (!job.deliveryId) throw new Error("webhook.process job without delivery");
  const delivery = await findDeliveryForProcessing(job.shop, job.deliveryId);
  if (!delivery) {
    await inTransaction((tx) => completeJob(tx, job.id));
    return;
  }
  const item = prepare(job, delivery);
  const record = async (tx: Tx, outcome: Outcome) => {
    await markDeliveryOutcome(tx, job.shop, delivery.id, outcome);
    await completeJob(tx, job.id);
  };
  try {
    await inTransaction(async (tx) => record(tx, await applyItem(tx, item, new Map())));
  } catch (error: unknown) {
    if (!(error instanceof InvalidPayloadError)) throw error;
    await inTransaction((tx) => record(tx, { status: "failed", error: error.message }));
  }
}

/**
 * Applies many order/fulfillment deliveries in one transaction (the cost of a transaction is paid
 * once per batch, not per delivery). Payloads are validated first, so an invalid one is recorded as
 * failed without aborting the others. If the batch fails for any other reason nothing of it applies,
 * and the jobs are returned to be run one by one (each with its own retries).
 */
export async function processWebhookBatch(jobs: ClaimedJob[]): Promise<ClaimedJob[]> {
  const found = await findDeliveriesForProcessing(jobs);
  const items = jobs.flatMap((job) => {
    const delivery = found.get(job.deliveryId ?? "");
    return delivery && DATA_TOPICS[delivery.topic] ? [prepare(job, delivery)] : [];
  });
  const batched = new Set(items.map((item) => item.job.id));
  const rest = jobs.filter((job) => !batched.has(job.id));
  if (items.length === 0) return rest;
  try {
    await inTransaction(async (tx) => {
      const activeShops = new Map<string, boolean>();
      const processed: { shop: string; id: string }[] = [];
      for (const item of items) {
        const outcome = await applyItem(tx, item, activeShops);
        // Processed deliveries already carry their order GID from intake; they are marked in one statement below.
        if (outcome.status === "processed") processed.push({ shop: item.job.shop, id: item.delivery.id });
        else await markDeliveryOutcome(tx, item.job.shop, item.delivery.id, outcome);
      }
      await markDeliveriesProcessed(tx, processed);
      await completeJobs(tx, items.map((item) => item.job.id));
    });
    return rest;
  } catch (error: unknown) {
    console.warn(`[worker] batch of ${items.length} rolled back, running one by one: ${String(error)}`);
    return jobs;
  }
}
