import { flowJobs } from "../flow/flow-jobs.server";
import { followUpsJobs } from "../follow-ups/follow-ups-jobs.server";
import { insertsJobs } from "../inserts/inserts-jobs.server";
import { intakeJobs } from "../intake/intake-jobs.server";
import { outcomesJobs } from "../outcomes/outcomes-jobs.server";
import { promiseJobs } from "../promise/promise-jobs.server";
import { composeJobs } from "./job-registry.server";
import { createJobRunner } from "./run-jobs.server";

// The one place that lists the capabilities with jobs: a new capability adds its `<capability>-jobs.server.ts`
// and one line here (test/architecture/job-registry.test.ts checks that every such file is listed).
export const CAPABILITY_JOBS = [intakeJobs, promiseJobs, insertsJobs, outcomesJobs, followUpsJobs, flowJobs];

/** The worker of the app: every capability's jobs (the entry points and the tests use these). */
export const { runDueJobs, drainJobs, startWorker } = createJobRunner(composeJobs(CAPABILITY_JOBS));
