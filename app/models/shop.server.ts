import prisma from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { cancelCustomerJobs, cancelShopJobs } from "./job.server";
import type { SqliteDb } from "./sqlite.server";

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

export async function updateShopScopes(tx: Tx, shop: string, scopes: string[]) {
  await tx.session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
  await tx.shop.upsert({ where: { shop }, create: { shop, scopes: scopes.join(",") }, update: { scopes: scopes.join(",") } });
}

async function customerOrderGids(tx: Tx, shop: string, customerGid: string, orderGids: string[]) {
  const orders = await tx.order.findMany({
    where: { shop, OR: [{ customerGid }, { orderGid: { in: orderGids } }] },
    select: { orderGid: true },
  });
  return [...new Set([...orderGids, ...orders.map((order) => order.orderGid)])];
}

/** customers/data_request: everything Kept stores about one customer, for the merchant to hand over. */
export async function gatherCustomerData(tx: Tx, shop: string, customerGid: string, orderGids: string[]) {
  const gids = await customerOrderGids(tx, shop, customerGid, orderGids);
  const [orders, fulfillments, events, promises, inserts, followUps] = await Promise.all([
    tx.order.findMany({ where: { shop, orderGid: { in: gids } } }),
    tx.fulfillment.findMany({ where: { shop, orderGid: { in: gids } } }),
    tx.deliveryEvent.findMany({ where: { shop, orderGid: { in: gids } } }),
    tx.deliveryPromise.findMany({ where: { shop, orderGid: { in: gids } } }),
    tx.insertAssignment.findMany({ where: { shop, orderGid: { in: gids } } }),
    tx.followUp.findMany({ where: { shop, orderGid: { in: gids } } }),
  ]);
  return { customerGid, orders, fulfillments, deliveryEvents: events, promises, inserts, followUps };
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

/**
 * customers/redact: removes the customer's personal data. Orders stay as anonymous facts (country,
 * lines, dates) so delivery statistics survive; contact data, addresses and raw payloads go, and
 * pending work for the customer is cancelled.
 */
export async function redactCustomer(tx: Tx, shop: string, customerGid: string, orderGids: string[], exceptJobId?: string) {
  const gids = await customerOrderGids(tx, shop, customerGid, orderGids);
  const orders = await tx.order.updateMany({
    where: { shop, orderGid: { in: gids } },
    data: { email: null, customerGid: null, customerTags: "", customerLocale: null, shipZip: null, shipCity: null },
  });
  await tx.deliveryEvent.updateMany({ where: { shop, orderGid: { in: gids } }, data: { zip: null, city: null } });
  await tx.insertEvaluation.updateMany({ where: { shop, orderGid: { in: gids } }, data: { customerFirstName: null } });
  await tx.followUp.deleteMany({ where: { shop, orderGid: { in: gids }, status: "scheduled" } });
  const deliveries = await tx.webhookDelivery.updateMany({
    where: { shop, OR: [{ customerGid }, { orderGid: { in: gids } }] },
    data: { body: "[redacted]", customerGid: null },
  });
  await tx.dataRequestExport.deleteMany({ where: { shop, customerGid } });
  const jobs = await cancelCustomerJobs(tx, shop, customerGid, exceptJobId);
  return { orders: orders.count, deliveries: deliveries.count, jobs };
}

/** shop/redact: erases everything Kept holds for the shop, except the log line of this request. */
export async function eraseShop(tx: Tx, shop: string, keepDeliveryId: string, exceptJobId?: string) {
  await cancelShopJobs(tx, shop, exceptJobId);
  await tx.job.deleteMany({ where: { shop, id: exceptJobId ? { not: exceptJobId } : undefined } });
  await tx.session.deleteMany({ where: { shop } });
  for (const table of [
    "order", "fulfillment", "deliveryEvent", "deliveryPromise", "promiseSettingsVersion", "shippingSnapshot", "insertSettings", "insertRule", "insertRuleVersion",
    "insertTemplate", "insertTemplateVersion", "insertEvaluation", "insertAssignment", "followUp", "dataRequestExport",
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
