import { randomUUID } from "node:crypto";
import { claimJobs, failJob, renewLeases, type ClaimedJob } from "~/models/jobs/job.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import type { JobRegistry } from "./job-registry.server";
import { errorText } from "~/domain/errors/error-text";

/** Jobs claimed at once; order and fulfillment deliveries among them are applied WEBHOOK_CHUNK per transaction. */
const BATCH_SIZE = 100;
/**
 * A claim's lease, renewed every third of it while its batch runs (renewLeases): the jobs of a worker that
 * crashed are claimed again within this long (plus a poll), and a live worker keeps a job however long it takes.
 */
const LEASE_MS = 15_000;
/** After a batch smaller than BATCH_SIZE, the pause before the next claim. */
const GATHER_MS = 10;

type Worker = { stop(): Promise<void> };

export type JobRunner = {
  /** Claims one batch of due jobs and runs them; returns how many were claimed. */
  runDueJobs(options?: { batchSize?: number; leaseMs?: number }): Promise<number>;
  /** Runs batches until nothing is due (tests and the benchmark use it to drain the queue). */
  drainJobs(): Promise<number>;
  /** The worker loop (below). */
  startWorker(options: { pollMs: number; batchSize?: number }): Worker;
};

/**
 * The outbox worker over the capabilities' jobs in `registry` (all-jobs.server.ts composes the app's).
 * A claimed batch goes first to the batch handlers of its types (the webhook hot path, synchronous on the
 * worker's connection); what they leave, and every other job, runs alone through its type's handler, and
 * a failure is retried with backoff or dead-lettered (failJob).
 */
export function createJobRunner(registry: JobRegistry): JobRunner {
  async function runDueJobs(options: { batchSize?: number; leaseMs?: number } = {}): Promise<number> {
    const db = getWorkerDb();
    const leaseMs = options.leaseMs ?? LEASE_MS;
    const claim = randomUUID();
    const jobs = claimJobs(db, options.batchSize ?? BATCH_SIZE, leaseMs, new Date(), claim);
    if (jobs.length === 0) return 0;
    const renewal = setInterval(
      () => {
        try {
          renewLeases(db, claim, leaseMs);
        } catch (error: unknown) {
          // A busy database: the next tick tries again, well before the lease runs out.
          console.warn(`[worker] lease renewal failed: ${errorText(error, { withName: true })}`);
        }
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    try {
      await runClaimed(db, jobs);
    } finally {
      clearInterval(renewal);
    }
    return jobs.length;
  }

  async function runClaimed(db: ReturnType<typeof getWorkerDb>, jobs: ClaimedJob[]): Promise<void> {
    const single = jobs.filter((job) => !registry.batches.has(job.type));
    for (const [type, batch] of registry.batches) {
      const ofType = jobs.filter((job) => job.type === type);
      if (ofType.length > 0) single.unshift(...batch(db, ofType));
    }
    // One by one, except the types that may run side by side: those after the rest, each in its lanes.
    const sideBySide = new Map<string, ClaimedJob[]>();
    for (const job of single) {
      if ((registry.concurrency.get(job.type) ?? 1) > 1) sideBySide.set(job.type, [...(sideBySide.get(job.type) ?? []), job]);
      else await runJob(job);
    }
    for (const [type, list] of sideBySide) {
      let next = 0;
      const lane = async () => {
        while (next < list.length) await runJob(list[next++]);
      };
      await Promise.all(Array.from({ length: Math.min(registry.concurrency.get(type) ?? 1, list.length) }, lane));
    }
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const handler = registry.handlers.get(job.type);
    try {
      if (!handler) throw new Error(`unknown job type ${job.type}`);
      await handler(job);
    } catch (error: unknown) {
      const outcome = failJob(getWorkerDb(), job, errorText(error, { withName: true }));
      if (outcome === "cancelled") console.info(`[worker] job ${job.id} (${job.type}) was cancelled while it ran; nothing of it applied`);
      else console.warn(`[worker] job ${job.id} (${job.type}) failed, ${outcome}: ${errorText(error, { withName: true })}`);
    }
  }

  async function drainJobs(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await runDueJobs();
      if (claimed === 0) return total;
      total += claimed;
    }
  }

  /** The clock's work that is due: each task queues its jobs idempotently per period. */
  function queueScheduledJobs(nextAt: Map<string, number>, now: Date) {
    for (const task of registry.scheduled) {
      if (now.getTime() < (nextAt.get(task.name) ?? 0)) continue;
      nextAt.set(task.name, now.getTime() + task.everyMs);
      try {
        const queued = task.run(getWorkerDb(), now);
        if (queued > 0) console.log(`[worker] queued ${queued} job(s): ${task.name}`);
      } catch (error: unknown) {
        console.error(`[worker] scheduling failed (${task.name}): ${errorText(error, { withName: true })}`);
      }
    }
  }

  /**
   * Polls for due jobs, runs them with retries and backoff (see failJob), and keeps going after any error.
   * At start and then at each task's period it also runs the capabilities' scheduled tasks (the daily
   * promise config sync every 15 minutes); every worker does, and dedupe keys make that safe. Runs on a
   * worker thread of the web process by default (worker-thread.server.ts) and alone with `npm run worker`.
   */
  function startWorker(options: { pollMs: number; batchSize?: number }): Worker {
    const batchSize = options.batchSize ?? BATCH_SIZE;
    let running = true;
    let wake: (() => void) | undefined;
    const nextAt = new Map<string, number>();
    const loop = (async () => {
      while (running) {
        queueScheduledJobs(nextAt, new Date());
        let claimed = 0;
        try {
          claimed = await runDueJobs({ batchSize });
        } catch (error: unknown) {
          console.error(`[worker] poll failed: ${errorText(error, { withName: true })}`);
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

  return { runDueJobs, drainJobs, startWorker };
}
