import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { whenTransactionsIdle } from "~/db.server";
import { getEnv } from "~/utils/env.server";
import type { NewDelivery } from "./webhook-delivery.server";

// The webhook intake's own SQLite connection: the one write every delivery makes, as two prepared
// statements in one transaction (tens of microseconds, against about a millisecond through Prisma's
// query pipeline). Everything else in the app uses Prisma. The statements are standard SQL
// (ON CONFLICT DO NOTHING, INSERT ... SELECT); on PostgreSQL the same two run through `pg`.
// Dates are written exactly as Prisma's SQLite adapter writes them (ISO 8601 with +00:00).
// It never busy-waits: the lock may be held by a Prisma transaction of this same thread (the
// in-process worker), which can only finish if this thread is free. On SQLITE_BUSY it yields until
// transactions are idle and tries again.

type Statements = { insertDelivery: Database.Statement; insertJob: Database.Statement; record: (row: Row) => boolean };
type Row = NewDelivery & { id: string; now: string };

const DEFAULT_MAX_ATTEMPTS = 8;
let statements: Statements | undefined;

const isoDate = (date: Date | null) => (date ? date.toISOString().replace("Z", "+00:00") : null);

function open(): Statements {
  const url = getEnv().DATABASE_URL;
  const db = new Database(url.replace(/^file:/, ""), { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const insertDelivery = db.prepare(`
    INSERT INTO "WebhookDelivery" ("id", "shop", "webhookId", "topic", "apiVersion", "eventId", "triggeredAt", "receivedAt",
      "status", "error", "resourceGid", "orderGid", "customerGid", "bodyBytes", "body", "processedAt")
    VALUES (@id, @shop, @webhookId, @topic, @apiVersion, @eventId, @triggeredAt, @now,
      @status, @error, @resourceGid, @orderGid, @customerGid, @bodyBytes, @body, @processedAt)
    ON CONFLICT ("shop", "webhookId") DO NOTHING`);
  const insertJob = db.prepare(`
    INSERT INTO "Job" ("id", "shop", "type", "payload", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt",
      "customerGid", "deliveryId")
    VALUES (@jobId, @shop, 'webhook.process', '{}', 'pending', 0, ${DEFAULT_MAX_ATTEMPTS}, @now, @now, @now, @customerGid, @id)`);
  const record = db.transaction((row: Row): boolean => {
    const params = {
      id: row.id, shop: row.shop, webhookId: row.webhookId, topic: row.topic, apiVersion: row.apiVersion,
      eventId: row.eventId, triggeredAt: isoDate(row.triggeredAt), now: row.now, status: row.rejection?.status ?? "received",
      error: row.rejection?.error ?? null, resourceGid: row.resourceGid, orderGid: row.orderGid, customerGid: row.customerGid,
      bodyBytes: row.bodyBytes, body: row.body, processedAt: row.rejection ? row.now : null,
    };
    if (insertDelivery.run(params).changes === 0) return false;
    if (!row.rejection) insertJob.run({ jobId: randomUUID(), shop: row.shop, now: row.now, customerGid: row.customerGid, id: row.id });
    return true;
  });
  return { insertDelivery, insertJob, record };
}

const RETRY_FOR_MS = 10_000;

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
}

/**
 * Records a delivery once per (shop, X-Shopify-Webhook-Id) and, in the same transaction, queues the
 * job that processes it. A repeated delivery changes nothing and reports "duplicate".
 */
export async function recordDelivery(delivery: NewDelivery): Promise<"recorded" | "duplicate"> {
  statements ??= open();
  const row = { ...delivery, id: randomUUID(), now: isoDate(new Date())! };
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    try {
      return statements.record(row) ? "recorded" : "duplicate";
    } catch (error: unknown) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await whenTransactionsIdle(50);
    }
  }
}
