import { wallClockAt } from "../promise/civil-date";

/** A wall-clock reading without a zone, as a `datetime-local` input holds it: "2026-12-01T09:00". */
export type WallTime = string;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The wall clock of `timeZone` at `epochMs`, read as if it were UTC (minutes precision). */
function wallAsUtcMs(epochMs: number, timeZone: string): number {
  const { date, minuteOfDay } = wallClockAt(epochMs, timeZone);
  return Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
}

/**
 * What the clocks of `timeZone` show at the instant `iso` ("2026-12-01T09:00" in Europe/Stockholm for
 * "2026-12-01T08:00:00Z"). Null for something that is not an instant or an unknown zone.
 */
export function toWallTime(iso: string, timeZone: string): WallTime | null {
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return null;
  try {
    return new Date(wallAsUtcMs(epochMs, timeZone)).toISOString().slice(0, 16);
  } catch {
    return null;
  }
}

/**
 * The instant (ISO, UTC) at which the clocks of `timeZone` show `wall`. Merchants enter schedules in the
 * shop's time zone; rules store instants. Around daylight-saving changes: a time that happens twice
 * (clocks go back) means the first of the two; a time that never happens (clocks jump forward) is moved
 * forward by the jump (02:30 on the spring-forward night in Stockholm becomes 03:30). Null for bad input.
 */
export function fromWallTime(wall: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(naive).toISOString().slice(0, 16) !== wall) return null; // e.g. 2026-02-30 or 25:00
  try {
    // The zone's offset a day before and a day after: at most one change lies in between.
    const offsets = [naive - MS_PER_DAY, naive + MS_PER_DAY].map((at) => wallAsUtcMs(at, timeZone) - at);
    const exact = offsets.map((offset) => naive - offset).filter((candidate) => wallAsUtcMs(candidate, timeZone) === naive);
    const instant = exact.length > 0 ? Math.min(...exact) : naive - offsets[0];
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}
