/**
 * Plain calendar dates ("civil dates", YYYY-MM-DD) and wall-clock readings of
 * instants in IANA time zones. No date library: the arithmetic runs on day
 * numbers (days since 1970-01-01) and zone math uses Intl.DateTimeFormat.
 */

/** A calendar date without time or zone, always written `YYYY-MM-DD`. */
export type CivilDate = string;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MS_PER_DAY = 86_400_000;
const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD (e.g. no 2026-02-30). */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== "string") return false;
  const match = CIVIL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toDayNumber(date: CivilDate): number {
  const match = CIVIL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a civil date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): CivilDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar date `days` days after `date` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The day of the week of a calendar date. */
export function weekdayOf(date: CivilDate): Weekday {
  // 1970-01-01 was a Thursday (index 3 in WEEKDAYS).
  const index = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index];
}

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The later of two calendar dates. */
export function laterDate(a: CivilDate, b: CivilDate): CivilDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** What a wall clock in some time zone shows at a given instant. */
export interface WallClock {
  date: CivilDate;
  /** Minutes since local midnight, seconds dropped (14:00:59 → 840). */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA time zone name (e.g. "Europe/Stockholm"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `epochMs`, in whole seconds as ms (Intl's reading of the wall clock, seconds included). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  // setUTCFullYear, not Date.UTC: that reads years 0–99 as 1900–1999.
  const shown = new Date(0);
  shown.setUTCFullYear(part("year"), part("month") - 1, part("day"));
  shown.setUTCHours(part("hour"), part("minute"), part("second"));
  return shown.getTime() - Math.floor(epochMs / 1000) * 1000;
}

const OFFSET_SPAN_MS = 15 * 60_000;
/** Offsets by zone and quarter hour of UTC: reading a wall clock through Intl costs microseconds, and the
 * scheduler and the promise engine read thousands at nearby instants. */
const offsets = new Map<string, number | null>();

/** The offset valid through the quarter hour around `epochMs`, or null when it changes inside it. */
function quarterOffset(epochMs: number, timeZone: string): number | null {
  const start = Math.floor(epochMs / OFFSET_SPAN_MS) * OFFSET_SPAN_MS;
  const key = `${timeZone}\n${start}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const first = offsetAt(start, timeZone);
  const offset = first === offsetAt(start + OFFSET_SPAN_MS - 1000, timeZone) ? first : null;
  if (offsets.size >= 20_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * The date and time a wall clock in `timeZone` shows at `epochMs`, e.g. the shop's local
 * date and minute when an order was placed. Throws RangeError for an unknown zone.
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const offset = quarterOffset(epochMs, timeZone) ?? offsetAt(epochMs, timeZone);
  const shown = new Date(Math.floor(epochMs / 1000) * 1000 + offset);
  return {
    date: shown.toISOString().slice(0, 10),
    minuteOfDay: shown.getUTCHours() * 60 + shown.getUTCMinutes(),
  };
}

/**
 * The first instant at which the calendar in `timeZone` shows `date` (local midnight, or the
 * first existing minute after it when a DST jump skips midnight).
 */
export function startOfDayInstant(date: CivilDate, timeZone: string): number {
  const naiveUtc = toDayNumber(date) * MS_PER_DAY;
  let guess = naiveUtc;
  // Two correction passes settle on the zone offset valid at the target instant.
  for (let pass = 0; pass < 2; pass++) {
    const seen = wallClockAt(guess, timeZone);
    const seenAsUtc = toDayNumber(seen.date) * MS_PER_DAY + seen.minuteOfDay * 60_000;
    guess -= seenAsUtc - naiveUtc;
  }
  // If the guess landed on the previous day (midnight skipped), step forward minute-wise by the gap.
  const seen = wallClockAt(guess, timeZone);
  return compareDates(seen.date, date) < 0 ? guess + (1440 - seen.minuteOfDay) * 60_000 : guess;
}
