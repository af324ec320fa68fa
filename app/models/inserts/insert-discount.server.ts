import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Everything the discount job needs for one assignment: the chosen code, the rule version's document, the order. */
export async function findDiscountWork(shop: string, orderGid: string, ruleId: string) {
  const assignment = await prisma.insertAssignment.findUnique({
    where: { shop_orderGid_ruleId: { shop, orderGid, ruleId } },
    select: { ruleVersion: true, discountCode: true, discountStatus: true, discountExpiresAt: true },
  });
  if (!assignment?.discountCode || !assignment.discountExpiresAt) return null;
  const [version, order] = await Promise.all([
    prisma.insertRuleVersion.findUnique({ where: { shop_ruleId_version: { shop, ruleId, version: assignment.ruleVersion } }, select: { document: true } }),
    prisma.order.findUnique({
      where: { shop_orderGid: { shop, orderGid } },
      select: { name: true, createdAtShopify: true, customerGid: true, customerFirstName: true },
    }),
  ]);
  if (!order) return null;
  return {
    ...assignment,
    discountCode: assignment.discountCode,
    discountExpiresAt: assignment.discountExpiresAt,
    ruleDocument: version?.document ?? null,
    order,
  };
}

export type DiscountOutcome = { status: "created"; discountGid: string } | { status: "failed"; error: string };

export async function recordDiscountOutcome(tx: Tx, shop: string, orderGid: string, ruleId: string, outcome: DiscountOutcome) {
  await tx.insertAssignment.updateMany({
    where: { shop, orderGid, ruleId },
    data:
      outcome.status === "created"
        ? { discountStatus: "created", discountGid: outcome.discountGid, discountError: null }
        : { discountStatus: "failed", discountError: outcome.error.slice(0, 500) },
  });
}

/** A new code for an assignment whose code turned out to belong to another discount (never printed yet). */
export async function replaceDiscountCode(shop: string, orderGid: string, ruleId: string, code: string) {
  await prisma.insertAssignment.updateMany({ where: { shop, orderGid, ruleId, discountStatus: "pending" }, data: { discountCode: code } });
}

export async function countPendingDiscounts(tx: Tx, shop: string, orderGid: string): Promise<number> {
  return tx.insertAssignment.count({ where: { shop, orderGid, discountStatus: "pending" } });
}
