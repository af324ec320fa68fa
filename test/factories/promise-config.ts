import type { Lane, PromiseConfig } from "../../app/domain/promise/promise-config";

/** A Stockholm warehouse (Mon–Fri, 14:00 cut-off, Friday 12:00, 0–1 processing days, padding 1) with the given lanes. */
export function stockholmConfig(lanes: Lane[]): PromiseConfig {
  return {
    version: 1,
    timeZone: "Europe/Stockholm",
    cutoffs: { mon: "14:00", tue: "14:00", wed: "14:00", thu: "14:00", fri: "12:00" },
    processingDays: { min: 0, max: 1 },
    workingDays: ["mon", "tue", "wed", "thu", "fri"],
    closedDates: [],
    carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: [] },
    lanes,
    paddingDays: 1,
  };
}

/** The delivery customization's variables Kept writes for the Stockholm example settings (docs/examples/promise-settings.json): cut-offs as TimeWithoutTimezone, no cut-off = 00:00:00. */
export const STOCKHOLM_FUNCTION_VARIABLES = {
  cutoffMon: "14:00:00",
  cutoffTue: "14:00:00",
  cutoffWed: "14:00:00",
  cutoffThu: "14:00:00",
  cutoffFri: "13:00:00",
  cutoffSat: "00:00:00",
  cutoffSun: "00:00:00",
};
