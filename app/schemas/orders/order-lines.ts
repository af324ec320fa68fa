import { z } from "zod";
import type { OrderLine } from "~/domain/orders/order-record";

/** One stored order line (Order.lines JSON, written by the order model from the normalized record). */
const orderLineSchema: z.ZodType<OrderLine> = z.object({
  lineGid: z.string(),
  productGid: z.string().nullable(),
  variantGid: z.string().nullable(),
  sku: z.string().nullable(),
  vendor: z.string().nullable(),
  title: z.string(),
  variantTitle: z.string().nullable(),
  quantity: z.number(),
  price: z.string(),
});

/** Parses Order.lines; null when the stored JSON is not what Kept writes (never guessed). */
export function parseOrderLines(json: string): OrderLine[] | null {
  try {
    const result = z.array(orderLineSchema).safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Parses Order.discountCodes (a JSON array of codes); [] when unreadable. */
export function parseDiscountCodes(json: string): string[] {
  try {
    const result = z.array(z.string()).safeParse(JSON.parse(json));
    return result.success ? result.data : [];
  } catch {
    return [];
  }
}

/** Order.tags / customerTags are stored comma-joined. */
export function splitStoredTags(tags: string): string[] {
  return tags.split(",").filter(Boolean);
}
