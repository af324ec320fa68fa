import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RuleOrder } from "~/domain/rules/rule-order";
import { parseDiscountCodes, parseOrderLines, splitStoredTags } from "~/schemas/orders/order-lines";

// The shop's own order records as insert rules read them (rules never read raw payloads).

const RULE_ORDER = {
  orderGid: true, name: true, createdAtShopify: true, currency: true, totalPrice: true, customerGid: true,
  tags: true, discountCodes: true, shipCountry: true, shipProvince: true, shipZip: true, shippingMethod: true,
  shippingCode: true, sourceName: true, customerLocale: true, lines: true,
} as const;

/** The Order columns rules read (Kept's own normalized record, never a raw payload). */
export type OrderRecordForRules = Prisma.OrderGetPayload<{ select: typeof RULE_ORDER }>;

/**
 * An `Order` record as the rules engine reads it, the one mapping for the pipeline, the trial run and
 * previews. What order webhooks do not carry (the customer's order count and tags, product types) is
 * unknown here; the caller adds it with `applyResolvedFacts` (domain/rules/external-facts.ts). Unreadable
 * stored lines count as no lines.
 */
export function orderToRuleOrder(row: OrderRecordForRules): RuleOrder {
  return {
    orderGid: row.orderGid,
    name: row.name,
    createdAt: row.createdAtShopify.toISOString(),
    currency: row.currency,
    totalPrice: row.totalPrice,
    customerGid: row.customerGid,
    customerOrdersCount: null,
    customerTags: null,
    tags: splitStoredTags(row.tags),
    discountCodes: parseDiscountCodes(row.discountCodes),
    shipCountry: row.shipCountry,
    shipProvince: row.shipProvince,
    shipZip: row.shipZip,
    shippingMethod: row.shippingMethod,
    shippingCode: row.shippingCode,
    sourceName: row.sourceName,
    customerLocale: row.customerLocale,
    lines: (parseOrderLines(row.lines) ?? []).map((line) => ({
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

/** The shop's most recent orders (newest first), as rules read them. */
export async function listRecentRuleOrders(shop: string, take = 100): Promise<RuleOrder[]> {
  const rows = await prisma.order.findMany({ where: { shop }, orderBy: { createdAtShopify: "desc" }, take, select: RULE_ORDER });
  return rows.map(orderToRuleOrder);
}

/** One order of the shop as rules read it; null when the shop has no such order. */
export async function getRuleOrder(shop: string, orderGid: string): Promise<RuleOrder | null> {
  const row = await prisma.order.findUnique({ where: { shop_orderGid: { shop, orderGid } }, select: RULE_ORDER });
  return row ? orderToRuleOrder(row) : null;
}

export type SeenProduct = { productGid: string; title: string; variants: { variantGid: string; title: string; sku: string | null }[] };

/**
 * Products and variants that appear in the shop's recent orders, for picking product and variant
 * conditions without Shopify's resource picker (demo mode). The newest title wins.
 */
export async function listProductsSeen(shop: string, scanOrders = 500): Promise<SeenProduct[]> {
  const rows = await prisma.order.findMany({ where: { shop }, orderBy: { createdAtShopify: "desc" }, take: scanOrders, select: { lines: true } });
  const products = new Map<string, SeenProduct>();
  for (const row of rows) {
    for (const line of parseOrderLines(row.lines) ?? []) {
      if (!line.productGid) continue;
      const product = products.get(line.productGid) ?? { productGid: line.productGid, title: line.title, variants: [] };
      products.set(line.productGid, product);
      if (line.variantGid && !product.variants.some((variant) => variant.variantGid === line.variantGid)) {
        product.variants.push({ variantGid: line.variantGid, title: line.variantTitle ?? line.title, sku: line.sku });
      }
    }
  }
  return [...products.values()].sort((a, b) => a.title.localeCompare(b.title, "en"));
}
