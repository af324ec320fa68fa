import prisma from "~/models/db/prisma.server";

export type FollowUpSummary = { id: string; category: string; trigger: string; locale: string | null; orderGid: string; orderName: string };

/** The shop's follow-ups with these ids (a message's X-Kept-Follow-Up header), by id; ids of other shops' rows are left out. */
export async function findFollowUpSummaries(shop: string, ids: readonly string[]): Promise<Map<string, FollowUpSummary>> {
  const found = new Map<string, FollowUpSummary>();
  // In slices, well under SQLite's limit on bound parameters.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await prisma.followUp.findMany({
      where: { shop, id: { in: ids.slice(start, start + 500) } },
      select: { id: true, category: true, trigger: true, locale: true, orderGid: true, order: { select: { name: true } } },
    });
    for (const row of rows) found.set(row.id, { ...row, orderName: row.order.name });
  }
  return found;
}
