// 2^53 has 16 digits: a body without a run of 16 digits cannot hold an integer that JSON.parse would round.
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * Parses a Shopify JSON body without losing precision: an integer literal beyond 2^53 (legacy numeric
 * ids) comes back as its exact digit string instead of a rounded number. Uses the reviver's `source`
 * context (Node >= 21), and only when the body has a run of 16+ digits (the reviver is several times
 * slower than a plain parse, and this runs for every delivery).
 */
export function parseShopifyJson(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
    if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
      return context.source;
    }
    return value;
  });
}
