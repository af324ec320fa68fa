import prisma from "~/db.server";

/**
 * Everything the print sheet needs for the given orders of one shop. Orders of other shops are simply not
 * found (every query is scoped by shop); `missing` lists the requested ids this shop does not have.
 */
export async function loadPrintOrders(shop: string, orderGids: string[]) {
  const [orders, evaluations, assignments, settings, shopRow] = await Promise.all([
    prisma.order.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true, name: true, customerLocale: true, customerFirstName: true } }),
    prisma.insertEvaluation.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true } }),
    prisma.insertAssignment.findMany({
      where: { shop, orderGid: { in: orderGids }, holdout: false, templateId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: { orderGid: true, ruleId: true, templateId: true, templateVersion: true, discountCode: true, discountStatus: true, discountExpiresAt: true },
    }),
    prisma.insertSettings.findUnique({ where: { shop }, select: { paperSize: true, fallbackLocale: true } }),
    prisma.shop.findUnique({ where: { shop }, select: { timezone: true } }),
  ]);
  const versionKeys = assignments.flatMap((row) => (row.templateId && row.templateVersion ? [{ templateId: row.templateId, version: row.templateVersion }] : []));
  const templates = versionKeys.length
    ? await prisma.insertTemplateVersion.findMany({ where: { shop, OR: versionKeys }, select: { templateId: true, version: true, document: true } })
    : [];
  const found = new Set(orders.map((order) => order.orderGid));
  return {
    orders, evaluations, assignments, templates,
    missing: orderGids.filter((gid) => !found.has(gid)),
    paperSize: settings?.paperSize ?? "A6",
    fallbackLocale: settings?.fallbackLocale ?? "en",
    timeZone: shopRow?.timezone ?? "UTC",
  };
}

export type PrintQueueFilter = { printed: boolean };

/** Unfulfilled, not cancelled orders whose decision put something in the parcel, newest first. */
export async function listPrintQueue(shop: string, filter: PrintQueueFilter, take = 100) {
  const evaluations = await prisma.insertEvaluation.findMany({
    where: { shop, printedAt: filter.printed ? { not: null } : null, packingPlan: { not: "" } },
    orderBy: filter.printed ? { printedAt: "desc" } : { evaluatedFor: "desc" },
    take: take * 2,
    select: { orderGid: true, packingPlan: true, printedAt: true, evaluatedFor: true, warnings: true },
  });
  const gids = evaluations.map((row) => row.orderGid);
  const [orders, assignments] = await Promise.all([
    prisma.order.findMany({
      where: { shop, orderGid: { in: gids }, cancelledAt: null, OR: [{ fulfillmentStatus: null }, { fulfillmentStatus: { in: ["partial", "unfulfilled"] } }] },
      select: { orderGid: true, legacyId: true, name: true, customerLocale: true },
    }),
    prisma.insertAssignment.findMany({
      where: { shop, orderGid: { in: gids }, holdout: false },
      select: { orderGid: true, templateId: true, templateVersion: true, discountCode: true, discountStatus: true, discountError: true },
    }),
  ]);
  const versionKeys = assignments.flatMap((row) => (row.templateId && row.templateVersion ? [{ templateId: row.templateId, version: row.templateVersion }] : []));
  const templates = versionKeys.length
    ? await prisma.insertTemplateVersion.findMany({ where: { shop, OR: versionKeys }, select: { templateId: true, version: true, document: true } })
    : [];
  const byGid = new Map(orders.map((order) => [order.orderGid, order]));
  const rows = evaluations.flatMap((row) => {
    const order = byGid.get(row.orderGid);
    return order ? [{ ...row, order, assignments: assignments.filter((assignment) => assignment.orderGid === row.orderGid) }] : [];
  });
  return { rows: rows.slice(0, take), templates };
}

/** Marks orders printed (or, with `printedAt` null, back to unprinted); only this shop's orders change. */
export async function setPrinted(shop: string, orderGids: string[], printedAt: Date | null): Promise<number> {
  const { count } = await prisma.insertEvaluation.updateMany({ where: { shop, orderGid: { in: orderGids } }, data: { printedAt } });
  await prisma.insertAssignment.updateMany({ where: { shop, orderGid: { in: orderGids }, holdout: false }, data: { printedAt } });
  return count;
}

/** Rules whose physical insert ran out and has not been restocked (the merchant's stock warning). */
export async function listStockOuts(shop: string) {
  return prisma.insertRule.findMany({
    where: { shop, archivedAt: null, stockOutAt: { not: null }, stockLeft: { lte: 0 } },
    orderBy: { stockOutAt: "desc" },
    select: { id: true, name: true, stockOutAt: true },
  });
}
