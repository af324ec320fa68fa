import { z } from "zod";
import { inTransaction } from "~/models/db/prisma.server";
import { findPlanForWriteBack } from "~/models/inserts/insert-evaluation.server";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { unauthenticated } from "~/shopify.server";
import type { AdminGraphql } from "../shopify/admin-graphql.server";
import { tagOrderWithInserts, writePackingPlan, type WriteBackResult } from "./write-back-inserts.server";
import { gidPrefix } from "~/domain/shopify/gid";

const payloadSchema = z.object({ orderGid: z.string().startsWith(gidPrefix("Order")) });

/**
 * Runs one write-back against the Admin API and completes the job. `userErrors` throw, so the outbox
 * retries with backoff and dead-letters after the last attempt (visible on Settings, retryable there).
 */
async function runWriteBack(job: ClaimedJob, write: (graphql: AdminGraphql, orderGid: string) => Promise<WriteBackResult | null>) {
  const payload = payloadSchema.safeParse(JSON.parse(job.payload));
  if (!payload.success) throw new Error(`${job.type}: invalid payload ${job.payload}`);
  const { admin } = await unauthenticated.admin(job.shop);
  const result = await write((query, options) => admin.graphql(query, options), payload.data.orderGid);
  if (result && !result.ok) throw new Error(`Shopify refused the write-back: ${result.errors.join("; ")}`);
  await inTransaction((tx) => completeJob(tx, job.id));
}

/** "inserts.tag": tags the order (tagsAdd). */
export function runInsertTagJob(job: ClaimedJob): Promise<void> {
  return runWriteBack(job, (graphql, orderGid) => tagOrderWithInserts(graphql, orderGid));
}

/** "inserts.metafield": writes the packing plan as it stands now, so a late job never writes an older plan. */
export function runInsertMetafieldJob(job: ClaimedJob): Promise<void> {
  return runWriteBack(job, async (graphql, orderGid) => {
    const stored = await findPlanForWriteBack(job.shop, orderGid);
    if (!stored) return null; // the order's data was erased meanwhile
    const inserts = stored.parts.map((part) => ({
      ruleId: part.ruleId,
      insert: part.templateName,
      item: part.itemLabel,
      code: part.discountCode,
      codeStatus: part.discountStatus,
    }));
    return writePackingPlan(graphql, orderGid, { plan: stored.plan, inserts });
  });
}
