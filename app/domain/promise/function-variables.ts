import { WEEKDAYS, type Weekday } from "./civil-date";
import type { PromiseConfig } from "./promise-config";

const VARIABLE_NAMES: Record<Weekday, string> = {
  mon: "cutoffMon",
  tue: "cutoffTue",
  wed: "cutoffWed",
  thu: "cutoffThu",
  fri: "cutoffFri",
  sat: "cutoffSat",
  sun: "cutoffSun",
};

/**
 * The Function's input-query variables: each weekday's cut-off as a TimeWithoutTimezone for
 * `shop.localTime.timeAfter`, which is true "at or past" the time, the engine's rule too. A day without a
 * cut-off gets "00:00:00" (always past: no same-day start); "24:00" gets "23:59:59", so only the day's
 * last second counts as past, which gives the later, safe date.
 */
export function functionCutoffVariables(config: PromiseConfig): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const cutoff = config.cutoffs[day];
    variables[VARIABLE_NAMES[day]] = cutoff === undefined ? "00:00:00" : cutoff === "24:00" ? "23:59:59" : `${cutoff}:00`;
  }
  return variables;
}
