// 2^53 has 16 digits: a body without a run of 16 digits cannot hold an integer that JSON.parse would round.
const LONG_DIGIT_RUN = /\d{16}/;

/** The reviver's third argument (Node >= 21): the literal text of a primitive value. */
type ReviverContext = { source?: string };

/** JSON.rawJSON (Node >= 21, not yet in TypeScript's lib): a value JSON.stringify writes verbatim. */
const { rawJSON } = JSON as JSON & { rawJSON(text: string): unknown };

/** The literal of an integer that JSON.parse rounded, or null. */
function roundedIntegerLiteral(value: unknown, context: ReviverContext | undefined): string | null {
  if (typeof value !== "number" || Number.isSafeInteger(value) || !context?.source) return null;
  return /^-?\d+$/.test(context.source) ? context.source : null;
}

/**
 * Parses a Shopify JSON body without losing precision: an integer literal beyond 2^53 (legacy numeric
 * ids) comes back as its exact digit string instead of a rounded number. Uses the reviver's `source`
 * context, and only when the body has a run of 16+ digits (the reviver is several times slower than a
 * plain parse, and this runs for every delivery).
 */
export function parseShopifyJson(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown, context?: ReviverContext) => roundedIntegerLiteral(value, context) ?? value);
}

/**
 * Pretty-prints a Shopify JSON body (2-space indent) for people to read: every number is written exactly
 * as it was received, so an id above 2^53 keeps its digits and stays a number (not a quoted string).
 * Throws a SyntaxError on invalid JSON, like JSON.parse.
 */
export function formatShopifyJson(text: string): string {
  const exact = JSON.parse(text, (_key, value: unknown, context?: ReviverContext) =>
    typeof value === "number" && context?.source ? rawJSON(context.source) : value,
  );
  return JSON.stringify(exact, null, 2);
}
