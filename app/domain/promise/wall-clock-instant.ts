import { compareDates, startOfDayInstant, wallClockAt, type CivilDate } from "./civil-date";

/**
 * The instant (epoch ms) at which a wall clock in `timeZone` shows `date` at `minuteOfDay`
 * (e.g. "what instant is Mon 24 Nov 10:00 in Stockholm?"). DST inside the day is accounted for.
 * A wall time that does not exist (skipped by a spring-forward jump) resolves to the instant the
 * clock shows one hour later, never earlier. Throws RangeError for an unknown zone.
 */
export function instantAtWallClock(date: CivilDate, minuteOfDay: number, timeZone: string): number {
  const guess = startOfDayInstant(date, timeZone) + minuteOfDay * 60_000;
  // The offset at midnight can differ from the offset at the target minute; correct by the drift seen.
  const seen = wallClockAt(guess, timeZone);
  const drift = compareDates(seen.date, date) * 1440 + seen.minuteOfDay - minuteOfDay;
  const corrected = guess - drift * 60_000;
  const check = wallClockAt(corrected, timeZone);
  return check.date === date && check.minuteOfDay === minuteOfDay ? corrected : Math.max(guess, corrected);
}
