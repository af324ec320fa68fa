/**
 * Parses a Shopify JSON body without losing precision: an integer literal beyond 2^53 (legacy numeric
 * ids) comes back as its exact digit string instead of a rounded number. Uses the reviver's `source`
 * context (Node >= 21).
 */
export function parseShopifyJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
    if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
      return context.source;
    }
    return value;
  });
}
