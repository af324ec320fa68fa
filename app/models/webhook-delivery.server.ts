import prisma from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { sqliteDate, type SqliteDb } from "./sqlite.server";

export type DeliveryStatus = "received" | "processed" | "failed" | "ignored";

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
  rejection: { status: "failed" | "ignored"; error: string } | null;
};

export async function findDeliveryForProcessing(shop: string, id: string) {
  return prisma.webhookDelivery.findFirst({
    where: { shop, id },
    select: { id: true, shop: true, topic: true, body: true, status: true, webhookId: true },
  });
}

export type DeliveryForProcessing = {
  id: string; shop: string; topic: string; body: string; status: string; webhookId: string; orderGid: string | null;
};

/** The delivery behind a job, looked up within the job's shop, on the worker's connection (hot path). */
export function findDeliveryForJob(db: SqliteDb, shop: string, id: string): DeliveryForProcessing | undefined {
  return db
    .statement(`SELECT "id", "shop", "topic", "body", "status", "webhookId", "orderGid" FROM "WebhookDelivery" WHERE "shop" = ? AND "id" = ?`)
    .get(shop, id) as DeliveryForProcessing | undefined;
}

export type DeliveryOutcome = { status: DeliveryStatus; error?: string | null; orderGid?: string | null };

const MARK_OUTCOME = `
  UPDATE "WebhookDelivery" SET "status" = ?, "error" = ?, "processedAt" = ?, "orderGid" = COALESCE(?, "orderGid")
  WHERE "shop" = ? AND "id" = ?`;

const outcomeParams = (shop: string, id: string, outcome: DeliveryOutcome) =>
  [outcome.status, outcome.error ?? null, sqliteDate(new Date()), outcome.orderGid ?? null, shop, id] as const;

/** Records what became of a delivery, inside the (Prisma) transaction that applied it. */
export async function markDeliveryOutcome(db: Prisma.TransactionClient, shop: string, id: string, outcome: DeliveryOutcome) {
  await db.$executeRawUnsafe(MARK_OUTCOME, ...outcomeParams(shop, id, outcome));
}

/**
 * The same on the worker's connection, inside the batch transaction (hot path). Without an order GID the
 * statement leaves the column out: naming an indexed column in SET rewrites its index entry even when the
 * value stays, which doubled the cost of this statement.
 */
export function markDeliveryOutcomeSync(db: SqliteDb, shop: string, id: string, outcome: DeliveryOutcome) {
  const at = sqliteDate(new Date());
  if (outcome.orderGid) db.statement(MARK_OUTCOME).run(...outcomeParams(shop, id, outcome));
  else db.statement(`UPDATE "WebhookDelivery" SET "status" = ?, "error" = ?, "processedAt" = ? WHERE "shop" = ? AND "id" = ?`).run(outcome.status, outcome.error ?? null, at, shop, id);
}

export type DeliveryListFilter = { status?: DeliveryStatus; topic?: string; take?: number; cursor?: string };

/** Newest deliveries first, for the Webhook log. */
export async function listDeliveries(shop: string, filter: DeliveryListFilter = {}) {
  return prisma.webhookDelivery.findMany({
    where: { shop, status: filter.status, topic: filter.topic },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: filter.take ?? 50,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: {
      id: true, webhookId: true, topic: true, status: true, error: true, receivedAt: true,
      processedAt: true, triggeredAt: true, bodyBytes: true, orderGid: true, resourceGid: true,
    },
  });
}

export async function countDeliveriesByStatus(shop: string) {
  const rows = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<DeliveryStatus, number>>;
}

export async function getDelivery(shop: string, id: string) {
  return prisma.webhookDelivery.findFirst({
    where: { shop, id },
    include: { jobs: { select: { id: true, type: true, status: true, attempts: true, lastError: true, runAt: true } } },
  });
}
