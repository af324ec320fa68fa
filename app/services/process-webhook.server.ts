import type { z } from "zod";
import { inTransaction } from "~/db.server";
import { completeJob, type ClaimedJob } from "~/models/job.server";
import { applyDeliveryEvent, applyFulfillment } from "~/models/fulfillment.server";
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
import { findDeliveriesForProcessing, findDeliveryForProcessing, markDeliveryOutcome } from "~/models/webhook-delivery.server";
import {
  customerRedactSchema,
  dataRequestSchema,
  describeZodError,
  fulfillmentEventSchema,
  fulfillmentSchema,
  orderSchema,
  scopesUpdateSchema,
} from "~/schemas/shopify-payloads";
import { parseShopifyJson } from "~/utils/shopify-json";
import type { Prisma } from "~/generated/prisma/client";
import { normalizeFulfillment, normalizeFulfillmentEvent, normalizeOrder } from "./normalize-payloads";

type Tx = Prisma.TransactionClient;
type Context = { tx: Tx; shop: string; deliveryId: string; jobId: string };
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

async function handleOrder({ tx, shop }: Context, payload: unknown): Promise<Handled> {
  const order = parse(orderSchema, payload);
  const outcome = await applyOrder(tx, shop, normalizeOrder(order));
  // Orders carry their fulfillments too; apply them with the same staleness rule.
  for (const fulfillment of order.fulfillments) await applyFulfillment(tx, shop, normalizeFulfillment(fulfillment));
  return { note: `order ${outcome}`, orderGid: order.admin_graphql_api_id };
}

async function handleFulfillment({ tx, shop }: Context, payload: unknown): Promise<Handled> {
  const fulfillment = normalizeFulfillment(parse(fulfillmentSchema, payload));
  const outcome = await applyFulfillment(tx, shop, fulfillment);
  return { note: `fulfillment ${outcome}`, orderGid: fulfillment.orderGid };
}

async function handleFulfillmentEvent({ tx, shop }: Context, payload: unknown): Promise<Handled> {
  const event = normalizeFulfillmentEvent(parse(fulfillmentEventSchema, payload));
  const outcome = await applyDeliveryEvent(tx, shop, event);
  return { note: `delivery event ${outcome}`, orderGid: event.orderGid };
}

const handlers: Record<string, (context: Context, payload: unknown) => Promise<Handled>> = {
  "orders/create": handleOrder,
  "orders/updated": handleOrder,
  "orders/cancelled": handleOrder,
  "orders/fulfilled": handleOrder,
  "fulfillments/create": handleFulfillment,
  "fulfillments/update": handleFulfillment,
  "fulfillment_events/create": handleFulfillmentEvent,
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

/** The schema each topic's payload must satisfy; checked before a batch transaction starts. */
const PAYLOAD_SCHEMAS: Record<string, z.ZodTypeAny> = {
  "orders/create": orderSchema,
  "orders/updated": orderSchema,
  "orders/cancelled": orderSchema,
  "orders/fulfilled": orderSchema,
  "fulfillments/create": fulfillmentSchema,
  "fulfillments/update": fulfillmentSchema,
  "fulfillment_events/create": fulfillmentEventSchema,
};

type Delivery = NonNullable<Awaited<ReturnType<typeof findDeliveryForProcessing>>>;
type Item = { job: ClaimedJob; delivery: Delivery; payload: unknown; invalid: string | null };

function prepare(job: ClaimedJob, delivery: Delivery): Item {
  const payload = parseShopifyJson(delivery.body);
  const schema = PAYLOAD_SCHEMAS[delivery.topic];
  const result = schema?.safeParse(payload);
  const invalid = result && !result.success ? `invalid payload: ${describeZodError(result.error)}` : null;
  return { job, delivery, payload, invalid };
}

/** Applies one delivery inside the caller's transaction and completes its job there too. */
async function applyItem(tx: Tx, { job, delivery, payload, invalid }: Item, activeShops: Map<string, boolean>) {
  if (invalid) {
    await markDeliveryOutcome(tx, job.shop, delivery.id, { status: "failed", error: invalid });
    await completeJob(tx, job.id);
    return;
  }
  const handler = handlers[delivery.topic];
  if (!activeShops.has(job.shop)) activeShops.set(job.shop, await isShopActive(tx, job.shop));
  const active = ALWAYS_RUN.has(delivery.topic) || activeShops.get(job.shop) === true;
  const result: Handled = !handler
    ? { note: `no handler for ${delivery.topic}` }
    : active
      ? await handler({ tx, shop: job.shop, deliveryId: delivery.id, jobId: job.id }, payload)
      : { note: "shop uninstalled: not applied" };
  const applied = Boolean(active && handler);
  await markDeliveryOutcome(tx, job.shop, delivery.id, {
    status: applied ? "processed" : "ignored",
    error: applied ? null : result.note,
    orderGid: result.orderGid,
  });
  await completeJob(tx, job.id);
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
  try {
    await inTransaction((tx) => applyItem(tx, item, new Map()));
  } catch (error: unknown) {
    if (!(error instanceof InvalidPayloadError)) throw error;
    await inTransaction((tx) => applyItem(tx, { ...item, invalid: error.message }, new Map()));
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
    return delivery && PAYLOAD_SCHEMAS[delivery.topic] ? [prepare(job, delivery)] : [];
  });
  const batched = new Set(items.map((item) => item.job.id));
  const rest = jobs.filter((job) => !batched.has(job.id));
  if (items.length === 0) return rest;
  try {
    await inTransaction(async (tx) => {
      const activeShops = new Map<string, boolean>();
      for (const item of items) await applyItem(tx, item, activeShops);
    });
    return rest;
  } catch (error: unknown) {
    console.warn(`[worker] batch of ${items.length} rolled back, running one by one: ${String(error)}`);
    return jobs;
  }
}
