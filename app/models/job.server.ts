import { randomUUID } from "node:crypto";
import prisma from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

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

/** Queues a job inside the caller's transaction (the outbox). A dedupeKey makes the enqueue idempotent. */
export async function enqueueJob(
  tx: Tx,
  job: { shop: string; type: string; payload?: unknown; dedupeKey?: string; customerGid?: string | null; runAt?: Date },
) {
  const data = {
    shop: job.shop,
    type: job.type,
    payload: JSON.stringify(job.payload ?? {}),
    dedupeKey: job.dedupeKey ?? null,
    customerGid: job.customerGid ?? null,
    runAt: job.runAt ?? new Date(),
  };
  if (!job.dedupeKey) return tx.job.create({ data, select: { id: true } });
  return tx.job.upsert({
    where: { shop_dedupeKey: { shop: job.shop, dedupeKey: job.dedupeKey } },
    create: data,
    update: {},
    select: { id: true },
  });
}

/**
 * Claims up to `limit` due jobs for one worker with a conditional update (no SQLite-only locking):
 * pending jobs whose time has come, and running jobs whose lease expired (their worker died).
 */
export async function claimJobs(limit: number, leaseMs: number, now = new Date()): Promise<ClaimedJob[]> {
  const due = await prisma.job.findMany({
    where: {
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (due.length === 0) return [];
  const token = randomUUID();
  await prisma.job.updateMany({
    where: {
      id: { in: due.map((job) => job.id) },
      OR: [
        { status: "pending", runAt: { lte: now } },
        { status: "running", lockedUntil: { lt: now } },
      ],
    },
    data: { status: "running", lockedBy: token, lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
  });
  return prisma.job.findMany({
    where: { lockedBy: token, status: "running" },
    orderBy: { runAt: "asc" },
    select: { id: true, shop: true, type: true, payload: true, attempts: true, maxAttempts: true, deliveryId: true },
  });
}

/** Marks a claimed job done, inside the transaction that applied its effects. */
export async function completeJob(tx: Tx | typeof prisma, id: string) {
  // Plain SQL: this runs once per job, and a raw statement is far cheaper than a generated one.
  const now = new Date();
  await tx.$executeRaw`
    UPDATE "Job" SET "status" = 'done', "finishedAt" = ${now}, "updatedAt" = ${now}, "lockedUntil" = NULL, "lastError" = NULL
    WHERE "id" = ${id}`;
}

/** Marks many claimed jobs done in one statement, inside the batch's transaction. */
export async function completeJobs(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  const now = new Date();
  await tx.$executeRaw`
    UPDATE "Job" SET "status" = 'done', "finishedAt" = ${now}, "updatedAt" = ${now}, "lockedUntil" = NULL, "lastError" = NULL
    WHERE "id" IN (${Prisma.join(ids)})`;
}

/** Exponential backoff: 2s, 4s, 8s, ... capped at one hour, with up to 20% jitter. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempts);
  return Math.round(base * (1 + 0.2 * random));
}

/** Records a failure: schedules a retry, or moves the job to the dead-letter state after maxAttempts. */
export async function failJob(job: ClaimedJob, error: string, now = new Date()) {
  const dead = job.attempts >= job.maxAttempts;
  await prisma.job.update({
    where: { id: job.id },
    data: {
      status: dead ? "dead" : "pending",
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      runAt: dead ? undefined : new Date(now.getTime() + backoffMs(job.attempts)),
      finishedAt: dead ? now : null,
    },
  });
  return dead ? "dead" : "retry";
}

export async function listJobs(shop: string, status?: JobStatus, take = 50) {
  return prisma.job.findMany({
    where: { shop, status },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, type: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, updatedAt: true, deliveryId: true },
  });
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

/** Stops pending work about one customer (customers/redact). */
export async function cancelCustomerJobs(tx: Tx, shop: string, customerGid: string, exceptId?: string) {
  const { count } = await tx.job.updateMany({
    where: { shop, customerGid, status: { in: ["pending", "running"] }, id: exceptId ? { not: exceptId } : undefined },
    data: { status: "cancelled", lockedUntil: null, finishedAt: new Date(), lastError: "cancelled: customer redacted" },
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

const JOB_STATE_SELECT = { id: true, type: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, finishedAt: true, createdAt: true } as const;

/** One job's state by its dedupe key (e.g. the metafield sync of settings version 3), or null. */
export async function findJobByDedupeKey(shop: string, dedupeKey: string) {
  return prisma.job.findUnique({ where: { shop_dedupeKey: { shop, dedupeKey } }, select: JOB_STATE_SELECT });
}

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
  return open ?? enqueueJob(tx, job);
}
