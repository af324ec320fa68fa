import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { runStatement, type Connection, type OnConnection } from "../db/connection.server";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

type DeliveryStatus = "received" | "processed" | "failed" | "ignored" | "refused";

export type NewDelivery = {
  shop: string;
  webhookId: string;
  topic: string;
  apiVersion: string | null;
  eventId: string | null;
  triggeredAt: Date | null;
  body: string;
  bodyBytes: number;
  orderGid: string | null;
  customerGid: string | null;
  resourceGid: string | null;
  /** null: accepted and queued for the worker; otherwise recorded as final with this reason. */
  rejection: { status: "failed" | "ignored" | "refused"; error: string } | null;
};

export type DeliveryForProcessing = {
  id: string;
  shop: string;
  topic: string;
  body: string;
  status: string;
  webhookId: string;
  orderGid: string | null;
  /** As stored (ISO text): X-Shopify-Triggered-At, and when the intake recorded the delivery. */
  triggeredAt: string | null;
  receivedAt: string;
};

/** The delivery behind a job, looked up within the job's shop, on the worker's connection (hot path). */
export function findDeliveryForJob(db: SqliteDb, shop: string, id: string): DeliveryForProcessing | undefined {
  return db
    .statement(
      `SELECT "id", "shop", "topic", "body", "status", "webhookId", "orderGid", "triggeredAt", "receivedAt" FROM "WebhookDelivery" WHERE "shop" = ? AND "id" = ?`,
    )
    .get(shop, id) as DeliveryForProcessing | undefined;
}

export type DeliveryOutcome = { status: DeliveryStatus; error?: string | null; orderGid?: string | null };

const MARK_OUTCOME = `
  UPDATE "WebhookDelivery" SET "status" = ?, "error" = ?, "processedAt" = ?, "orderGid" = COALESCE(?, "orderGid")
  WHERE "shop" = ? AND "id" = ?`;

// Without an order GID the statement leaves the column out: naming an indexed column in SET rewrites its
// index entry even when the value stays, which doubled the cost of this statement on the hot path.
const MARK_OUTCOME_KEEP_ORDER = `UPDATE "WebhookDelivery" SET "status" = ?, "error" = ?, "processedAt" = ? WHERE "shop" = ? AND "id" = ?`;

/**
 * Records what became of a delivery, inside the transaction that applied it: the worker's batch
 * transaction (hot path) or a Prisma one (privacy and app topics).
 */
export function markDeliveryOutcome<C extends Connection>(
  connection: C,
  shop: string,
  id: string,
  outcome: DeliveryOutcome,
  now = new Date(),
): OnConnection<C, void> {
  const at = sqliteDate(now);
  const done = () => undefined;
  if (outcome.orderGid) return runStatement(connection, MARK_OUTCOME, [outcome.status, outcome.error ?? null, at, outcome.orderGid, shop, id], done);
  return runStatement(connection, MARK_OUTCOME_KEEP_ORDER, [outcome.status, outcome.error ?? null, at, shop, id], done);
}

type DeliveryListFilter = { status?: DeliveryStatus; topic?: string };

/** One page of the log: `after` pages on to older deliveries, `before` back to newer ones (ids from the current page). */
export type DeliveryPageRequest = DeliveryListFilter & { take?: number; after?: string; before?: string };

const LIST_SELECT = {
  id: true,
  webhookId: true,
  topic: true,
  status: true,
  error: true,
  receivedAt: true,
  processedAt: true,
  triggeredAt: true,
  bodyBytes: true,
  orderGid: true,
  resourceGid: true,
} as const;

type LogPosition = { id: string; receivedAt: Date };

/**
 * Keyset conditions on the log's order (receivedAt, then id). Keyset rather than Prisma's `cursor` + `skip: 1`:
 * that skip drops a real row when the cursor row no longer matches the filter (a delivery processed meanwhile).
 */
const olderThan = (at: LogPosition): Prisma.WebhookDeliveryWhereInput => ({
  OR: [{ receivedAt: { lt: at.receivedAt } }, { receivedAt: at.receivedAt, id: { lt: at.id } }],
});
const newerThan = (at: LogPosition): Prisma.WebhookDeliveryWhereInput => ({
  OR: [{ receivedAt: { gt: at.receivedAt } }, { receivedAt: at.receivedAt, id: { gt: at.id } }],
});

type LogFilter = { shop: string; status?: DeliveryStatus; topic?: string };

/** Up to `take` + 1 rows from `cursor` on (to know whether more follow), newest first either way. */
async function readLogRows(filter: LogFilter, take: number, cursor: LogPosition | null, isBackward: boolean) {
  const rows = await prisma.webhookDelivery.findMany({
    where: cursor ? { ...filter, AND: [isBackward ? newerThan(cursor) : olderThan(cursor)] } : filter,
    orderBy: isBackward ? [{ receivedAt: "asc" }, { id: "asc" }] : [{ receivedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: LIST_SELECT,
  });
  return isBackward ? rows.reverse() : rows;
}

/**
 * Newest deliveries first, for the Webhook log, one page at a time. `firstIndex` is the page's offset in the
 * filtered log (for "51–100 of 372"). An unknown cursor, or one past the end, gives the first page.
 */
export async function listDeliveries(shop: string, request: DeliveryPageRequest = {}) {
  const take = request.take ?? 50;
  const filter: LogFilter = { shop, status: request.status, topic: request.topic };
  const cursorId = request.before ?? request.after;
  const found = cursorId ? await prisma.webhookDelivery.findFirst({ where: { shop, id: cursorId }, select: { id: true, receivedAt: true } }) : null;
  let isBackward = Boolean(found && request.before);
  let rows = await readLogRows(filter, take, found, isBackward);
  if (rows.length === 0 && found) [rows, isBackward] = [await readLogRows(filter, take, null, false), false];
  // The extra row is the one farthest from the cursor: the newest when paging back, the oldest otherwise.
  const deliveries = isBackward ? rows.slice(-take) : rows.slice(0, take);
  const [newest, oldest] = [deliveries[0], deliveries.at(-1)];
  if (!newest || !oldest) return { deliveries, firstIndex: 0, hasNewer: false, hasOlder: false };
  const [firstIndex, older] = await Promise.all([
    prisma.webhookDelivery.count({ where: { ...filter, AND: [newerThan(newest)] } }),
    isBackward ? prisma.webhookDelivery.findFirst({ where: { ...filter, AND: [olderThan(oldest)] }, select: { id: true } }) : null,
  ]);
  return { deliveries, firstIndex, hasNewer: firstIndex > 0, hasOlder: isBackward ? older !== null : rows.length > take };
}

/** Deliveries per status, for the whole log or one topic. */
export async function countDeliveriesByStatus(shop: string, filter: { topic?: string } = {}) {
  const rows = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { shop, topic: filter.topic }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<DeliveryStatus, number>>;
}

export async function getDelivery(shop: string, id: string) {
  return prisma.webhookDelivery.findFirst({
    where: { shop, id },
    include: { jobs: { select: { id: true, type: true, status: true, attempts: true, lastError: true, runAt: true } } },
  });
}

/** Erases a delivery's body (a late one about a customer whose data was erased), keeping its metadata. */
export function eraseDeliveryBody(db: SqliteDb, shop: string, id: string): void {
  db.statement(`UPDATE "WebhookDelivery" SET "body" = '[redacted]', "customerGid" = NULL WHERE "shop" = ? AND "id" = ?`).run(shop, id);
}
