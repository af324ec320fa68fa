import { claimJobs, failJob, type ClaimedJob } from "~/models/jobs/job.server";
import { INSERTS_ASSIGN_JOB } from "~/models/inserts/insert-assign-queue.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { describeError, processWebhookJobs } from "../intake/process-webhook-batch.server";
import { processWebhookJob } from "../intake/process-webhook.server";
import { runInsertAssignJob } from "../inserts/assign-inserts.server";
import { INSERT_JOBS } from "../inserts/insert-jobs.server";
import { runInsertDiscountJob } from "../inserts/run-insert-discount-job.server";
import { runInsertMetafieldJob, runInsertTagJob } from "../inserts/run-insert-writeback-jobs.server";
import { runPromiseSyncJob } from "../promise/run-promise-sync-job.server";
import { runShippingSnapshotJob } from "../promise/run-shipping-snapshot-job.server";
import { DAILY_SYNC_CHECK_MS, queueDailyPromiseSyncs } from "../promise/schedule-promise-syncs.server";

/** Jobs claimed at once; order and fulfillment deliveries among them are applied WEBHOOK_CHUNK per transaction. */
const BATCH_SIZE = 100;
/** After a batch smaller than BATCH_SIZE, the pause before the next claim. */
const GATHER_MS = 10;

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Every job type the worker knows. Handlers mark their job done inside their own transaction. */
const JOB_HANDLERS: Record<string, JobHandler> = {
  "webhook.process": processWebhookJob,
  "promise.sync-config": runPromiseSyncJob,
  "shipping.snapshot": runShippingSnapshotJob,
  [INSERTS_ASSIGN_JOB]: runInsertAssignJob,
  [INSERT_JOBS.discount]: runInsertDiscountJob,
  [INSERT_JOBS.tag]: runInsertTagJob,
  [INSERT_JOBS.metafield]: runInsertMetafieldJob,
};

export function registerJobHandler(type: string, handler: JobHandler) {
  JOB_HANDLERS[type] = handler;
}

/**
 * Claims one batch of due jobs and runs them; returns how many were claimed. Order and fulfillment
 * deliveries take the synchronous hot path (process-webhook-batch.server.ts); every other job runs alone
 * through its handler, and a failure is retried with backoff or dead-lettered (failJob).
 */
export async function runDueJobs(options: { batchSize?: number; leaseMs?: number } = {}): Promise<number> {
  const db = getWorkerDb();
  const jobs = claimJobs(db, options.batchSize ?? BATCH_SIZE, options.leaseMs ?? 60_000);
  const single = [
    ...processWebhookJobs(db, jobs.filter((job) => job.type === "webhook.process")),
    ...jobs.filter((job) => job.type !== "webhook.process"),
  ];
  for (const job of single) {
    const handler = JOB_HANDLERS[job.type];
    try {
      if (!handler) throw new Error(`unknown job type ${job.type}`);
      await handler(job);
    } catch (error: unknown) {
      const outcome = failJob(getWorkerDb(), job, describeError(error));
      if (outcome === "cancelled") console.info(`[worker] job ${job.id} (${job.type}) was cancelled while it ran; nothing of it applied`);
      else console.warn(`[worker] job ${job.id} (${job.type}) failed, ${outcome}: ${describeError(error)}`);
    }
  }
  return jobs.length;
}

/** Runs batches until nothing is due (tests and the benchmark use it to drain the queue). */
export async function drainJobs(): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await runDueJobs();
    if (claimed === 0) return total;
    total += claimed;
  }
}

/** The worker's scheduled work: queue the jobs that are due by the clock (each idempotent per period). */
function queueScheduledJobs(now: Date) {
  try {
    const queued = queueDailyPromiseSyncs(getWorkerDb(), now);
    if (queued > 0) console.log(`[worker] queued ${queued} daily promise config sync(s)`);
  } catch (error: unknown) {
    console.error(`[worker] scheduling failed: ${describeError(error)}`);
  }
}

export type Worker = { stop(): Promise<void> };

/**
 * The outbox worker loop: polls for due jobs, runs them with retries and backoff (see failJob), and
 * keeps going after any error. At start and every 15 minutes it also queues the clock's jobs (the daily
 * promise config sync); every worker does, and dedupe keys make that safe. Runs on a worker thread of
 * the web process by default (worker-thread.server.ts) and alone with `npm run worker`.
 */
export function startWorker(options: { pollMs: number; batchSize?: number }): Worker {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let running = true;
  let wake: (() => void) | undefined;
  let nextScheduleAt = 0;
  const loop = (async () => {
    while (running) {
      if (Date.now() >= nextScheduleAt) {
        nextScheduleAt = Date.now() + DAILY_SYNC_CHECK_MS;
        queueScheduledJobs(new Date());
      }
      let claimed = 0;
      try {
        claimed = await runDueJobs({ batchSize });
      } catch (error: unknown) {
        console.error(`[worker] poll failed: ${describeError(error)}`);
      }
      // A full batch: claim again at once (yielding, so timers and the stop message get their turn). A
      // small one: let the next batch gather for a moment, as each batch costs a few commits whatever its
      // size. Nothing: wait for the next poll.
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (claimed >= batchSize) setImmediate(resolve);
        else setTimeout(resolve, claimed > 0 ? Math.min(GATHER_MS, options.pollMs) : options.pollMs);
      });
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
