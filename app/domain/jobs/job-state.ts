// How an outbox job looks to the merchant (the metafield sync, the shipping-options refresh).

export type JobRow = {
  id: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  finishedAt: Date | null;
};

export type JobState =
  | { state: "none" }
  | { state: "pending"; jobId: string }
  | { state: "running"; jobId: string; attempt: number }
  | { state: "retrying"; jobId: string; attempts: number; maxAttempts: number; lastError: string; nextAttemptAt: Date }
  | { state: "succeeded"; jobId: string; finishedAt: Date | null }
  | { state: "dead"; jobId: string; attempts: number; lastError: string; finishedAt: Date | null }
  | { state: "cancelled"; jobId: string; lastError: string | null };

/**
 * The merchant-facing state of a job: waiting for its first run, running, retrying after a failure
 * (with the error and the next attempt), succeeded, or dead (attempts used up; the merchant can retry).
 */
export function describeJobState(job: JobRow | null): JobState {
  if (!job) return { state: "none" };
  switch (job.status) {
    case "done":
      return { state: "succeeded", jobId: job.id, finishedAt: job.finishedAt };
    case "dead":
      return { state: "dead", jobId: job.id, attempts: job.attempts, lastError: job.lastError ?? "unknown error", finishedAt: job.finishedAt };
    case "cancelled":
      return { state: "cancelled", jobId: job.id, lastError: job.lastError };
    case "running":
      return { state: "running", jobId: job.id, attempt: job.attempts };
    default:
      return job.attempts > 0 && job.lastError
        ? { state: "retrying", jobId: job.id, attempts: job.attempts, maxAttempts: job.maxAttempts, lastError: job.lastError, nextAttemptAt: job.runAt }
        : { state: "pending", jobId: job.id };
  }
}
