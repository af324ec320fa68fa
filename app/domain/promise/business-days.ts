import { addDays, weekdayOf, type CivilDate, type Weekday } from "./civil-date";

/** Which days a party (warehouse or carrier) works: weekdays minus specific closed dates. */
export interface WorkCalendar {
  openWeekdays: ReadonlySet<Weekday>;
  closedDates: ReadonlySet<CivilDate>;
}

/**
 * Safety bound for stepping: no realistic calendar has a gap of more than a year between
 * open days. Past it we report "calendar exhausted" instead of looping forever.
 */
const MAX_GAP_DAYS = 366;

/** Builds a calendar from plain lists (the compact config form). */
export function createWorkCalendar(openWeekdays: readonly Weekday[], closedDates: readonly CivilDate[]): WorkCalendar {
  return { openWeekdays: new Set(openWeekdays), closedDates: new Set(closedDates) };
}

/** True when the calendar works on `date`: its weekday is open and the date is not closed. */
export function isOpenDay(calendar: WorkCalendar, date: CivilDate): boolean {
  return calendar.openWeekdays.has(weekdayOf(date)) && !calendar.closedDates.has(date);
}

/**
 * The first open day on or after `date` (the date itself when it is open), or null when
 * no open day follows within a year.
 */
export function nextOpenDayOnOrAfter(calendar: WorkCalendar, date: CivilDate): CivilDate | null {
  let candidate = date;
  for (let gap = 0; gap <= MAX_GAP_DAYS; gap++) {
    if (isOpenDay(calendar, candidate)) return candidate;
    candidate = addDays(candidate, 1);
  }
  return null;
}

/**
 * Counts `businessDays` open days forward from `start`. Work can only begin on an open day,
 * so counting starts from the first open day on or after `start` (a Saturday hand-over to a
 * Mon–Fri carrier is picked up on Monday):
 * - 0 business days: that first open day ("same day").
 * - n ≥ 1: the n-th open day after it.
 * Returns null when the calendar runs out of open days (see MAX_GAP_DAYS).
 */
export function addBusinessDays(calendar: WorkCalendar, start: CivilDate, businessDays: number): CivilDate | null {
  let current = nextOpenDayOnOrAfter(calendar, start);
  for (let counted = 0; counted < businessDays && current !== null; counted++) {
    current = nextOpenDayOnOrAfter(calendar, addDays(current, 1));
  }
  return current;
}
