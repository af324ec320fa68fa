import type { CivilDate } from "./civil-date";

/**
 * Shows a promise date the way a shopper reads it, e.g. "Fri, 3 Apr" (en-GB) or "Fr., 3. Apr." (de).
 * The date is a civil date, so it is formatted as midnight UTC in UTC: the shopper's own
 * device time zone can never shift it to the day before or after.
 */
export function formatPromiseDate(date: CivilDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}
