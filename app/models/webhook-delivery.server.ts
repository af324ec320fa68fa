import prisma from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

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

type DeliveryForProcessing = { id: string; shop: string; topic: string; body: string; status: string; webhookId: string };

/** The deliveries behind a batch of jobs, by id (each looked up within its job's shop). Plain SQL: hot path. */
export async function findDeliveriesForProcessing(jobs: { shop: string; deliveryId: string | null }[]) {
  const byShop = new Map<string, string[]>();
  for (const job of jobs) if (job.deliveryId) byShop.set(job.shop, [...(byShop.get(job.shop) ?? []), job.deliveryId]);
  const rows = await Promise.all(
    [...byShop].map(
      ([shop, ids]) => prisma.$queryRaw<DeliveryForProcessing[]>`
        SELECT "id", "shop", "topic", "body", "status", "webhookId" FROM "WebhookDelivery"
        WHERE "shop" = ${shop} AND "id" IN (${Prisma.join(ids)})`,
    ),
  );
  return new Map(rows.flat().map((row) => [row.id, row]));
}

/** Marks many deliveries processed in one statement, inside the batch's transaction. */
export async function markDeliveriesProcessed(db: Prisma.TransactionClient, deliveries: { shop: string; id: string }[]) {
  const byShop = new Map<string, string[]>();
  for (const delivery of deliveries) byShop.set(delivery.shop, [...(byShop.get(delivery.shop) ?? []), delivery.id]);
  const now = new Date();
  for (const [shop, ids] of byShop) {
    await db.$executeRaw`
      UPDATE "WebhookDelivery" SET "status" = 'processed', "error" = NULL, "processedAt" = ${now}
      WHERE "shop" = ${shop} AND "id" IN (${Prisma.join(ids)})`;
  }
}

export async function markDeliveryOutcome(
  db: Prisma.TransactionClient,
  shop: string,
  id: string,
  outcome: { status: DeliveryStatus; error?: string | null; orderGid?: string | null },
) {
  // Plain SQL: runs once per delivery on the worker's hot path.
  await db.$executeRaw`
    UPDATE "WebhookDelivery"
    SET "status" = ${outcome.status}, "error" = ${outcome.error ?? null}, "processedAt" = ${new Date()},
        "orderGid" = COALESCE(${outcome.orderGid ?? null}, "orderGid")
    WHERE "shop" = ${shop} AND "id" = ${id}`;
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
