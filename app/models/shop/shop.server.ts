import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { cancelShopJobs } from "../jobs/job.server";
import type { SqliteDb } from "../db/sqlite.server";

type Tx = Prisma.TransactionClient;

/** Called after OAuth/token exchange: the shop is (again) installed. */
export async function markShopInstalled(shop: string, scopes: string | null) {
  await prisma.shop.upsert({
    where: { shop },
    create: { shop, scopes },
    update: { uninstalledAt: null, scopes },
  });
}

/** False once the shop was uninstalled (app/uninstalled). Worker connection: asked once per shop per batch. */
export function isShopActive(db: SqliteDb, shop: string): boolean {
  const row = db.statement(`SELECT "uninstalledAt" FROM "Shop" WHERE "shop" = ?`).get(shop) as { uninstalledAt: string | null } | undefined;
  return !row?.uninstalledAt;
}

/** app/uninstalled: sessions go, the shop is marked uninstalled and all its pending work stops. */
export async function markShopUninstalled(tx: Tx, shop: string, exceptJobId?: string) {
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.upsert({
    where: { shop },
    create: { shop, uninstalledAt: new Date() },
    update: { uninstalledAt: new Date() },
  });
  return cancelShopJobs(tx, shop, exceptJobId);
}

/**
 * The store's time zone as Shopify reports it (`shop.ianaTimezone`): insert dates (code expiry, rule active
 * windows) and the admin read the shop's calendar in it. Written whenever Kept reads the shop's settings.
 */
export async function recordShopTimeZone(tx: Tx | typeof prisma, shop: string, timezone: string) {
  await tx.shop.upsert({ where: { shop }, create: { shop, timezone }, update: { timezone } });
}

export async function updateShopScopes(tx: Tx, shop: string, scopes: string[]) {
  await tx.session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
  await tx.shop.upsert({ where: { shop }, create: { shop, scopes: scopes.join(",") }, update: { scopes: scopes.join(",") } });
}

export async function saveDataRequestExport(tx: Tx, shop: string, requestId: string, customerGid: string, data: unknown) {
  await tx.dataRequestExport.upsert({
    where: { shop_requestId: { shop, requestId } },
    create: { shop, requestId, customerGid, data: JSON.stringify(data) },
    update: {},
  });
}

export async function listDataRequestExports(shop: string) {
  return prisma.dataRequestExport.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    select: { id: true, requestId: true, customerGid: true, createdAt: true },
  });
}

export async function getDataRequestExport(shop: string, id: string) {
  return prisma.dataRequestExport.findFirst({ where: { shop, id } });
}

/** shop/redact: erases everything Kept holds for the shop, except the log line of this request. */
export async function eraseShop(tx: Tx, shop: string, keepDeliveryId: string, exceptJobId?: string) {
  await cancelShopJobs(tx, shop, exceptJobId);
  await tx.job.deleteMany({ where: { shop, id: exceptJobId ? { not: exceptJobId } : undefined } });
  await tx.session.deleteMany({ where: { shop } });
  // The tables whose rows belong to no other row; the rest go with their parent (onDelete: Cascade: an
  // order's promise, evaluation, assignments and follow-ups, a rule's and a template's versions).
  // test/db/schema-cascades.test.ts checks that this leaves nothing of the shop in any table.
  for (const table of [
    "order",
    "fulfillment",
    "deliveryEvent",
    "promiseSettingsVersion",
    "paddingTuner",
    "paddingChange",
    "shippingSnapshot",
    "insertSettings",
    "insertRule",
    "insertTemplate",
    "followUpRule",
    "emailSuppression",
    "customerConsent",
    "followUpSettings",
    "flowTriggerUse",
    "dataRequestExport",
  ] as const) {
    // Each table has a `shop` column; deleteMany keeps the statement portable.
    await (tx[table] as unknown as { deleteMany(args: { where: { shop: string } }): Promise<unknown> }).deleteMany({ where: { shop } });
  }
  await tx.webhookDelivery.deleteMany({ where: { shop, id: { not: keepDeliveryId } } });
  await tx.webhookDelivery.updateMany({ where: { shop, id: keepDeliveryId }, data: { body: "[redacted]" } });
  await tx.shop.deleteMany({ where: { shop } });
}

/** The shop's stored facts for Settings; null until the shop is installed or seeded. */
export async function getShopInfo(shop: string) {
  return prisma.shop.findUnique({
    where: { shop },
    select: { shop: true, timezone: true, scopes: true, currency: true, installedAt: true, uninstalledAt: true },
  });
}
