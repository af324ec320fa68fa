import type { FulfillmentEventPayload, FulfillmentPayload, OrderPayload } from "~/schemas/intake/shopify-payloads";
import type { OrderLine, OrderRecord } from "./order-record";
import { shopifyGid } from "../shopify/gid";

// Pure mapping from validated Shopify payloads to Kept's own records. No I/O.

export type NormalizedFulfillment = ReturnType<typeof normalizeFulfillment>;
export type NormalizedEvent = ReturnType<typeof normalizeFulfillmentEvent>;

function splitTags(tags: string | null | undefined): string[] {
  return (tags ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Longest first name kept; longer ones are cut (a name field is free text). */
const FIRST_NAME_MAX = 80;

/** The customer's first name: the customer's, else the billing address's, else the shipping address's. */
function firstNameOf(order: OrderPayload): string | null {
  const name = [order.customer, order.billing_address, order.shipping_address].map((part) => part?.first_name?.trim()).find((value) => value);
  return name ? name.slice(0, FIRST_NAME_MAX) : null;
}

/** The customer's full name ("Anna Lindqvist"), from the first of customer, billing and shipping address that names anyone. */
function fullNameOf(order: OrderPayload): string | null {
  const names = [order.customer, order.billing_address, order.shipping_address].map((part) =>
    [part?.first_name, part?.last_name]
      .map((value) => value?.trim())
      .filter(Boolean)
      .join(" "),
  );
  const name = names.find((value) => value);
  return name ? name.slice(0, 2 * FIRST_NAME_MAX) : null;
}

/** The earliest refund that took items back as a return ("restock_type": "return"), or null. */
function returnedAtOf(refunds: { created_at?: string | null; refund_line_items: { restock_type?: string | null }[] }[]): Date | null {
  const instants = refunds
    .filter((refund) => refund.created_at && refund.refund_line_items.some((line) => line.restock_type === "return"))
    .map((refund) => Date.parse(refund.created_at as string))
    .filter((instant) => Number.isFinite(instant));
  return instants.length === 0 ? null : new Date(Math.min(...instants));
}

export function normalizeOrder(order: OrderPayload): OrderRecord {
  const shippingLine = order.shipping_lines[0];
  const address = order.shipping_address ?? null;
  const lines: OrderLine[] = order.line_items.map((line) => ({
    lineGid: line.admin_graphql_api_id ?? shopifyGid("LineItem", line.id),
    productGid: line.product_id ? shopifyGid("Product", line.product_id) : null,
    variantGid: line.variant_id ? shopifyGid("ProductVariant", line.variant_id) : null,
    sku: line.sku || null,
    vendor: line.vendor,
    title: line.title,
    variantTitle: line.variant_title,
    quantity: line.quantity,
    price: line.price,
  }));
  // 2026-01 payloads carry no customer tags and no order count (docs/simulator.md): insert rules ask Shopify
  // for them when an order is decided (resolve-order-facts.server.ts), so nothing about them is stored here.
  const customer = order.customer ?? null;
  return {
    orderGid: order.admin_graphql_api_id,
    legacyId: order.id,
    name: order.name,
    email: order.email,
    customerGid: customer ? (customer.admin_graphql_api_id ?? shopifyGid("Customer", customer.id)) : null,
    customerFirstName: firstNameOf(order),
    customerName: fullNameOf(order),
    customerLocale: order.customer_locale,
    acceptsMarketing: order.buyer_accepts_marketing ?? null,
    returnedAt: returnedAtOf(order.refunds),
    sourceName: order.source_name,
    test: order.test,
    currency: order.currency,
    totalPrice: order.total_price,
    subtotalPrice: order.subtotal_price ?? null,
    financialStatus: order.financial_status,
    fulfillmentStatus: order.fulfillment_status,
    tags: splitTags(order.tags),
    discountCodes: order.discount_codes.map((discount) => discount.code),
    shippingMethod: shippingLine?.title ?? null,
    shippingCode: shippingLine?.code ?? null,
    shippingSource: shippingLine?.source ?? null,
    shipCountry: address?.country_code ?? null,
    shipProvince: address?.province_code ?? null,
    shipZip: address?.zip ?? null,
    shipCity: address?.city ?? null,
    lines,
    createdAtShopify: new Date(order.created_at),
    updatedAtShopify: new Date(order.updated_at),
    processedAt: order.processed_at ? new Date(order.processed_at) : null,
    cancelledAt: order.cancelled_at ? new Date(order.cancelled_at) : null,
    cancelReason: order.cancel_reason,
    closedAt: order.closed_at ? new Date(order.closed_at) : null,
  };
}

export function normalizeFulfillment(fulfillment: FulfillmentPayload) {
  return {
    fulfillmentGid: fulfillment.admin_graphql_api_id,
    orderGid: shopifyGid("Order", fulfillment.order_id),
    name: fulfillment.name,
    status: fulfillment.status,
    shipmentStatus: fulfillment.shipment_status,
    service: fulfillment.service,
    trackingCompany: fulfillment.tracking_company,
    trackingNumber: fulfillment.tracking_number,
    trackingUrl: fulfillment.tracking_url,
    locationId: fulfillment.location_id ?? null,
    lineCount: fulfillment.line_items.length,
    shippedAt: new Date(fulfillment.created_at),
    createdAtShopify: new Date(fulfillment.created_at),
    updatedAtShopify: new Date(fulfillment.updated_at),
  };
}

export function normalizeFulfillmentEvent(event: FulfillmentEventPayload) {
  return {
    eventGid: event.admin_graphql_api_id ?? shopifyGid("FulfillmentEvent", event.id),
    fulfillmentGid: shopifyGid("Fulfillment", event.fulfillment_id),
    orderGid: shopifyGid("Order", event.order_id),
    status: event.status,
    message: event.message,
    happenedAt: new Date(event.happened_at),
    estimatedDeliveryAt: event.estimated_delivery_at ? new Date(event.estimated_delivery_at) : null,
    city: event.city,
    country: event.country,
    zip: event.zip,
  };
}
