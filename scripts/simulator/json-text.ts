/**
 * JSON values as Shopify sends them. `bigint` marks an integer literal beyond 2^53 (legacy 64-bit ids):
 * it is written as its exact digits, never through a rounded JS number.
 */
export type JsonValue = string | number | boolean | null | bigint | JsonValue[] | { [key: string]: JsonValue | undefined };

// A bigint becomes a NUL-prefixed marker string, then the quoted marker is swapped for the bare digits.
// (JSON.rawJSON would do this natively but only exists on Node >= 21; this works on any runtime.)
const MARKER = "\u0000bigint:";
const QUOTED_MARKER = /"\\u0000bigint:(-?\d+)"/g;

/** The exact body text: bigints as raw integer literals, everything else as JSON.stringify writes it. */
export function toJsonText(value: JsonValue): string {
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${MARKER}${item.toString()}` : item));
  return text.replace(QUOTED_MARKER, "$1");
}
