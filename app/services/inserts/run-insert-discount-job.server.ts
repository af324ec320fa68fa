import { z } from "zod";
import { inTransaction } from "~/models/db/prisma.server";
import { findDiscountWork, recordDiscountOutcome, replaceDiscountCode, type DiscountOutcome } from "~/models/inserts/insert-discount.server";
import { completeJob, JobCancelledError, type ClaimedJob } from "~/models/jobs/job.server";
import { parseRule } from "~/schemas/inserts/insert-rule";
import { unauthenticated } from "~/shopify.server";
import { createPersonalDiscount } from "./create-personal-discount.server";
import { choosePersonalCode } from "./personal-code.server";
import { settleInsertPlan } from "./settle-insert-plan.server";
import { gidPrefix } from "~/domain/shopify/gid";
import { errorText } from "~/domain/errors/error-text";

const payloadSchema = z.object({ orderGid: z.string().startsWith(gidPrefix("Order")), ruleId: z.string().min(1) });

/**
 * The outbox job "inserts.discount": creates the personal code chosen at evaluation in Shopify, before the
 * order is written back and before the code can print. A refusal is recorded as failed (the packing plan
 * says so); when Shopify cannot be reached the outbox retries, and the last attempt records the failure too.
 */
export async function runInsertDiscountJob(job: ClaimedJob): Promise<void> {
  const payload = payloadSchema.safeParse(JSON.parse(job.payload));
  if (!payload.success) throw new Error(`inserts.discount: invalid payload ${job.payload}`);
  const { orderGid, ruleId } = payload.data;
  const work = await findDiscountWork(job.shop, orderGid, ruleId);
  const settle = (outcome: DiscountOutcome | null, complete: boolean) =>
    inTransaction(async (tx) => {
      if (outcome) await recordDiscountOutcome(tx, job.shop, orderGid, ruleId, outcome);
      await settleInsertPlan(tx, job.shop, orderGid, work?.order.customerGid ?? null);
      if (complete) await completeJob(tx, job.id);
    });
  if (!work || work.discountStatus === "created") return settle(null, true);
  const parsed = work.ruleDocument ? parseRule(JSON.parse(work.ruleDocument)) : null;
  const action = parsed?.ok ? parsed.rule.actions.discount : undefined;
  if (!parsed?.ok || !action) return settle({ status: "failed", error: "the rule version that chose this code has no readable discount" }, true);
  try {
    const { admin } = await unauthenticated.admin(job.shop);
    const result = await createPersonalDiscount((query, options) => admin.graphql(query, options), {
      code: work.discountCode,
      title: `Kept insert code ${work.order.name} (${parsed.rule.name})`,
      customerGid: work.order.customerGid,
      kind: action.kind,
      value: action.value,
      startsAt: work.order.createdAtShopify,
      endsAt: work.discountExpiresAt,
    });
    if (result.ok) return settle({ status: "created", discountGid: result.discountGid }, true);
    if (result.reason === "refused") return settle({ status: "failed", error: `Shopify refused the code: ${result.message}` }, true);
    await replaceDiscountCode(job.shop, orderGid, ruleId, choosePersonalCode({ prefix: action.prefix, firstName: work.order.customerFirstName }));
    throw new Error(`code ${work.discountCode} belongs to another discount; a new code was chosen`);
  } catch (error: unknown) {
    // Cancelled (customers/redact) while Shopify was being asked: nothing more is written for the order.
    if (error instanceof JobCancelledError) throw error;
    if (job.attempts >= job.maxAttempts) await settle({ status: "failed", error: `Shopify could not create the code: ${errorText(error)}` }, false);
    throw error;
  }
}
