import prisma from "~/db.server";
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";

const DEFAULT_MAX_ATTEMPTS = 8;

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

/**
 * Records a delivery once per (shop, X-Shopify-Webhook-Id) and, in the same transaction, queues the
 * job that processes it. A repeated delivery changes nothing and reports "duplicate".
 *
 * Two plain statements in one batch transaction (this is the hot path of every webhook): the insert
 * ignores a conflicting webhook id, and the job is inserted only if this call's delivery row exists.
 * `ON CONFLICT ... DO NOTHING` is standard SQL on SQLite and PostgreSQL.
 */
export async function recordDelivery(delivery: NewDelivery): Promise<"recorded" | "duplicate"> {
  const { rejection } = delivery;
  const id = randomUUID();
  const now = new Date();
  const status = rejection?.status ?? "received";
  const insertDelivery = prisma.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "shop", "webhookId", "topic", "apiVersion", "eventId", "triggeredAt", "receivedAt",
      "status", "error", "resourceGid", "orderGid", "customerGid", "bodyBytes", "body", "processedAt")
    VALUES (${id}, ${delivery.shop}, ${delivery.webhookId}, ${delivery.topic}, ${delivery.apiVersion}, ${delivery.eventId},
      ${delivery.triggeredAt}, ${now}, ${status}, ${rejection?.error ?? null}, ${delivery.resourceGid}, ${delivery.orderGid},
      ${delivery.customerGid}, ${delivery.bodyBytes}, ${delivery.body}, ${rejection ? now : null})
    ON CONFLICT ("shop", "webhookId") DO NOTHING`;
  if (rejection) {
    const [inserted] = await prisma.$transaction([insertDelivery]);
    return inserted === 1 ? "recorded" : "duplicate";
  }
  const insertJob = prisma.$executeRaw`
    INSERT INTO "Job" ("id", "shop", "type", "payload", "status", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt",
      "customerGid", "deliveryId")
    SELECT ${randomUUID()}, "shop", 'webhook.process', '{}', 'pending', 0, ${DEFAULT_MAX_ATTEMPTS}, ${now}, ${now}, ${now},
      "customerGid", "id"
    FROM "WebhookDelivery" WHERE "id" = ${id}`;
  const [inserted] = await prisma.$transaction([insertDelivery, insertJob]);
  return inserted === 1 ? "recorded" : "duplicate";
}

export async function findDeliveryForProcessing(shop: string, id: string) {
  return prisma.webhookDelivery.findFirst({
    where: { shop, id },
    select: { id: true, shop: true, topic: true, body: true, status: true, triggeredAt: true, receivedAt: true, webhookId: true },
  });
}

export async function markDeliveryOutcome(
  db: Prisma.TransactionClient,
  shop: string,
  id: string,
  outcome: { status: DeliveryStatus; error?: string | null; orderGid?: string | null; resourceGid?: string | null },
) {
  await db.webhookDelivery.updateMany({
    where: { shop, id },
    data: { ...outcome, orderGid: outcome.orderGid ?? undefined, error: outcome.error ?? null, processedAt: new Date() },
  });
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
