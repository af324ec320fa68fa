import { defineJobs } from "../jobs/job-registry.server";
import { OUTCOME_SWEEP_MS, sweepDueOutcomes } from "./sweep-outcomes.server";

/** Promise outcomes: refreshed with each event on the webhook path; this sweep handles deadlines that pass with no event. */
export const outcomesJobs = defineJobs({
  capability: "outcomes",
  handlers: {},
  scheduled: [{ name: "promise outcome deadlines", everyMs: OUTCOME_SWEEP_MS, run: sweepDueOutcomes }],
});
