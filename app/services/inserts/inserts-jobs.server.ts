import { INSERTS_ASSIGN_JOB } from "~/models/inserts/insert-assign-queue.server";
import { defineJobs } from "../jobs/job-registry.server";
import { runInsertAssignJob } from "./assign-inserts.server";
import { INSERT_JOBS } from "./queue-insert-jobs.server";
import { runInsertDiscountJob } from "./run-insert-discount-job.server";
import { runInsertMetafieldJob, runInsertTagJob } from "./run-insert-writeback-jobs.server";

/** The insert pipeline: the decision per order, then its codes, the order tag and the packing-plan metafield. */
export const insertsJobs = defineJobs({
  capability: "inserts",
  handlers: {
    [INSERTS_ASSIGN_JOB]: runInsertAssignJob,
    [INSERT_JOBS.discount]: runInsertDiscountJob,
    [INSERT_JOBS.tag]: runInsertTagJob,
    [INSERT_JOBS.metafield]: runInsertMetafieldJob,
  },
});
