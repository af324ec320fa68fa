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
import { findDeliveryForProcessing, markDeliveryOutcome } from "~/models/webhook-delivery.server";
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
  const handler = handlers[delivery.topic];
  try {
    await inTransaction(async (tx) => {
      const active = ALWAYS_RUN.has(delivery.topic) || (await isShopActive(tx, job.shop));
      const result: Handled = !handler
        ? { note: `no handler for ${delivery.topic}` }
        : active
          ? await handler({ tx, shop: job.shop, deliveryId: delivery.id, jobId: job.id }, parseShopifyJson(delivery.body))
          : { note: "shop uninstalled: not applied" };
      const applied = Boolean(active && handler);
      await markDeliveryOutcome(tx, job.shop, delivery.id, {
        status: applied ? "processed" : "ignored",
        error: applied ? null : result.note,
        orderGid: result.orderGid,
      });
      await completeJob(tx, job.id);
    });
  } catch (error: unknown) {
    if (!(error instanceof InvalidPayloadError)) throw error;
    await inTransaction(async (tx) => {
      await markDeliveryOutcome(tx, job.shop, delivery.id, { status: "failed", error: error.message });
      await completeJob(tx, job.id);
    });
  }
}
