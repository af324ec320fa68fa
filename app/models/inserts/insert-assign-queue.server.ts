import { enqueueJob } from "../jobs/job.server";
import type { SqliteDb } from "../db/sqlite.server";

// The seam to package inserts: when the worker first sees an order, an `inserts.assign` job is queued for
// it in the same transaction, but only if the shop has an insert rule that could apply. The handler of
// that job belongs to the inserts feature (docs/inserts.md); this file only reads whether rules exist.

export const INSERTS_ASSIGN_JOB = "inserts.assign";

/** True when the shop has an active, unarchived insert rule. One indexed probe on (shop, active, priority). */
function hasActiveInsertRules(db: SqliteDb, shop: string): boolean {
  // TRUE rather than 1: the same text works on PostgreSQL's boolean column.
  return db.statement(`SELECT 1 FROM "InsertRule" WHERE "shop" = ? AND "active" = TRUE AND "archivedAt" IS NULL LIMIT 1`).get(shop) !== undefined;
}

/**
 * Queues the `inserts.assign` job for a newly seen order when the shop has active rules. Idempotent on
 * the dedupe key `inserts.assign:<orderGid>`. Returns whether a job was queued by this call.
 */
export function queueInsertAssignment(db: SqliteDb, shop: string, orderGid: string, now = new Date()): boolean {
  if (!hasActiveInsertRules(db, shop)) return false;
  return enqueueJob(db, { shop, type: INSERTS_ASSIGN_JOB, payload: { orderGid }, dedupeKey: `${INSERTS_ASSIGN_JOB}:${orderGid}`, orderGid }, now) !== null;
}
