import prisma from "~/models/db/prisma.server";
import type { ResolvedFacts } from "~/domain/rules/external-facts";
import type { AssignmentRow } from "~/domain/inserts/decide-inserts";
import { describePackingPlan, toPlanCode } from "~/domain/inserts/packing-plan";
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

export type EvaluationRow = {
  shop: string;
  orderGid: string;
  evaluatedFor: Date;
  ruleVersions: Record<string, number>;
  packingPlan: string;
  skipped: unknown[];
  warnings: string[];
  /** The facts beyond the order record the rules read, with their origin (none: stored as null). */
  facts?: ResolvedFacts;
};

export async function hasEvaluation(shop: string, orderGid: string): Promise<boolean> {
  return (await prisma.insertEvaluation.count({ where: { shop, orderGid } })) > 0;
}

/**
 * Records the decision for an order once: the primary key (shop, orderGid) turns a replay into a no-op.
 * Returns false when a decision already existed (nothing of this call is then written).
 */
export async function recordEvaluationOnce(tx: Tx, row: EvaluationRow, assignments: AssignmentRow[]): Promise<boolean> {
  const facts = row.facts && Object.keys(row.facts).length > 0 ? JSON.stringify(row.facts) : null;
  const inserted = await tx.$executeRaw`
    INSERT INTO "InsertEvaluation" ("shop", "orderGid", "evaluatedFor", "evaluatedAt", "ruleVersions", "packingPlan", "skipped", "warnings", "facts")
    VALUES (${row.shop}, ${row.orderGid}, ${row.evaluatedFor}, ${new Date()}, ${JSON.stringify(row.ruleVersions)}, ${row.packingPlan},
            ${JSON.stringify(row.skipped)}, ${JSON.stringify(row.warnings)}, ${facts})
    ON CONFLICT ("shop", "orderGid") DO NOTHING`;
  if (inserted !== 1) return false;
  if (assignments.length > 0) {
    // createdAt one millisecond apart keeps the rules' evaluation order for the packing plan.
    const base = Date.now();
    await tx.insertAssignment.createMany({
      data: assignments.map((assignment, index) => ({
        ...assignment,
        shop: row.shop,
        orderGid: row.orderGid,
        reasons: JSON.stringify(assignment.reasons),
        createdAt: new Date(base + index),
      })),
    });
  }
  return true;
}

/**
 * Takes one physical insert from a rule's stock with a conditional update, so two workers can never hand
 * out the same last item. Returns the stock left after taking, or null when none was left to take.
 * Taking the last one stamps `stockOutAt` (the merchant's warning; a restock in the editor clears it).
 */
export async function takeOneFromStock(tx: Tx, shop: string, ruleId: string, now: Date): Promise<number | null> {
  const rows = await tx.$queryRaw<{ stockLeft: number | bigint }[]>`
    UPDATE "InsertRule"
    SET "stockLeft" = "stockLeft" - 1,
        "stockOutAt" = CASE WHEN "stockLeft" = 1 THEN ${now} ELSE "stockOutAt" END
    WHERE "shop" = ${shop} AND "id" = ${ruleId} AND "stockLeft" > 0
    RETURNING "stockLeft"`;
  return rows.length === 1 ? Number(rows[0].stockLeft) : null;
}

/** What the packing plan is made of: the order's applied (not held-out) assignments with template names. */
async function findPlanParts(db: Db, shop: string, orderGid: string) {
  const assignments = await db.insertAssignment.findMany({
    where: { shop, orderGid, holdout: false },
    orderBy: { createdAt: "asc" },
    select: { ruleId: true, templateId: true, itemLabel: true, discountCode: true, discountStatus: true },
  });
  const templateIds = assignments.flatMap((assignment) => (assignment.templateId ? [assignment.templateId] : []));
  const templates = templateIds.length ? await db.insertTemplate.findMany({ where: { shop, id: { in: templateIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(templates.map((template) => [template.id, template.name]));
  return assignments.map((assignment) => ({ ...assignment, templateName: assignment.templateId ? (names.get(assignment.templateId) ?? null) : null }));
}

/** Recomputes and stores the order's packing plan from its assignments (codes as they stand now); returns it with its parts. */
export async function rebuildPackingPlan(tx: Tx, shop: string, orderGid: string) {
  const parts = await findPlanParts(tx, shop, orderGid);
  const plan = describePackingPlan(
    parts.map((part) => ({ insert: part.templateName, item: part.itemLabel, code: toPlanCode(part.discountCode, part.discountStatus) })),
  );
  await tx.insertEvaluation.updateMany({ where: { shop, orderGid }, data: { packingPlan: plan } });
  return { plan, parts };
}

/** Why an erased code's card is not printed (the merchant sees it in the Print queue). */
export const ERASED_CODE_NOTE = "Erased with the customer's data (customers/redact). A code Shopify had created stays there.";

/**
 * customers/redact: the orders' personal codes ("ANNA-7KQ2-XM4P" carries the first name) are erased from
 * their assignments, with any refusal text that may quote them, and the packing plans are rebuilt without
 * them. `discountGid` stays, so the merchant can still find a created code in Shopify. Returns the erased codes.
 */
export async function eraseInsertCodes(tx: Tx, shop: string, orderGids: string[]): Promise<string[]> {
  const rows = await tx.insertAssignment.findMany({
    where: { shop, orderGid: { in: orderGids }, discountStatus: { not: null } },
    select: { orderGid: true, discountCode: true },
  });
  if (rows.length === 0) return [];
  await tx.insertAssignment.updateMany({
    where: { shop, orderGid: { in: orderGids }, discountStatus: { not: null } },
    data: { discountCode: null, discountStatus: "erased", discountError: ERASED_CODE_NOTE },
  });
  const decided = await tx.insertEvaluation.findMany({
    where: { shop, orderGid: { in: [...new Set(rows.map((row) => row.orderGid))] } },
    select: { orderGid: true },
  });
  for (const { orderGid } of decided) await rebuildPackingPlan(tx, shop, orderGid);
  return rows.flatMap((row) => (row.discountCode ? [row.discountCode] : []));
}

/** The decision and assignments for one order, with the names of their rules (the order page, tests). */
export async function findEvaluation(shop: string, orderGid: string) {
  const evaluation = await prisma.insertEvaluation.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  if (!evaluation) return null;
  const assignments = await prisma.insertAssignment.findMany({ where: { shop, orderGid }, orderBy: { createdAt: "asc" } });
  const ruleIds = [...new Set(assignments.map((assignment) => assignment.ruleId))];
  const rules = ruleIds.length ? await prisma.insertRule.findMany({ where: { shop, id: { in: ruleIds } }, select: { id: true, name: true } }) : [];
  return { evaluation, assignments, ruleNames: new Map(rules.map((rule) => [rule.id, rule.name])) };
}

/** The stored packing plan with its parts, as the write-back publishes it; null when the order was never decided. */
export async function findPlanForWriteBack(shop: string, orderGid: string) {
  const evaluation = await prisma.insertEvaluation.findUnique({ where: { shop_orderGid: { shop, orderGid } }, select: { packingPlan: true } });
  if (!evaluation) return null;
  return { plan: evaluation.packingPlan, parts: await findPlanParts(prisma, shop, orderGid) };
}

/** The stored facts (InsertEvaluation.facts JSON) of the given orders that were decided with some; orderGid → JSON. */
export async function findStoredFacts(shop: string, orderGids: string[]): Promise<Map<string, string>> {
  if (orderGids.length === 0) return new Map();
  const rows = await prisma.insertEvaluation.findMany({
    where: { shop, orderGid: { in: orderGids }, facts: { not: null } },
    select: { orderGid: true, facts: true },
  });
  return new Map(rows.flatMap((row) => (row.facts ? [[row.orderGid, row.facts] as const] : [])));
}
