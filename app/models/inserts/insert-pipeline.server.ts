import prisma from "~/models/db/prisma.server";

// The pipeline's reads of the rule editor's tables (InsertRule, InsertTemplate) and of Kept's order
// records. The rule editor owns the writes to its tables; the pipeline only counts stock down.

/** The shop's live rules as the editor saved them: active, not archived, with the authoritative stock. */
export async function findLiveRules(shop: string) {
  return prisma.insertRule.findMany({
    where: { shop, active: true, archivedAt: null },
    select: { id: true, version: true, document: true, stockLeft: true },
  });
}

/** Current stock of the given rules (null = unlimited or no physical item). */
export async function readStockLeft(shop: string, ruleIds: string[]): Promise<Map<string, number | null>> {
  const rows = await prisma.insertRule.findMany({ where: { shop, id: { in: ruleIds } }, select: { id: true, stockLeft: true } });
  return new Map(rows.map((row) => [row.id, row.stockLeft]));
}

/** Templates by id (archived ones too: a rule may still point at one), with their current version and name. */
export async function findTemplates(shop: string, ids: string[]) {
  if (ids.length === 0) return [];
  return prisma.insertTemplate.findMany({
    where: { shop, id: { in: ids } },
    select: { id: true, version: true, name: true, archivedAt: true },
  });
}
