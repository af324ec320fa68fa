const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a date the way the customer reads it ("1. Dezember 2026", "December 1, 2026", "1 декабря 2026 г.").
 * An instant ("2026-12-01T09:00:00Z") is shown as the calendar day in `timeZone`; a plain date ("2026-12-01")
 * is a calendar day already and is shown as is, whatever the zone. Unknown locales fall back to English.
 * Returns null for input that is not a date.
 */
export function formatDateForLocale(isoDate: string, locale: string, timeZone: string): string | null {
  const isDateOnly = DATE_ONLY.test(isoDate);
  const instant = new Date(isDateOnly ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(instant.getTime())) return null;
  return formatterFor(locale, isDateOnly ? "UTC" : timeZone).format(instant);
}

/** Formatters by locale and zone: making one (and checking the locale) costs far more than formatting. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}\n${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(pickSupportedLocale(locale), { dateStyle: "long", timeZone });
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

function pickSupportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale.replace(/_/g, "-")])[0] ?? "en";
  } catch {
    return "en"; // not a well-formed language tag
  }
}
