import type { ClaimedJob } from "~/models/jobs/job.server";
import type { SqliteDb } from "~/models/db/sqlite.server";

/** Runs one claimed job; it marks the job done inside the transaction of its effects. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

/**
 * Runs many claimed jobs of one type at once, synchronously on the worker's connection (the webhook hot
 * path), and returns those it left for their one-by-one handler.
 */
type BatchJobHandler = (db: SqliteDb, jobs: ClaimedJob[]) => ClaimedJob[];

/** Work the worker queues by the clock: `run` queues what is due at `now` (idempotently) and says how many. */
type ScheduledTask = { name: string; everyMs: number; run(db: SqliteDb, now: Date): number };

/** What one capability gives the worker: its job types, and optionally a batch path and clock work. */
export type CapabilityJobs = {
  capability: string;
  handlers: Record<string, JobHandler>;
  batches?: Record<string, BatchJobHandler>;
  /**
   * Job types whose jobs of one claimed batch may run side by side, at most this many at a time: for jobs
   * that mostly wait on another server (an email's SMTP exchange). Their handlers must not hold a
   * transaction across an await. Every other job runs alone.
   */
  concurrency?: Record<string, number>;
  scheduled?: ScheduledTask[];
};

export type JobRegistry = {
  handlers: ReadonlyMap<string, JobHandler>;
  batches: ReadonlyMap<string, BatchJobHandler>;
  concurrency: ReadonlyMap<string, number>;
  scheduled: readonly ScheduledTask[];
};

/** Declares a capability's jobs (its `<capability>-jobs.server.ts` file). */
export function defineJobs(jobs: CapabilityJobs): CapabilityJobs {
  return jobs;
}

/** The registry of the given capabilities; a job type claimed by two of them is an error. */
export function composeJobs(capabilities: readonly CapabilityJobs[]): JobRegistry {
  const handlers = new Map<string, JobHandler>();
  const owner = new Map<string, string>();
  const batches = new Map<string, BatchJobHandler>();
  const concurrency = new Map<string, number>();
  for (const { capability, handlers: own, batches: ownBatches = {}, concurrency: ownConcurrency = {} } of capabilities) {
    for (const [type, handler] of Object.entries(own)) {
      const taken = owner.get(type);
      if (taken) throw new Error(`job type ${type} is registered by both ${taken} and ${capability}`);
      owner.set(type, capability);
      handlers.set(type, handler);
    }
    for (const [type, batch] of Object.entries(ownBatches)) {
      if (owner.get(type) !== capability) throw new Error(`${capability} batches ${type}, which it does not handle`);
      batches.set(type, batch);
    }
    for (const [type, limit] of Object.entries(ownConcurrency)) {
      if (owner.get(type) !== capability) throw new Error(`${capability} sets the concurrency of ${type}, which it does not handle`);
      concurrency.set(type, limit);
    }
  }
  return { handlers, batches, concurrency, scheduled: capabilities.flatMap((capability) => capability.scheduled ?? []) };
}
