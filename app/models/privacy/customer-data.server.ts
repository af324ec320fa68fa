import type { Prisma } from "~/generated/prisma/client";
import { parseDiscountCodes } from "~/schemas/orders/order-lines";
import { eraseInsertCodes } from "../inserts/insert-evaluation.server";
import { cancelCustomerJobs } from "../jobs/job.server";
import { legacyIdOf } from "~/domain/shopify/gid";

// The two customer privacy duties (docs/architecture.md, "Privacy and tenancy"): customers/data_request
// gathers what Kept stores about a customer, customers/redact erases it. Both run in the caller's transaction.

type Tx = Prisma.TransactionClient;

/** Who a privacy request is about: the customer, the orders Shopify names, and the contact data it sends. */
export type CustomerRef = { customerGid: string; orderGids: string[]; email: string | null; phone: string | null };

/** What a used personal code becomes in an order's discount codes once erased. */
export const ERASED_CODE = "(erased personal code)";

/** The customer's orders: those stored with their customer id, and those Shopify names (guest orders have none). */
async function customerOrderGids(tx: Tx, shop: string, ref: CustomerRef) {
  const orders = await tx.order.findMany({
    where: { shop, OR: [{ customerGid: ref.customerGid }, { orderGid: { in: ref.orderGids } }] },
    select: { orderGid: true },
  });
  return [...new Set([...ref.orderGids, ...orders.map((order) => order.orderGid)])];
}

/**
 * Texts that name the customer inside a stored body, precise enough not to match another customer: the
 * email and phone, the customer GID in quotes, and the numeric id only as a `customer_id` value or as the
 * first field of a `customer` object (a bare number could be anything). Shopify sends compact JSON.
 */
function customerMarkers(ref: CustomerRef): string[] {
  const contacts = [ref.email, ref.phone].flatMap((value) => (value && value.trim().length >= 5 ? [value.trim()] : []));
  const id = legacyIdOf(ref.customerGid);
  const ids = /^\d+$/.test(id) ? [`"customer_id":${id},`, `"customer_id":${id}}`, `"customer_id":"${id}"`, `"customer":{"id":${id},`] : [];
  return [...contacts, JSON.stringify(ref.customerGid), ...ids];
}

/**
 * The recorded deliveries that carry the customer's data: by customer or order id (orders, fulfillments,
 * carrier scans and the privacy requests themselves), and any delivery not linked to an order whose body
 * names the customer (customerMarkers): invalid JSON, unknown topics, refused deliveries, whatever status.
 */
function customerDeliveries(shop: string, gids: string[], ref: CustomerRef): Prisma.WebhookDeliveryWhereInput {
  return {
    shop,
    OR: [{ customerGid: ref.customerGid }, { orderGid: { in: gids } }, ...customerMarkers(ref).map((text) => ({ orderGid: null, body: { contains: text } }))],
  };
}

/** customers/data_request: every row Kept stores about the customer and their orders, and the webhook bodies that carry their data. */
export async function gatherCustomerData(tx: Tx, shop: string, ref: CustomerRef) {
  const gids = await customerOrderGids(tx, shop, ref);
  const byOrder = { shop, orderGid: { in: gids } };
  const [orders, fulfillments, deliveryEvents, promises, insertEvaluations, insertAssignments, followUps, marketingConsent, deliveries] = await Promise.all([
    tx.order.findMany({ where: byOrder, orderBy: { createdAtShopify: "asc" } }),
    tx.fulfillment.findMany({ where: byOrder, orderBy: { createdAtShopify: "asc" } }),
    tx.deliveryEvent.findMany({ where: byOrder, orderBy: { happenedAt: "asc" } }),
    tx.deliveryPromise.findMany({ where: byOrder }),
    tx.insertEvaluation.findMany({ where: byOrder }),
    tx.insertAssignment.findMany({ where: byOrder, orderBy: { createdAt: "asc" } }),
    tx.followUp.findMany({ where: byOrder, orderBy: { sendAt: "asc" } }),
    tx.customerConsent.findUnique({ where: { shop_customerGid: { shop, customerGid: ref.customerGid } } }),
    tx.webhookDelivery.findMany({
      where: customerDeliveries(shop, gids, ref),
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: { webhookId: true, topic: true, receivedAt: true, body: true },
    }),
  ]);
  return {
    customerGid: ref.customerGid,
    orders,
    fulfillments,
    deliveryEvents,
    promises,
    insertEvaluations,
    insertAssignments,
    followUps,
    marketingConsent,
    deliveries,
  };
}

/**
 * Replaces erased personal codes wherever an order used one (the code carries the first name): in the
 * order's discount codes and in its recorded webhook bodies (a code is only letters, digits and dashes, so
 * replacing its text keeps the JSON intact). The orders may be anyone's: a code can be passed on.
 */
async function scrubUsedCodes(tx: Tx, shop: string, codes: string[]) {
  for (const code of codes) {
    const orders = await tx.order.findMany({
      where: { shop, discountCodes: { contains: JSON.stringify(code) } },
      select: { orderGid: true, discountCodes: true },
    });
    for (const order of orders) {
      const discountCodes = JSON.stringify(parseDiscountCodes(order.discountCodes).map((used) => (used === code ? ERASED_CODE : used)));
      await tx.order.updateMany({ where: { shop, orderGid: order.orderGid }, data: { discountCodes } });
      await tx.$executeRaw`
        UPDATE "WebhookDelivery" SET "body" = REPLACE("body", ${code}, ${ERASED_CODE})
        WHERE "shop" = ${shop} AND "orderGid" = ${order.orderGid} AND "body" LIKE ${`%${code}%`}`;
    }
  }
}

/** The apologies' personal codes (they carry the first name), erased like the inserts' codes; returns them for scrubbing. */
async function eraseFollowUpCodes(tx: Tx, shop: string, gids: string[]): Promise<string[]> {
  const where = { shop, orderGid: { in: gids }, discountCode: { not: null } };
  const rows = await tx.followUp.findMany({ where, select: { discountCode: true } });
  await tx.followUp.updateMany({ where, data: { discountCode: null, discountStatus: "erased" } });
  return rows.flatMap((row) => (row.discountCode ? [row.discountCode] : []));
}

/**
 * customers/redact: erases the customer's personal data. Their orders stay as anonymous facts (country,
 * lines, amounts, dates, delivery facts) so delivery statistics survive. Gone: contact data, first name,
 * customer tags and language (and the facts rules read from Shopify), zip and city, tracking numbers and links, carrier scan places and messages,
 * personal codes (assignments, packing plans, apologies, orders that used them), scheduled follow-ups, the raw webhook
 * bodies and earlier data-request exports. Every job about the customer or their orders is cancelled;
 * deliveries not yet applied are marked ignored. `except` is the request's own job and delivery.
 */
export async function redactCustomer(tx: Tx, shop: string, ref: CustomerRef, except: { jobId?: string; deliveryId?: string } = {}) {
  const gids = await customerOrderGids(tx, shop, ref);
  const byOrder = { shop, orderGid: { in: gids } };
  const orders = await tx.order.updateMany({
    where: byOrder,
    data: {
      email: null,
      customerGid: null,
      customerFirstName: null,
      customerName: null,
      customerLocale: null,
      acceptsMarketing: null,
      shipZip: null,
      shipCity: null,
    },
  });
  await tx.orderSearchTerm.deleteMany({ where: { ...byOrder, customer: true } });
  await tx.fulfillment.updateMany({ where: byOrder, data: { trackingNumber: null, trackingUrl: null } });
  await tx.deliveryEvent.updateMany({ where: byOrder, data: { zip: null, city: null, message: null } });
  // The facts rules read from Shopify (customer tags, order count) are the customer's too.
  await tx.insertEvaluation.updateMany({ where: byOrder, data: { facts: null } });
  const codes = [...(await eraseInsertCodes(tx, shop, gids)), ...(await eraseFollowUpCodes(tx, shop, gids))];
  await scrubUsedCodes(tx, shop, codes);
  // Follow-ups: what was scheduled is cancelled (gone); what was sent stays as a count, without address or subject.
  await tx.followUp.deleteMany({ where: { ...byOrder, status: "scheduled" } });
  await tx.followUp.updateMany({ where: byOrder, data: { customerGid: null, toEmail: null, subject: null } });
  // The consent becomes a marker of the erasure: a consent update Shopify sent before it and delivers late
  // is then recognised and erased too, instead of storing the customer's state again (customer-consent.server.ts).
  const erased = { state: "redacted", optInLevel: null, consentUpdatedAt: new Date() };
  await tx.customerConsent.upsert({
    where: { shop_customerGid: { shop, customerGid: ref.customerGid } },
    create: { shop, customerGid: ref.customerGid, ...erased },
    update: erased,
  });
  const deliveries = customerDeliveries(shop, gids, ref);
  await tx.webhookDelivery.updateMany({
    where: { AND: [deliveries, { status: "received" }], id: except.deliveryId ? { not: except.deliveryId } : undefined },
    data: { status: "ignored", error: "customer data erased (customers/redact) before it was applied", processedAt: new Date() },
  });
  const redacted = await tx.webhookDelivery.updateMany({ where: deliveries, data: { body: "[redacted]", customerGid: null } });
  await tx.dataRequestExport.deleteMany({ where: { shop, customerGid: ref.customerGid } });
  const jobs = await cancelCustomerJobs(tx, shop, { customerGid: ref.customerGid, orderGids: gids }, except.jobId);
  return { orders: orders.count, deliveries: redacted.count, codes: codes.length, jobs };
}
