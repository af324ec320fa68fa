import { defineJobs } from "../jobs/job-registry.server";
import { autoTuneJobs } from "./padding-tuner.server";
import { OUTCOME_SWEEP_MS, sweepDueOutcomes } from "./sweep-outcomes.server";

/**
 * Promise outcomes: refreshed with each event on the webhook path; the sweep handles deadlines that pass
 * with no event. The padding tuner's weekly auto-apply, for shops that switched it on.
 */
export const outcomesJobs = defineJobs({
  capability: "outcomes",
  handlers: { ...autoTuneJobs.handlers },
  scheduled: [{ name: "promise outcome deadlines", everyMs: OUTCOME_SWEEP_MS, run: sweepDueOutcomes }, autoTuneJobs.scheduled],
});
