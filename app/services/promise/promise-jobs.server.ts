import { SHIPPING_SNAPSHOT_JOB } from "~/models/promise/shipping-snapshot.server";
import { defineJobs } from "../jobs/job-registry.server";
import { runPromiseSyncJob } from "./run-promise-sync-job.server";
import { runShippingSnapshotJob } from "./run-shipping-snapshot-job.server";
import { DAILY_SYNC_CHECK_MS, queueDailyPromiseSyncs } from "./schedule-promise-syncs.server";

/** The checkout config sync (on save and daily) and the read of the shop's shipping options. */
export const promiseJobs = defineJobs({
  capability: "promise",
  handlers: { "promise.sync-config": runPromiseSyncJob, [SHIPPING_SNAPSHOT_JOB]: runShippingSnapshotJob },
  scheduled: [{ name: "daily promise config sync", everyMs: DAILY_SYNC_CHECK_MS, run: queueDailyPromiseSyncs }],
});
