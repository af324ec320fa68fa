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

/**
 * "Thu 26 Nov 2026, 10:00" in `timeZone` (the shop's), or "—". Worked out on the server and sent as text,
 * so the browser shows the same words.
 */
export function formatInZone(value: Date | string | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}
