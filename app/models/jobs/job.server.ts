import { randomUUID } from "node:crypto";
import { v7 as timeOrderedId } from "uuid";
import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { runStatement, type Connection, type OnConnection } from "../db/connection.server";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

export type JobStatus = "pending" | "running" | "done" | "dead" | "cancelled";

export type ClaimedJob = {
  id: string;
  shop: string;
  type: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  deliveryId: string | null;
};

type Tx = Prisma.TransactionClient;

/** Matches the schema default; the intake's job insert uses it too. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** `customerGid` and `orderGid` say whom the job concerns: customers/redact cancels it by either. */
export type NewJob = { shop: string; type: string; payload?: unknown; dedupeKey?: string; customerGid?: string | null; orderGid?: string | null; runAt?: Date };

// The job's columns in the order of ENQUEUE_JOB's placeholders.
const jobParams = (job: NewJob, now: Date) => {
  const at = sqliteDate(now);
  return [
    timeOrderedId(),
    job.shop,
    job.type,
    JSON.stringify(job.payload ?? {}),
    sqliteDate(job.runAt ?? now),
    job.dedupeKey ?? null,
    at,
    at,
    job.customerGid ?? null,
    job.orderGid ?? null,
  ];
};

const ENQUEUE_JOB = `
  INSERT INTO "Job" ("id", "shop", "type", "payload", "status", "attempts", "maxAttempts", "runAt", "dedupeKey", "createdAt",
    "updatedAt", "customerGid", "orderGid")
  VALUES (?, ?, ?, ?, 'pending', 0, ${DEFAULT_MAX_ATTEMPTS}, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("shop", "dedupeKey") DO NOTHING`;

/**
 * Queues a job inside the caller's transaction (the outbox), on the worker's connection or in a Prisma
 * transaction. With a dedupeKey it is idempotent on (shop, dedupeKey): a second call changes nothing.
 * Returns the new job's id, or null when a job with that key already existed.
 */
export function enqueueJob<C extends Connection>(connection: C, job: NewJob, now = new Date()): OnConnection<C, string | null> {
  const params = jobParams(job, now);
  return runStatement(connection, ENQUEUE_JOB, params, (changes) => (changes === 1 ? (params[0] as string) : null));
}

/** Due: pending and its time has come, or running with an expired lease (its worker died). */
const DUE = `(("Job"."status" = 'pending' AND "Job"."runAt" <= ?) OR ("Job"."status" = 'running' AND "Job"."lockedUntil" < ?))`;

// The oldest due jobs, each kind read in the order of the (status, runAt) index, so picking a batch costs
// the batch, not the backlog (one OR over both kinds would read every due job and sort them).
const OLDEST_DUE = `
  SELECT "id", "runAt" FROM (SELECT "id", "runAt" FROM "Job" WHERE "status" = 'pending' AND "runAt" <= ? ORDER BY "runAt" LIMIT ?) AS "p"
  UNION ALL
  SELECT "id", "runAt" FROM (SELECT "id", "runAt" FROM "Job" WHERE "status" = 'running' AND "lockedUntil" < ? ORDER BY "runAt" LIMIT ?) AS "r"
  ORDER BY "runAt" LIMIT ?`;

// One conditional UPDATE claims the batch: the outer WHERE repeats the due condition, so a job another
// worker claimed in the meantime is skipped (PostgreSQL re-checks it on the updated row). UPDATE ... FROM,
// not WHERE "id" IN (...): SQLite then looks each picked job up by its key.
const CLAIM_JOBS = `
  UPDATE "Job" SET "status" = 'running', "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1, "updatedAt" = ?
  FROM (${OLDEST_DUE}) AS "due"
  WHERE "Job"."id" = "due"."id" AND ${DUE}
  RETURNING "id", "shop", "type", "payload", "attempts", "maxAttempts", "deliveryId", "Job"."runAt"`;

/**
 * Claims up to `limit` due jobs for this worker with a conditional update (no SQLite-only locking), on
 * the worker's own connection. The lease is committed at once: a worker that dies before finishing
 * leaves its jobs running until `lockedUntil`, after which any worker claims them again.
 */
export function claimJobs(db: SqliteDb, limit: number, leaseMs: number, now = new Date(), lockedBy: string = randomUUID()): ClaimedJob[] {
  const at = sqliteDate(now);
  const rows = db.statement(CLAIM_JOBS).all(lockedBy, sqliteDate(new Date(now.getTime() + leaseMs)), at, at, limit, at, limit, limit, at, at) as (ClaimedJob & {
    runAt: string;
  })[];
  return rows.sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : 0)).map(({ runAt: _runAt, ...job }) => job);
}

/**
 * Extends the lease of the jobs of one claim that are still running, while the worker works on them: a
 * live worker keeps its jobs however long they take, and a dead one's lapse within one short lease.
 * Returns how many leases were renewed.
 */
export function renewLeases(db: SqliteDb, lockedBy: string, leaseMs: number, now = new Date()): number {
  return db
    .statement(`UPDATE "Job" SET "lockedUntil" = ? WHERE "lockedBy" = ? AND "status" = 'running'`)
    .run(sqliteDate(new Date(now.getTime() + leaseMs)), lockedBy).changes;
}

/**
 * Thrown when a job is completed after it was cancelled (customers/redact, uninstall, shop/redact) or
 * deleted while it ran: the transaction that applied its effects rolls back, so cancelled work never lands.
 */
export class JobCancelledError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} was cancelled while it ran; its effects were not applied`);
  }
}

// Only a claimed (running) job completes: a cancelled one stays cancelled.
const COMPLETE_JOB = `
  UPDATE "Job" SET "status" = 'done', "finishedAt" = ?, "updatedAt" = ?, "lockedUntil" = NULL, "lastError" = NULL
  WHERE "id" = ? AND "status" = 'running'`;

/**
 * Marks a claimed job done, inside the transaction that applied its effects (the worker's batch transaction
 * or a Prisma one); throws JobCancelledError if it was cancelled or deleted meanwhile, which rolls them back.
 */
export function completeJob<C extends Connection>(connection: C, id: string, now = new Date()): OnConnection<C, void> {
  const at = sqliteDate(now);
  return runStatement(connection, COMPLETE_JOB, [at, at, id], (changes) => {
    if (changes !== 1) throw new JobCancelledError(id);
  });
}

/** Exponential backoff: 2s, 4s, 8s, ... capped at one hour, with up to 20% jitter. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempts);
  return Math.round(base * (1 + 0.2 * random));
}

/**
 * Records a failure: schedules a retry, or moves the job to the dead-letter state after maxAttempts. A job
 * cancelled while it ran stays cancelled ("cancelled"), with its cancellation reason.
 */
export function failJob(db: SqliteDb, job: ClaimedJob, error: string, now = new Date()): "dead" | "retry" | "cancelled" {
  const dead = job.attempts >= job.maxAttempts;
  const at = sqliteDate(now);
  const { changes } = db
    .statement(
      `
    UPDATE "Job" SET "status" = ?, "lastError" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "runAt" = COALESCE(?, "runAt"),
      "finishedAt" = ?, "updatedAt" = ?
    WHERE "id" = ? AND "status" = 'running'`,
    )
    .run(
      dead ? "dead" : "pending",
      error.slice(0, 2000),
      dead ? null : sqliteDate(new Date(now.getTime() + backoffMs(job.attempts))),
      dead ? at : null,
      at,
      job.id,
    );
  if (changes === 0) return "cancelled";
  return dead ? "dead" : "retry";
}

export async function countJobsByStatus(shop: string) {
  const rows = await prisma.job.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<JobStatus, number>>;
}

/** The merchant's "retry" on a dead job: it runs again with a fresh attempt budget. */
export async function retryDeadJob(shop: string, id: string) {
  const { count } = await prisma.job.updateMany({
    where: { shop, id, status: "dead" },
    data: { status: "pending", attempts: 0, runAt: new Date(), finishedAt: null },
  });
  return count === 1;
}

/** Stops all pending work for a shop (uninstall, shop/redact). */
export async function cancelShopJobs(tx: Tx, shop: string, exceptId?: string) {
  const { count } = await tx.job.updateMany({
    where: { shop, status: { in: ["pending", "running"] }, id: exceptId ? { not: exceptId } : undefined },
    data: { status: "cancelled", lockedUntil: null, finishedAt: new Date(), lastError: "cancelled: shop uninstalled or redacted" },
  });
  return count;
}

/**
 * Stops every job about one customer or any of the given orders (customers/redact): guest orders and the
 * insert jobs have no customer id, so the order decides too. Dead jobs are cancelled as well (a merchant's
 * retry would redo work for an erased customer), and their last error, which may quote a personal code, is
 * replaced. A running job's effects are rolled back when it tries to complete (JobCancelledError).
 */
export async function cancelCustomerJobs(tx: Tx, shop: string, who: { customerGid: string; orderGids: string[] }, exceptId?: string) {
  const { count } = await tx.job.updateMany({
    where: {
      shop,
      status: { in: ["pending", "running", "dead"] },
      id: exceptId ? { not: exceptId } : undefined,
      OR: [{ customerGid: who.customerGid }, { orderGid: { in: who.orderGids } }],
    },
    data: { status: "cancelled", lockedBy: null, lockedUntil: null, finishedAt: new Date(), lastError: "cancelled: customer redacted" },
  });
  return count;
}

/** Jobs waiting or running across all shops (the worker's backlog, for /healthz). */
export async function countPendingJobs() {
  return prisma.job.count({ where: { status: { in: ["pending", "running"] } } });
}

/** The dead-letter list for Settings: jobs that used up their attempts, newest first. */
export async function listDeadJobs(shop: string, take = 100) {
  return prisma.job.findMany({
    where: { shop, status: "dead" },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, type: true, attempts: true, maxAttempts: true, lastError: true, finishedAt: true, deliveryId: true },
  });
}

const JOB_STATE_SELECT = {
  id: true,
  type: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  lastError: true,
  runAt: true,
  finishedAt: true,
  createdAt: true,
} as const;

/** The newest job of a type for the shop (e.g. the last "Refresh from Shopify"), or null. */
export async function findLatestJobOfType(shop: string, type: string) {
  return prisma.job.findFirst({ where: { shop, type }, orderBy: { createdAt: "desc" }, select: JOB_STATE_SELECT });
}

/**
 * Queues a job unless one of the same type is still waiting or running for the shop (a second
 * "Refresh" click, or a save during a refresh, needs no second call to Shopify). Returns the job's id.
 */
export async function enqueueJobUnlessOpen(tx: Tx, job: { shop: string; type: string; payload?: unknown }) {
  const open = await tx.job.findFirst({ where: { shop: job.shop, type: job.type, status: { in: ["pending", "running"] } }, select: { id: true } });
  return open ?? { id: (await enqueueJob(tx, job)) as string };
}
