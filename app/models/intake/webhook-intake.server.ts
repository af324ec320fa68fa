import { v7 as timeOrderedId } from "uuid";
import { whenTransactionsIdle } from "~/models/db/prisma.server";
import { getEnv } from "~/utils/env.server";
import { DEFAULT_MAX_ATTEMPTS } from "../jobs/job.server";
import { isBusyError, openSqlite, sqliteDate } from "../db/sqlite.server";
import type { NewDelivery } from "./webhook-delivery.server";

// The webhook intake's own SQLite connection: the one write every delivery makes, as two prepared
// statements (tens of microseconds, against about a millisecond through Prisma's query pipeline), in one
// transaction shared by the deliveries that arrived in the same turn of the event loop (group commit). The statements are standard SQL (ON CONFLICT DO NOTHING); on PostgreSQL the same
// two run through `pg`. It runs on the web process's event loop, so it never lets SQLite's busy handler
// block: the write lock may be held by the worker (its own thread or process, for a few milliseconds per
// batch) or by a Prisma transaction of this same thread (an admin action), which can only finish if this
// thread is free. On SQLITE_BUSY it yields, and tries again.

// Ids are time-ordered (UUID version 7): each insert lands at the right edge of the primary-key index
// instead of on a random page, so a commit and a checkpoint write fewer pages.
type Row = NewDelivery & { id: string; now: string };

/**
 * The worker's connection checkpoints the WAL; the intake only does when the WAL has grown far past the
 * worker's threshold (no worker running), so the fsync of a checkpoint rarely lands on the event loop
 * that acknowledges deliveries.
 */
const INTAKE_WAL_AUTOCHECKPOINT_PAGES = 10_000;

function open(): (rows: Row[]) => boolean[] {
  const db = openSqlite(getEnv().DATABASE_URL, { busyTimeoutMs: 0, walAutocheckpointPages: INTAKE_WAL_AUTOCHECKPOINT_PAGES });
  const insertDelivery = db.statement(`
    INSERT INTO "WebhookDelivery" ("id", "shop", "webhookId", "topic", "apiVersion", "eventId", "triggeredAt", "receivedAt",
      "status", "error", "resourceGid", "orderGid", "customerGid", "bodyBytes", "body", "processedAt")
    VALUES (@id, @shop, @webhookId, @topic, @apiVersion, @eventId, @triggeredAt, @now,
      @status, @error, @resourceGid, @orderGid, @customerGid, @bodyBytes, @body, @processedAt)
    ON CONFLICT ("shop", "webhookId") DO NOTHING`);
  const insertJob = db.statement(`
    INSERT INTO "Job" ("id", "shop", "type", "payload", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt",
      "customerGid", "orderGid", "deliveryId")
    VALUES (@jobId, @shop, 'webhook.process', '{}', 'pending', 0, ${DEFAULT_MAX_ATTEMPTS}, @now, @now, @now, @customerGid, @orderGid, @id)`);
  const insert = (row: Row): boolean => {
    const params = {
      id: row.id,
      shop: row.shop,
      webhookId: row.webhookId,
      topic: row.topic,
      apiVersion: row.apiVersion,
      eventId: row.eventId,
      triggeredAt: sqliteDate(row.triggeredAt),
      now: row.now,
      status: row.rejection?.status ?? "received",
      error: row.rejection?.error ?? null,
      resourceGid: row.resourceGid,
      orderGid: row.orderGid,
      customerGid: row.customerGid,
      bodyBytes: row.bodyBytes,
      body: row.body,
      processedAt: row.rejection ? row.now : null,
    };
    if (insertDelivery.run(params).changes === 0) return false;
    if (!row.rejection)
      insertJob.run({ jobId: timeOrderedId(), shop: row.shop, now: row.now, customerGid: row.customerGid, orderGid: row.orderGid, id: row.id });
    return true;
  };
  return (rows) => db.transaction(() => rows.map(insert));
}

type Waiting = { row: Row; deadline: number; resolve(outcome: "recorded" | "duplicate"): void; reject(error: unknown): void };

let insertRows: ((rows: Row[]) => boolean[]) | undefined;
const waiting: Waiting[] = [];
let flushScheduled = false;
const RETRY_FOR_MS = 10_000;
const MAX_ROWS_PER_COMMIT = 200;

/**
 * Group commit: the deliveries whose bodies arrived in the same turn of the event loop are written in
 * one transaction (a commit costs far more than the two inserts). Each waits at most for that turn.
 */
function scheduleFlush(after?: Promise<void>) {
  if (flushScheduled) return;
  flushScheduled = true;
  if (after) void after.then(flush);
  else setImmediate(flush);
}

function flush() {
  flushScheduled = false;
  const batch = waiting.splice(0, MAX_ROWS_PER_COMMIT);
  let write: (rows: Row[]) => boolean[];
  try {
    write = insertRows ??= open();
  } catch (error: unknown) {
    for (const entry of batch) entry.reject(error);
    return;
  }
  try {
    write(batch.map((entry) => entry.row)).forEach((isNew, index) => batch[index].resolve(isNew ? "recorded" : "duplicate"));
  } catch (error: unknown) {
    if (isBusyError(error)) return retryLater(batch, error);
    // Not a lock: write each alone, so one bad row cannot fail the others.
    for (const entry of batch) {
      try {
        entry.resolve(write([entry.row])[0] ? "recorded" : "duplicate");
      } catch (single: unknown) {
        if (isBusyError(single)) retryLater([entry], single);
        else entry.reject(single);
      }
    }
  }
  if (waiting.length > 0) scheduleFlush();
}

/** The write lock is held elsewhere: wait without blocking this thread, then try again (up to 10 s). */
function retryLater(batch: Waiting[], error: unknown) {
  const now = Date.now();
  for (const entry of batch) if (now > entry.deadline) entry.reject(error);
  waiting.unshift(...batch.filter((entry) => now <= entry.deadline));
  scheduleFlush(whenTransactionsIdle(50));
}

/**
 * Records a delivery once per (shop, X-Shopify-Webhook-Id) and, in the same transaction, queues the
 * job that processes it. A repeated delivery changes nothing and reports "duplicate".
 */
export function recordDelivery(delivery: NewDelivery): Promise<"recorded" | "duplicate"> {
  return new Promise((resolve, reject) => {
    const row = { ...delivery, id: timeOrderedId(), now: sqliteDate(new Date()) };
    waiting.push({ row, deadline: Date.now() + RETRY_FOR_MS, resolve, reject });
    scheduleFlush();
  });
}
