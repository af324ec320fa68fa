/**
 * Money amounts are compared exactly as integers of millionths (six fraction digits cover every ISO currency
 * and Shopify's own precision), never as floats: "100.10" ≥ "100.1" must hold and "0.30" must equal "0.1"+"0.2".
 */
const FRACTION_DIGITS = 6;
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "120.5" → 120500000n. Returns null for anything that is not a plain decimal with at most six fraction digits. */
export function parseDecimalToMicros(value: string): bigint | null {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > FRACTION_DIGITS) return null;
  const micros = BigInt(whole + fraction.padEnd(FRACTION_DIGITS, "0"));
  return sign === "-" ? -micros : micros;
}

/** True when the string is a decimal amount we can compare exactly. */
export function isDecimalAmount(value: string): boolean {
  return parseDecimalToMicros(value) !== null;
}
