import prisma, { inTransaction } from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { shippingSnapshotSchema, type ShippingSnapshot } from "~/schemas/promise/shipping-snapshot";
import { enqueueJobUnlessOpen, findLatestJobOfType } from "../jobs/job.server";

type Tx = Prisma.TransactionClient;

export const SHIPPING_SNAPSHOT_JOB = "shipping.snapshot";

/** Queues the "shipping.snapshot" job inside the caller's transaction, unless one is already waiting. */
export async function enqueueShippingSnapshot(tx: Tx, shop: string) {
  return enqueueJobUnlessOpen(tx, { shop, type: SHIPPING_SNAPSHOT_JOB });
}

/** The merchant's "Refresh from Shopify": queues the snapshot job (the page never calls Shopify itself). */
export async function requestShippingSnapshot(shop: string) {
  return inTransaction((tx) => enqueueShippingSnapshot(tx, shop));
}

/** Replaces the shop's snapshot; a snapshot older than the stored one (a late job) changes nothing. */
export async function saveShippingSnapshot(tx: Tx, shop: string, snapshot: ShippingSnapshot, fetchedAt: Date) {
  const document = JSON.stringify(snapshot);
  await tx.shippingSnapshot.upsert({ where: { shop }, create: { shop, document, fetchedAt }, update: {} });
  await tx.shippingSnapshot.updateMany({ where: { shop, fetchedAt: { lte: fetchedAt } }, data: { document, fetchedAt } });
}

/**
 * The last snapshot and the state of the last refresh job, for the settings page. A stored document
 * that no longer parses is reported as missing rather than shown half-read.
 */
export async function getShippingSnapshot(
  shop: string,
): Promise<{ fetchedAt: Date | null; snapshot: ShippingSnapshot | null; job: Awaited<ReturnType<typeof findLatestJobOfType>> }> {
  const [row, job] = await Promise.all([
    prisma.shippingSnapshot.findUnique({ where: { shop }, select: { document: true, fetchedAt: true } }),
    findLatestJobOfType(shop, SHIPPING_SNAPSHOT_JOB),
  ]);
  const parsed = row ? shippingSnapshotSchema.safeParse(JSON.parse(row.document)) : null;
  return { fetchedAt: parsed?.success ? (row?.fetchedAt ?? null) : null, snapshot: parsed?.success ? parsed.data : null, job };
}
