import { claimJobs, failJob, type ClaimedJob } from "~/models/job.server";
import { processWebhookBatch, processWebhookJob } from "./process-webhook.server";
import { runInsertAssignJob } from "./assign-inserts.server";
import { INSERT_JOBS } from "./insert-jobs.server";
import { runInsertDiscountJob } from "./run-insert-discount-job.server";
import { runInsertMetafieldJob, runInsertTagJob } from "./run-insert-writeback-jobs.server";
import { runPromiseSyncJob } from "./run-promise-sync-job.server";

const WEBHOOK_CHUNK = 10;

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Every job type the worker knows. Handlers mark their job done inside their own transaction. */
const JOB_HANDLERS: Record<string, JobHandler> = {
  "webhook.process": processWebhookJob,
  "promise.sync-config": runPromiseSyncJob,
  "inserts.assign": runInsertAssignJob,
  [INSERT_JOBS.discount]: runInsertDiscountJob,
  [INSERT_JOBS.tag]: runInsertTagJob,
  [INSERT_JOBS.metafield]: runInsertMetafieldJob,
};

export function registerJobHandler(type: string, handler: JobHandler) {
  JOB_HANDLERS[type] = handler;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Claims one batch of due jobs and runs them; returns how many were claimed. */
export async function runDueJobs(options: { batchSize?: number; leaseMs?: number } = {}): Promise<number> {
  const jobs = await claimJobs(options.batchSize ?? 50, options.leaseMs ?? 60_000);
  // Order and fulfillment deliveries go through in one transaction; the rest (and a failed batch) one by one.
  // Chunks of 10 keep each transaction (and so the time the intake may wait for SQLite's write lock) short,
  // and the pause between chunks lets waiting HTTP requests in.
  const webhookJobs = jobs.filter((job) => job.type === "webhook.process");
  const single = jobs.filter((job) => job.type !== "webhook.process");
  for (let start = 0; start < webhookJobs.length; start += WEBHOOK_CHUNK) {
    const chunk = webhookJobs.slice(start, start + WEBHOOK_CHUNK);
    single.push(...(await processWebhookBatch(chunk).catch(() => chunk)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const job of single) {
    const handler = JOB_HANDLERS[job.type];
    try {
      if (!handler) throw new Error(`unknown job type ${job.type}`);
      await handler(job);
    } catch (error: unknown) {
      const outcome = await failJob(job, describe(error));
      console.warn(`[worker] job ${job.id} (${job.type}) failed, ${outcome}: ${describe(error)}`);
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

export type Worker = { stop(): Promise<void> };

/**
 * The outbox worker loop: polls for due jobs, runs them with retries and backoff (see failJob), and
 * keeps going after any error. Runs in the web process by default and alone with `npm run worker`.
 */
export function startWorker(options: { pollMs: number; batchSize?: number }): Worker {
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      let claimed = 0;
      try {
        claimed = await runDueJobs({ batchSize: options.batchSize });
      } catch (error: unknown) {
        console.error(`[worker] poll failed: ${describe(error)}`);
      }
      if (claimed === 0 && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, options.pollMs);
        });
      }
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
