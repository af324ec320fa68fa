// Display formatting shared by the admin pages. Dates are always shown in UTC as "2026-11-20 10:00",
// so server and browser render the same text (no hydration mismatch) and pages agree with each other.

/** "2026-11-20 10:00" (UTC), or "—" when there is no date. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** "2.5 d" with one decimal, or "—". */
export function formatDays(days: number | null | undefined): string {
  return days === null || days === undefined ? "—" : `${days.toFixed(1)} d`;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Sweden" for "SE"; "rest of world" for Shopify's and Kept's "*". */
export function countryName(code: string): string {
  if (code === "*") return "rest of world";
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
