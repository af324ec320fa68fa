import type { RuleOrder } from "../rules/rule-order";

// Kept's one record of an order: what intake normalizes from an orders/* payload (normalize-payloads.ts),
// what the Order table stores, and what reading it back gives (app/models/orders/order.server.ts). Every
// view of an order (the rules' view below, the promise, the inserts pipeline) is built from it.

/** One line of the order as Kept stores it. Identifiers are Admin API GIDs. */
export type OrderLine = {
  lineGid: string;
  productGid: string | null;
  variantGid: string | null;
  sku: string | null;
  vendor: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  price: string;
};

export type OrderRecord = {
  orderGid: string;
  legacyId: string;
  name: string;
  email: string | null;
  customerGid: string | null;
  customerFirstName: string | null;
  /** First and last name, for finding and listing the order. Cleared by customers/redact like the first name. */
  customerName: string | null;
  customerLocale: string | null;
  /** buyer_accepts_marketing at checkout; null when the payload did not say. Cleared by customers/redact. */
  acceptsMarketing: boolean | null;
  /** When the first refund that returned items was made; null while nothing came back. */
  returnedAt: Date | null;
  sourceName: string | null;
  test: boolean;
  currency: string;
  /** Money as Shopify's decimal strings ("120.00"), never floats. */
  totalPrice: string;
  subtotalPrice: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  /** The order's own tags, trimmed, without empty ones. */
  tags: string[];
  discountCodes: string[];
  shippingMethod: string | null;
  shippingCode: string | null;
  shippingSource: string | null;
  shipCountry: string | null;
  shipProvince: string | null;
  shipZip: string | null;
  shipCity: string | null;
  lines: OrderLine[];
  createdAtShopify: Date;
  updatedAtShopify: Date;
  processedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
};

/** The fields of the record the rules read. */
export type RuleOrderSource = Pick<
  OrderRecord,
  | "orderGid"
  | "name"
  | "createdAtShopify"
  | "currency"
  | "totalPrice"
  | "customerGid"
  | "tags"
  | "discountCodes"
  | "shipCountry"
  | "shipProvince"
  | "shipZip"
  | "shippingMethod"
  | "shippingCode"
  | "sourceName"
  | "customerLocale"
  | "lines"
>;

/**
 * The order as insert rules read it, the one mapping for the pipeline, the trial run and previews. What
 * order webhooks do not carry (the customer's order count and tags, product types) is unknown here; the
 * caller adds it with `applyResolvedFacts` (domain/rules/external-facts.ts).
 */
export function toRuleOrder(order: RuleOrderSource): RuleOrder {
  return {
    orderGid: order.orderGid,
    name: order.name,
    createdAt: order.createdAtShopify.toISOString(),
    currency: order.currency,
    totalPrice: order.totalPrice,
    customerGid: order.customerGid,
    customerOrdersCount: null,
    customerTags: null,
    tags: order.tags,
    discountCodes: order.discountCodes,
    shipCountry: order.shipCountry,
    shipProvince: order.shipProvince,
    shipZip: order.shipZip,
    shippingMethod: order.shippingMethod,
    shippingCode: order.shippingCode,
    sourceName: order.sourceName,
    customerLocale: order.customerLocale,
    lines: order.lines.map((line) => ({
      productGid: line.productGid,
      variantGid: line.variantGid,
      sku: line.sku,
      vendor: line.vendor,
      productType: null,
      title: line.title,
      quantity: line.quantity,
    })),
  };
}
