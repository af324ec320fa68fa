import { errorText } from "~/domain/errors/error-text";
import { getWorkerDb, type SqliteDb } from "~/models/db/sqlite.server";
import { z } from "zod";
import type { Connection } from "~/models/db/connection.server";
import {
  claimFollowUp,
  finishFollowUp,
  listDueFollowUps,
  listOrdersPlacedSince,
  listOrdersScheduledForRule,
  settleAbandonedSends,
  type SendResult,
} from "~/models/follow-ups/follow-up.server";
import { completeJob, enqueueJob, type ClaimedJob } from "~/models/jobs/job.server";
import { getEnv } from "~/utils/env.server";
import { defineJobs } from "../jobs/job-registry.server";
import { prepareApologyCode } from "./create-apology-code.server";
import { SMTP_CONNECTIONS, smtpSender } from "./mail-transport.server";
import { scheduleFollowUps } from "./schedule-follow-ups.server";
import { sendClaimedFollowUp } from "./send-follow-up.server";

// Follow-ups through the outbox: every FOLLOW_UP_SCAN_MS the worker queues one `follow-ups.send` job per due
// row (keyed by the row and its send time, so a retry is a new job and a second scan queues nothing), and
// settles rows a dead worker left `sending` (docs/follow-ups.md, "Exactly once"). The sends of a batch run
// SMTP_CONNECTIONS at a time over the pooled connections.

const SEND_JOB = "follow-ups.send";
const LOOK_BACK_JOB = "follow-ups.look-back";
const REPLAN_JOB = "follow-ups.replan";
/**
 * Every second: a scan is one indexed read when nothing is due. With 15 s, a row waited 7.5 s for its scan
 * on average, and a backlog (the send window opening on a night's messages) went out at SCAN_LIMIT per scan,
 * 67 messages/s (bench:followups).
 */
const FOLLOW_UP_SCAN_MS = 1_000;
/** How long a claimed row is the worker's: longer than the SMTP timeouts together. */
const SEND_LEASE_MS = 120_000;
const SCAN_LIMIT = 1000;

function queueDueFollowUps(db: SqliteDb, now: Date): number {
  // Without SMTP nothing can go out: rows wait, scheduled, and the admin says email is not set up.
  if (!getEnv().SMTP_URL) return 0;
  return db.transaction(() => {
    settleAbandonedSends(db, now);
    let queued = 0;
    for (const due of listDueFollowUps(db, now, SCAN_LIMIT)) {
      const job = {
        shop: due.shop,
        type: SEND_JOB,
        orderGid: due.orderGid,
        payload: { followUpId: due.id },
        // The row as it stands: any change to it (a retry, a move by the sender or the scheduler) is a new job,
        // and a second scan of an unchanged row queues nothing.
        dedupeKey: `follow-up:${due.id}:${due.sendAt.toISOString()}:${due.updatedAt.getTime()}`,
      };
      if (enqueueJob(db, job, now) !== null) queued += 1;
    }
    return queued;
  });
}

async function runSendJob(job: ClaimedJob): Promise<void> {
  const db = getWorkerDb();
  const env = getEnv();
  const id = String((JSON.parse(job.payload) as { followUpId?: unknown }).followUpId ?? "");
  // An apology's code is made before the row is claimed; while Shopify cannot be reached this throws and
  // the job is tried again later, with nothing claimed and nothing sent.
  if (env.SMTP_URL) await prepareApologyCode(db, job, id, new Date());
  const now = new Date();
  // The intent is on record (committed) before anything goes to SMTP; a row another worker took, or one
  // no longer due, is left alone.
  if (!env.SMTP_URL || !claimFollowUp(db, job.shop, id, now, SEND_LEASE_MS)) {
    completeJob(db, job.id);
    return;
  }
  let result: SendResult;
  try {
    const context = {
      send: smtpSender(env.SMTP_URL),
      appUrl: env.SHOPIFY_APP_URL.replace(/\/$/, ""),
      secret: env.SHOPIFY_API_SECRET,
      defaultFrom: env.MAIL_FROM ?? null,
    };
    result = await sendClaimedFollowUp(db, job.shop, id, context, now);
  } catch (error: unknown) {
    // Nothing reached SMTP (sendClaimedFollowUp never throws for it): try again later.
    result = { status: "scheduled", sendAt: new Date(Date.now() + 5 * 60_000), lastError: errorText(error, { withName: true }) };
  }
  db.transaction(() => {
    finishFollowUp(db, job.shop, id, result, new Date());
    completeJob(db, job.id);
  });
}

/** Orders one look-back job plans before it hands the rest to the next (each batch is one transaction). */
const LOOK_BACK_BATCH = 500;
const LOOK_BACK_BATCHES_PER_JOB = 4;
/** How long before the look back an order may have been placed and still have its trigger in it. */
const PLACED_BEFORE_TRIGGER_DAYS = 60;

const lookBackPayload = z.object({ ruleId: z.string(), version: z.number().int(), lookBackDays: z.number().int().min(1), after: z.string().default("") });

/**
 * A saved rule's look back: the scheduler runs over the shop's orders that may have had the rule's trigger in
 * the days it looks back on, and makes their rows as if the rule had been there (one per order and rule, so a
 * second run changes nothing). Large shops go in batches, each job queueing the next.
 */
async function runLookBackJob(job: ClaimedJob): Promise<void> {
  const db = getWorkerDb();
  const payload = lookBackPayload.parse(JSON.parse(job.payload));
  const now = new Date();
  const since = new Date(now.getTime() - (payload.lookBackDays + PLACED_BEFORE_TRIGGER_DAYS) * 86_400_000);
  let after = payload.after;
  for (let batch = 0; batch < LOOK_BACK_BATCHES_PER_JOB; batch += 1) {
    const orders = listOrdersPlacedSince(db, job.shop, since, after, LOOK_BACK_BATCH);
    if (orders.length === 0) {
      completeJob(db, job.id);
      return;
    }
    db.transaction(() => {
      for (const orderGid of orders) scheduleFollowUps(db, job.shop, orderGid, now);
    });
    after = orders[orders.length - 1];
  }
  db.transaction(() => {
    enqueueLookBack(db, job.shop, { ...payload, after }, now);
    completeJob(db, job.id);
  });
}

/** Queues a rule's look back (in the caller's transaction; once per rule version and starting point). */
export function enqueueLookBack<C extends Connection>(connection: C, shop: string, payload: z.input<typeof lookBackPayload>, now: Date) {
  const job = { shop, type: LOOK_BACK_JOB, payload, dedupeKey: `follow-up-look-back:${payload.ruleId}:${payload.version}:${payload.after ?? ""}` };
  return enqueueJob(connection, job, now);
}

const replanPayload = z.object({ ruleId: z.string(), version: z.number().int(), after: z.string().default("") });

/**
 * An edited rule's rows still to send are planned again with the new version (a shorter or longer delay, new
 * conditions, another trigger): in batches of orders, each job queueing the next, like the look back.
 */
async function runReplanJob(job: ClaimedJob): Promise<void> {
  const db = getWorkerDb();
  const payload = replanPayload.parse(JSON.parse(job.payload));
  const now = new Date();
  let after = payload.after;
  for (let batch = 0; batch < LOOK_BACK_BATCHES_PER_JOB; batch += 1) {
    const orders = listOrdersScheduledForRule(db, job.shop, payload.ruleId, after, LOOK_BACK_BATCH);
    if (orders.length === 0) {
      completeJob(db, job.id);
      return;
    }
    db.transaction(() => {
      for (const orderGid of orders) scheduleFollowUps(db, job.shop, orderGid, now, payload.ruleId);
    });
    after = orders[orders.length - 1];
  }
  db.transaction(() => {
    enqueueReplan(db, job.shop, { ...payload, after }, now);
    completeJob(db, job.id);
  });
}

/** Queues the re-plan of an edited rule's scheduled rows (in the caller's transaction; once per version and starting point). */
export function enqueueReplan<C extends Connection>(connection: C, shop: string, payload: z.input<typeof replanPayload>, now: Date) {
  const job = { shop, type: REPLAN_JOB, payload, dedupeKey: `follow-up-replan:${payload.ruleId}:${payload.version}:${payload.after ?? ""}` };
  return enqueueJob(connection, job, now);
}

export const followUpsJobs = defineJobs({
  capability: "follow-ups",
  handlers: { [SEND_JOB]: runSendJob, [LOOK_BACK_JOB]: runLookBackJob, [REPLAN_JOB]: runReplanJob },
  concurrency: { [SEND_JOB]: SMTP_CONNECTIONS },
  scheduled: [{ name: "due follow-ups", everyMs: FOLLOW_UP_SCAN_MS, run: queueDueFollowUps }],
});
