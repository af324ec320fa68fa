import type { RuleOrder } from "~/domain/rules/rule-order";
import type { findOrderForInserts } from "~/models/insert-pipeline.server";
import { parseDiscountCodes, parseOrderLines, splitStoredTags } from "~/schemas/order-lines";

/** The Order columns the insert pipeline reads (Kept's own normalized record, never a raw payload). */
export type OrderRecordForRules = NonNullable<Awaited<ReturnType<typeof findOrderForInserts>>>;

/**
 * Builds the engine's RuleOrder from the stored order. Order payloads carry no product type, so line
 * conditions on product type never match (docs/inserts.md). Unreadable stored lines count as no lines.
 */
export function orderToRuleOrder(order: OrderRecordForRules): RuleOrder {
  return {
    orderGid: order.orderGid,
    name: order.name,
    createdAt: order.createdAtShopify.toISOString(),
    currency: order.currency,
    totalPrice: order.totalPrice,
    customerGid: order.customerGid,
    customerOrdersCount: order.customerOrdersCount,
    customerTags: splitStoredTags(order.customerTags),
    tags: splitStoredTags(order.tags),
    discountCodes: parseDiscountCodes(order.discountCodes),
    shipCountry: order.shipCountry,
    shipProvince: order.shipProvince,
    shipZip: order.shipZip,
    shippingMethod: order.shippingMethod,
    shippingCode: order.shippingCode,
    sourceName: order.sourceName,
    customerLocale: order.customerLocale,
    lines: (parseOrderLines(order.lines) ?? []).map((line) => ({
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
