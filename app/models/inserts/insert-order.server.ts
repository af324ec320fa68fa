import prisma from "~/models/db/prisma.server";

// The insert jobs of one order are found by their dedupe keys, which all start "<type>:<orderGid>"
// (app/services/inserts/queue-queue-insert-jobs.server.ts, app/models/inserts/insert-assign-queue.server.ts): exact keys, or a key range
// for the ones with a suffix, so the lookup uses the (shop, dedupeKey) index. ";" is the character after ":".
const keyRange = (prefix: string) => ({ gte: prefix, lt: `${prefix.slice(0, -1)};` });

/** What Kept decided and did about inserts for one order: the decision, its rules' cards and its jobs. */
export async function findOrderInserts(shop: string, orderGid: string) {
  const [evaluation, assignments, jobs] = await Promise.all([
    prisma.insertEvaluation.findUnique({
      where: { shop_orderGid: { shop, orderGid } },
      select: { evaluatedAt: true, packingPlan: true, skipped: true, warnings: true, printedAt: true },
    }),
    prisma.insertAssignment.findMany({
      where: { shop, orderGid },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        ruleId: true,
        ruleVersion: true,
        holdout: true,
        templateId: true,
        itemLabel: true,
        discountCode: true,
        discountStatus: true,
        discountError: true,
        printedAt: true,
      },
    }),
    prisma.job.findMany({
      where: {
        shop,
        OR: [
          { dedupeKey: `inserts.assign:${orderGid}` },
          { dedupeKey: `inserts.tag:${orderGid}` },
          { dedupeKey: keyRange(`inserts.discount:${orderGid}:`) },
          { dedupeKey: keyRange(`inserts.metafield:${orderGid}:`) },
        ],
      },
      // Ids are UUIDv7, in creation order within a millisecond: the tag and metafield jobs are queued together.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, type: true, status: true, attempts: true, maxAttempts: true, lastError: true, finishedAt: true },
    }),
  ]);
  const ruleIds = [...new Set(assignments.map((row) => row.ruleId))];
  const rules = ruleIds.length ? await prisma.insertRule.findMany({ where: { shop, id: { in: ruleIds } }, select: { id: true, name: true } }) : [];
  const ruleName = new Map(rules.map((rule) => [rule.id, rule.name]));
  return { evaluation, assignments: assignments.map((row) => ({ ...row, ruleName: ruleName.get(row.ruleId) ?? row.ruleId })), jobs };
}
