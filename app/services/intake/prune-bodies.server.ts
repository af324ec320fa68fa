import { z } from "zod";
import { getWorkerDb, type SqliteDb } from "~/models/db/sqlite.server";
import { completeJob, enqueueJob, type ClaimedJob } from "~/models/jobs/job.server";
import { listShopsWithDeliveriesBefore, pruneDeliveryBodies } from "~/models/intake/webhook-retention.server";
import { getEnv } from "~/utils/env.server";

// Every hour the worker queues one prune job per shop with old deliveries; each job empties at most
// PRUNE_BATCH bodies in one transaction and, when it found a full batch, queues the next. Other jobs are
// claimed between two batches, so a first prune of months of history never holds the worker.

export const PRUNE_BODIES_JOB = "intake.prune-bodies";
export const PRUNE_BODIES_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 1000;
const DAY_MS = 86_400_000;

const payloadSchema = z.object({ before: z.string().datetime(), hour: z.string(), batch: z.number().int().min(0) });
type PrunePayload = z.infer<typeof payloadSchema>;

const jobOf = (shop: string, payload: PrunePayload) => ({
  shop,
  type: PRUNE_BODIES_JOB,
  payload,
  dedupeKey: `${PRUNE_BODIES_JOB}:${payload.hour}:${payload.batch}`,
});

/** The scheduled task: queues each shop's prune of the bodies older than WEBHOOK_BODY_RETENTION_DAYS at `now` (once per hour). */
export function queueBodyPrunes(db: SqliteDb, now: Date, retentionDays = getEnv().WEBHOOK_BODY_RETENTION_DAYS): number {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const payload = { before: before.toISOString(), hour: now.toISOString().slice(0, 13), batch: 0 };
  return db.transaction(() => listShopsWithDeliveriesBefore(db, before).filter((shop) => enqueueJob(db, jobOf(shop, payload), now) !== null).length);
}

/** One batch of a shop's prune, with the next batch queued in the same transaction when this one was full. */
export async function runPruneBodiesJob(job: ClaimedJob): Promise<void> {
  const payload = payloadSchema.parse(JSON.parse(job.payload));
  const db = getWorkerDb();
  const now = new Date();
  db.transaction(() => {
    const pruned = pruneDeliveryBodies(db, job.shop, { before: new Date(payload.before), now, limit: PRUNE_BATCH });
    if (pruned === PRUNE_BATCH) enqueueJob(db, jobOf(job.shop, { ...payload, batch: payload.batch + 1 }), now);
    completeJob(db, job.id, now);
  });
}
