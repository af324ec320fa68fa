import prisma from "~/models/db/prisma.server";

/**
 * Everything the print sheet needs for the given orders of one shop. Orders of other shops are simply not
 * found (every query is scoped by shop); `missing` lists the requested ids this shop does not have.
 */
export async function loadPrintOrders(shop: string, orderGids: string[]) {
  const [orders, evaluations, assignments, settings, shopRow] = await Promise.all([
    prisma.order.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: { orderGid: true, name: true, customerLocale: true, customerFirstName: true },
    }),
    prisma.insertEvaluation.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true } }),
    prisma.insertAssignment.findMany({
      where: { shop, orderGid: { in: orderGids }, holdout: false, templateId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        orderGid: true,
        ruleId: true,
        printedAt: true,
        templateId: true,
        templateVersion: true,
        discountCode: true,
        discountStatus: true,
        discountExpiresAt: true,
      },
    }),
    prisma.insertSettings.findUnique({ where: { shop }, select: { paperSize: true, fallbackLocale: true } }),
    prisma.shop.findUnique({ where: { shop }, select: { timezone: true } }),
  ]);
  const versionKeys = assignments.flatMap((row) =>
    row.templateId && row.templateVersion ? [{ templateId: row.templateId, version: row.templateVersion }] : [],
  );
  const templates = versionKeys.length
    ? await prisma.insertTemplateVersion.findMany({ where: { shop, OR: versionKeys }, select: { templateId: true, version: true, document: true } })
    : [];
  const found = new Set(orders.map((order) => order.orderGid));
  return {
    orders,
    evaluations,
    assignments,
    templates,
    missing: orderGids.filter((gid) => !found.has(gid)),
    paperSize: settings?.paperSize ?? "A6",
    fallbackLocale: settings?.fallbackLocale ?? "en",
    timeZone: shopRow?.timezone ?? "UTC",
  };
}

/** Rules whose physical insert ran out and has not been restocked (the merchant's stock warning). */
export async function listStockOuts(shop: string) {
  return prisma.insertRule.findMany({
    where: { shop, archivedAt: null, stockOutAt: { not: null }, stockLeft: { lte: 0 } },
    orderBy: { stockOutAt: "desc" },
    select: { id: true, name: true, stockOutAt: true },
  });
}
