import { addDays, weekdayOf, WEEKDAYS, type CivilDate } from "../promise/civil-date";
import { keptRateOf, type KeptRate, type OutcomeCount } from "./kept-rate";

/** The Monday of the week `date` falls in. */
function weekStart(date: CivilDate): CivilDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/**
 * Kept-rates per week (Monday to Sunday, by promised date) for the `weeks` weeks that end with the one
 * holding `today`, oldest first; a week with nothing due has a null rate.
 */
export function weeklyTrend(counts: readonly (OutcomeCount & { promisedDate: CivilDate })[], today: CivilDate, weeks: number) {
  const last = weekStart(today);
  const starts = Array.from({ length: weeks }, (_, index) => addDays(last, -7 * (weeks - 1 - index)));
  const byWeek = new Map<CivilDate, OutcomeCount[]>(starts.map((start) => [start, []]));
  for (const row of counts) byWeek.get(weekStart(row.promisedDate))?.push(row);
  return starts.map((start): { weekOf: CivilDate } & KeptRate => ({ weekOf: start, ...keptRateOf(byWeek.get(start) ?? []) }));
}
