import type { z } from "zod";
import { inTransaction } from "~/models/db/prisma.server";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { gatherCustomerData, redactCustomer, type CustomerRef } from "~/models/privacy/customer-data.server";
import { eraseShop, isShopActive, markShopUninstalled, saveDataRequestExport, updateShopScopes } from "~/models/shop/shop.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { findDeliveryForJob, markDeliveryOutcome, type DeliveryOutcome } from "~/models/intake/webhook-delivery.server";
import { customerRedactSchema, dataRequestSchema, describeZodError, scopesUpdateSchema } from "~/schemas/intake/shopify-payloads";
import type { Prisma } from "~/generated/prisma/client";
import { parseQueuedBody } from "../orders/apply-webhook.server";
import { buildCustomerDataExport } from "~/domain/privacy/customer-data-export";
import { shopifyGid } from "~/domain/shopify/gid";

// Webhook topics off the hot path (privacy, uninstall, scopes): rare, and they touch many tables, so they
// run through Prisma, one delivery per transaction. Order and fulfillment topics: process-webhook-batch.

type Tx = Prisma.TransactionClient;
type Context = { tx: Tx; shop: string; deliveryId: string; jobId: string };

/** Thrown for a payload that can never be applied: the delivery is marked failed, not retried. */
class InvalidPayloadError extends Error {}

function parse<T extends z.ZodTypeAny>(schema: T, payload: unknown): z.infer<T> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidPayloadError(`invalid payload: ${describeZodError(result.error)}`);
  return result.data;
}

/** Who a compliance request is about: the customer, the orders Shopify names, the contact data it sends. */
function customerRef(customer: { id: string; email: string | null; phone: string | null }, orderIds: string[]): CustomerRef {
  return {
    customerGid: shopifyGid("Customer", customer.id),
    orderGids: orderIds.map((id) => shopifyGid("Order", id)),
    email: customer.email,
    phone: customer.phone,
  };
}

const handlers: Record<string, (context: Context, payload: unknown) => Promise<string>> = {
  "app/uninstalled": async ({ tx, shop, jobId }) => `uninstalled; ${await markShopUninstalled(tx, shop, jobId)} pending jobs cancelled`,
  "app/scopes_update": async ({ tx, shop }, payload) => {
    const { current } = parse(scopesUpdateSchema, payload);
    await updateShopScopes(tx, shop, current);
    return `scopes now ${current.join(",")}`;
  },
  "customers/data_request": async ({ tx, shop }, payload) => {
    const request = parse(dataRequestSchema, payload);
    const ref = customerRef(request.customer, request.orders_requested);
    const data = buildCustomerDataExport(await gatherCustomerData(tx, shop, ref));
    await saveDataRequestExport(tx, shop, request.data_request.id, ref.customerGid, data);
    return `data request ${request.data_request.id}: ${data.orders.length} orders and ${data.personalDataInWebhooks.sources.length} webhook bodies gathered`;
  },
  "customers/redact": async ({ tx, shop, jobId, deliveryId }, payload) => {
    const request = parse(customerRedactSchema, payload);
    const counts = await redactCustomer(tx, shop, customerRef(request.customer, request.orders_to_redact), { jobId, deliveryId });
    return `customer redacted: ${counts.orders} orders anonymized, ${counts.deliveries} webhook bodies and ${counts.codes} personal codes erased, ${counts.jobs} jobs cancelled`;
  },
  "shop/redact": async ({ tx, shop, deliveryId, jobId }) => {
    await eraseShop(tx, shop, deliveryId, jobId);
    return "shop data erased";
  },
};

/** Privacy duties and the uninstall itself outlive the installation; scope updates do not. */
const ALWAYS_RUN = new Set(["app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"]);

function outcomeBeforeApplying(topic: string, shop: string, parsed: ReturnType<typeof parseQueuedBody>): DeliveryOutcome | null {
  if (!parsed.ok) return { status: "failed", error: parsed.error };
  if (!ALWAYS_RUN.has(topic) && !isShopActive(getWorkerDb(), shop)) return { status: "ignored", error: "shop uninstalled: not applied" };
  if (!handlers[topic]) return { status: "ignored", error: `no handler for ${topic}` };
  return null;
}

/**
 * The worker's handler for a recorded delivery the hot path does not take: validates the payload and
 * applies it in one transaction with the job's completion, so a crash at any point leaves it either fully
 * applied or still queued. Invalid payloads are marked failed with the reason and applied not at all.
 */
export async function processWebhookJob(job: ClaimedJob): Promise<void> {
  if (!job.deliveryId) throw new Error("webhook.process job without delivery");
  const delivery = findDeliveryForJob(getWorkerDb(), job.shop, job.deliveryId);
  if (!delivery) return inTransaction((tx) => completeJob(tx, job.id));
  const record = async (tx: Tx, outcome: DeliveryOutcome) => {
    await markDeliveryOutcome(tx, job.shop, delivery.id, outcome);
    await completeJob(tx, job.id);
  };
  const parsed = parseQueuedBody(delivery.body);
  const early = outcomeBeforeApplying(delivery.topic, job.shop, parsed);
  if (early) return inTransaction((tx) => record(tx, early));
  const payload = parsed.ok ? parsed.payload : null;
  try {
    await inTransaction(async (tx) => {
      await handlers[delivery.topic]({ tx, shop: job.shop, deliveryId: delivery.id, jobId: job.id }, payload);
      await record(tx, { status: "processed", error: null });
    });
  } catch (error: unknown) {
    if (!(error instanceof InvalidPayloadError)) throw error;
    await inTransaction((tx) => record(tx, { status: "failed", error: error.message }));
  }
}
