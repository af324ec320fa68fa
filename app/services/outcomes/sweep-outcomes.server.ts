import { errorText } from "~/domain/errors/error-text";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { listDueOutcomes, listOrdersWithoutOutcome, postponeOutcomeCheck } from "~/models/outcomes/promise-outcome.server";
import { refreshWithFlowTriggers } from "../flow/queue-flow-triggers.server";
import { scheduleFollowUps } from "../follow-ups/schedule-follow-ups.server";
import { refreshOutcome } from "./refresh-outcome.server";

/** How often the worker looks for verdicts that a passing deadline changes. */
export const OUTCOME_SWEEP_MS = 60_000;
/** Orders per transaction (the write lock is held a few milliseconds), and transactions per sweep at most. */
const BATCH = 200;
const MAX_BATCHES = 50;
/** A refresh that failed is tried again this much later. */
const RETRY_MS = 3_600_000;

/**
 * Recomputes every outcome whose `nextCheckAt` has come (a ship-by day, a carrier's latest date or the
 * promised day passing, an inference falling due), soonest first, in short transactions. Returns how many
 * it refreshed; what is left over (more than BATCH x MAX_BATCHES due at once) is taken on the next sweep.
 */
export function sweepDueOutcomes(db: SqliteDb, now: Date): number {
  return refreshAll(db, now, (limit) => listDueOutcomes(db, now, limit)) + backfillOutcomes(db, now);
}

// Whether this process has found every stored order with an outcome once; orders stored since get theirs
// on the webhook path, so the search (a pass over the orders) runs until it first comes back short.
let backfilled = false;

/** Makes the next sweep look for orders without an outcome again (tests that rebuild the database in one process). */
export function forgetBackfill() {
  backfilled = false;
}

/** Outcomes for orders that have none (after an upgrade, or a refresh that failed on the webhook path). */
function backfillOutcomes(db: SqliteDb, now: Date): number {
  if (backfilled) return 0;
  let short = false;
  const refreshed = refreshAll(db, now, (limit) => {
    const missing = listOrdersWithoutOutcome(db, limit);
    short = missing.length < limit;
    return missing;
  });
  backfilled = short;
  return refreshed;
}

function refreshAll(db: SqliteDb, now: Date, next: (limit: number) => { shop: string; orderGid: string }[]): number {
  let refreshed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const due = next(BATCH);
    const before = refreshed;
    db.transaction(() => {
      for (const { shop, orderGid } of due) {
        try {
          // A deadline passing (the promised day over: late) is a Flow event too.
          refreshWithFlowTriggers(db, shop, orderGid, now, () => refreshOutcome(db, shop, orderGid, now));
          refreshed += 1;
        } catch (error: unknown) {
          console.warn(`[worker] promise outcome of ${orderGid} not refreshed, retried in an hour: ${errorText(error, { withName: true })}`);
          postponeOutcomeCheck(db, shop, orderGid, new Date(now.getTime() + RETRY_MS));
        }
        try {
          // A deadline that changes the verdict (late, at risk) is what apologies and "did it arrive?" wait for.
          scheduleFollowUps(db, shop, orderGid, now);
        } catch (error: unknown) {
          console.warn(`[worker] follow-ups of ${orderGid} not scheduled: ${errorText(error, { withName: true })}`);
        }
      }
    });
    // A batch that refreshed nothing would come back the same: stop until the next sweep.
    if (due.length < BATCH || refreshed === before) break;
  }
  return refreshed;
}
