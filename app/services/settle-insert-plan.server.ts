import { describePackingPlan, type CodeStatus } from "~/domain/inserts/packing-plan";
import type { Prisma } from "~/generated/prisma/client";
import { countPendingDiscounts } from "~/models/insert-discount.server";
import { findPlanParts, setPackingPlan } from "~/models/insert-evaluation.server";
import { queueWriteBack } from "./insert-jobs.server";

type Tx = Prisma.TransactionClient;

/**
 * Recomputes the order's packing plan from its assignments (codes as they stand now) and, once no code is
 * pending any more, queues the write-back to Shopify. Runs inside the transaction that changed a code.
 */
export async function settleInsertPlan(tx: Tx, shop: string, orderGid: string, customerGid: string | null): Promise<string> {
  const parts = await findPlanParts(tx, shop, orderGid);
  const plan = describePackingPlan(
    parts.map((part) => ({
      insert: part.templateName,
      item: part.itemLabel,
      code: part.discountCode && part.discountStatus ? { code: part.discountCode, status: part.discountStatus as CodeStatus } : null,
    })),
  );
  await setPackingPlan(tx, shop, orderGid, plan);
  if (parts.length > 0 && (await countPendingDiscounts(tx, shop, orderGid)) === 0) await queueWriteBack(tx, shop, orderGid, plan, customerGid);
  return plan;
}
