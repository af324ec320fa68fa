import { addDays, wallClockAt } from "../promise/civil-date";
import { fromWallTime } from "../time/wall-time";

/** The customer's local hours in which messages go out, minutes from midnight: [startMinute, endMinute). */
export type SendWindow = { startMinute: number; endMinute: number };

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/**
 * The first instant at or after `at` that falls in the window on the clocks of `timeZone` (quiet hours are the
 * rest of the day). Across a daylight-saving change the window is read on the day's own clock: 09:00 is 09:00
 * local on the day the clocks go back as on any other. A window that ends before it starts runs across
 * midnight (21:00–02:00).
 */
export function intoSendWindow(at: Date, timeZone: string, window: SendWindow): Date {
  const { date, minuteOfDay } = wallClockAt(at.getTime(), timeZone);
  const { startMinute, endMinute } = window;
  const inside = startMinute <= endMinute ? minuteOfDay >= startMinute && minuteOfDay < endMinute : minuteOfDay >= startMinute || minuteOfDay < endMinute;
  if (inside || startMinute === endMinute) return at;
  // Before the window opens today, or after it closed: the next opening.
  const day = minuteOfDay < startMinute ? date : addDays(date, 1);
  const opening = fromWallTime(`${day}T${hhmm(startMinute)}`, timeZone);
  return opening ? new Date(opening) : at;
}
