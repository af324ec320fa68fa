import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { enqueueJob } from "~/models/jobs/job.server";

type Tx = Prisma.TransactionClient;

/** The outbox jobs of the insert pipeline (docs/inserts.md). */
export const INSERT_JOBS = {
  discount: "inserts.discount",
  tag: "inserts.tag",
  metafield: "inserts.metafield",
} as const;

/** One job per personal code; its dedupe key makes a replayed evaluation queue nothing new. */
export async function queueDiscountJob(tx: Tx, shop: string, orderGid: string, ruleId: string, customerGid: string | null) {
  await enqueueJob(tx, {
    shop,
    type: INSERT_JOBS.discount,
    payload: { orderGid, ruleId },
    dedupeKey: `${INSERT_JOBS.discount}:${orderGid}:${ruleId}`,
    customerGid,
    orderGid,
  });
}

/**
 * The write-back once every code of the order is settled (created or failed): the order tag, and the
 * packing-plan metafield. The metafield job's key carries a digest of the plan, so a changed plan writes
 * again while the same plan is written once.
 */
export async function queueWriteBack(tx: Tx, shop: string, orderGid: string, packingPlan: string, customerGid: string | null) {
  const digest = createHash("sha256").update(packingPlan).digest("hex").slice(0, 16);
  await enqueueJob(tx, { shop, type: INSERT_JOBS.tag, payload: { orderGid }, dedupeKey: `${INSERT_JOBS.tag}:${orderGid}`, customerGid, orderGid });
  await enqueueJob(tx, {
    shop,
    type: INSERT_JOBS.metafield,
    payload: { orderGid },
    dedupeKey: `${INSERT_JOBS.metafield}:${orderGid}:${digest}`,
    customerGid,
    orderGid,
  });
}
