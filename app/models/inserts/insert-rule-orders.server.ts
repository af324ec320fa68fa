import prisma from "~/models/db/prisma.server";
import { toRuleOrder } from "~/domain/orders/order-record";
import type { RuleOrder } from "~/domain/rules/rule-order";
import { parseOrderLines } from "~/schemas/orders/order-lines";
import { findOrderRecord, listRecentOrderRecords } from "../orders/order.server";

// The shop's own order records as insert rules read them (rules never read raw payloads).

/** The shop's most recent orders (newest first), as rules read them. */
export async function listRecentRuleOrders(shop: string, take = 100): Promise<RuleOrder[]> {
  return (await listRecentOrderRecords(shop, take)).map(toRuleOrder);
}

/** One order of the shop as rules read it; null when the shop has no such order. */
export async function getRuleOrder(shop: string, orderGid: string): Promise<RuleOrder | null> {
  const order = await findOrderRecord(shop, orderGid);
  return order ? toRuleOrder(order) : null;
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
