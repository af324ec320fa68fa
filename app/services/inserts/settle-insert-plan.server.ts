import type { Prisma } from "~/generated/prisma/client";
import { countPendingDiscounts } from "~/models/inserts/insert-discount.server";
import { rebuildPackingPlan } from "~/models/inserts/insert-evaluation.server";
import { queueWriteBack } from "./queue-insert-jobs.server";

type Tx = Prisma.TransactionClient;

/**
 * Recomputes the order's packing plan from its assignments (codes as they stand now) and, once no code is
 * pending any more, queues the write-back to Shopify. Runs inside the transaction that changed a code.
 */
export async function settleInsertPlan(tx: Tx, shop: string, orderGid: string, customerGid: string | null): Promise<string> {
  const { plan, parts } = await rebuildPackingPlan(tx, shop, orderGid);
  if (parts.length > 0 && (await countPendingDiscounts(tx, shop, orderGid)) === 0) await queueWriteBack(tx, shop, orderGid, plan, customerGid);
  return plan;
}
