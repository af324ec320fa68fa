import { beforeEach, describe, expect, it } from "vitest";
import prisma, { inTransaction } from "~/models/db/prisma.server";
import { openSqlite } from "~/models/db/sqlite.server";
import { eraseShop } from "~/models/shop/shop.server";
import { listTables, resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";

beforeEach(resetDatabase);

const ORDER = "gid://shopify/Order/1001";
const at = new Date("2026-11-20T10:00:00Z");

/** One row in every table for `shop`, the children beside their parents. Returns the kept delivery's id. */
async function seedShop(shop: string): Promise<string> {
  await prisma.shop.create({ data: { shop } });
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken: "t" } });
  const delivery = await prisma.webhookDelivery.create({ data: { shop, webhookId: `w-${shop}`, topic: "orders/create", bodyBytes: 2, body: "{}" } });
  await prisma.job.create({ data: { shop, type: "inserts.assign", payload: "{}", runAt: at, deliveryId: delivery.id } });
  await prisma.order.create({
    data: { shop, orderGid: ORDER, legacyId: "1001", name: "#1001", currency: "EUR", totalPrice: "10.00", createdAtShopify: at, updatedAtShopify: at },
  });
  await prisma.orderSearchTerm.create({ data: { shop, orderGid: ORDER, term: "1001", customer: false } });
  await prisma.deliveryPromise.create({ data: { shop, orderGid: ORDER } });
  await prisma.promiseOutcome.create({ data: { shop, orderGid: ORDER, verdict: "open", destinationZone: "Europe/Berlin", orderedAt: at, updatedAt: at } });
  await prisma.insertEvaluation.create({ data: { shop, orderGid: ORDER, evaluatedFor: at } });
  await prisma.insertAssignment.create({ data: { shop, orderGid: ORDER, ruleId: "r1", ruleVersion: 1 } });
  await prisma.followUp.create({
    data: {
      shop,
      orderGid: ORDER,
      ruleId: "review",
      ruleVersion: 1,
      trigger: "review-request",
      category: "marketing",
      messageId: "<review@kept.test>",
      sendAt: at,
    },
  });
  await prisma.fulfillment.create({
    data: { shop, fulfillmentGid: "gid://shopify/Fulfillment/1", orderGid: ORDER, status: "success", createdAtShopify: at, updatedAtShopify: at },
  });
  await prisma.deliveryEvent.create({
    data: {
      shop,
      eventGid: "gid://shopify/FulfillmentEvent/1",
      fulfillmentGid: "gid://shopify/Fulfillment/1",
      orderGid: ORDER,
      status: "in_transit",
      happenedAt: at,
    },
  });
  await prisma.promiseSettingsVersion.create({ data: { shop, version: 1, document: "{}", effectiveFrom: at } });
  await prisma.paddingTuner.create({ data: { shop, autoApply: true } });
  await prisma.paddingChange.create({ data: { shop, laneKey: "se", laneLabel: "Sweden", fromDays: 1, toDays: 2, version: 2, appliedBy: "auto", reason: "r" } });
  await prisma.shippingSnapshot.create({ data: { shop, document: "{}", fetchedAt: at } });
  await prisma.insertSettings.create({ data: { shop, holdoutSalt: "salt" } });
  await prisma.insertRule.create({ data: { shop, id: "r1", version: 1, name: "Rule", priority: 10, active: true, document: "{}" } });
  await prisma.insertRuleVersion.create({ data: { shop, ruleId: "r1", version: 1, document: "{}" } });
  await prisma.insertTemplate.create({ data: { shop, id: "t1", version: 1, name: "Card", document: "{}" } });
  await prisma.insertTemplateVersion.create({ data: { shop, templateId: "t1", version: 1, document: "{}" } });
  await prisma.followUpRule.create({ data: { shop, id: "review", name: "Review", trigger: "review-request", document: "{}" } });
  await prisma.emailSuppression.create({ data: { shop, email: "anna@example.se", reason: "unsubscribed" } });
  await prisma.customerConsent.create({ data: { shop, customerGid: "gid://shopify/Customer/7", state: "subscribed" } });
  await prisma.followUpSettings.create({ data: { shop } });
  await prisma.flowTriggerUse.create({ data: { shop, trigger: "kept-promise-kept", enabled: true, enabledSince: at, changedAt: at, updatedAt: at } });
  await prisma.dataRequestExport.create({ data: { shop, requestId: "q1", customerGid: "gid://shopify/Customer/7", data: "{}" } });
  return delivery.id;
}

/** Rows per table for `shop`. */
async function rowsOf(shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables()) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "shop" = ?`, shop);
    counts[table] = Number(row.n);
  }
  return counts;
}

describe("the schema's cascades", () => {
  it("has SQLite's foreign keys on, on Prisma's connection and on the hot paths' own", async () => {
    const [prismaSide] = await prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(Number(prismaSide.foreign_keys)).toBe(1);
    const own = openSqlite(process.env.DATABASE_URL as string, { busyTimeoutMs: 1000 });
    try {
      expect(own.connection.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      own.connection.close();
    }
  });

  it("erases an order's promise, its outcome, insert evaluation, assignments and follow-ups with the order, and nothing of another shop", async () => {
    await seedShop(TEST_SHOP);
    await seedShop(OTHER_SHOP);
    await prisma.order.delete({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: ORDER } } });
    const left = await rowsOf(TEST_SHOP);
    expect([left.DeliveryPromise, left.PromiseOutcome, left.InsertEvaluation, left.InsertAssignment, left.FollowUp, left.OrderSearchTerm]).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    // Fulfillments and scans may arrive before their order, so they are not its children.
    expect([left.Fulfillment, left.DeliveryEvent]).toEqual([1, 1]);
    expect(Object.values(await rowsOf(OTHER_SHOP)).every((count) => count === 1)).toBe(true);
  });

  it("erases a rule's and a template's versions with them", async () => {
    await seedShop(TEST_SHOP);
    await prisma.insertRule.delete({ where: { shop_id: { shop: TEST_SHOP, id: "r1" } } });
    await prisma.insertTemplate.delete({ where: { shop_id: { shop: TEST_SHOP, id: "t1" } } });
    const left = await rowsOf(TEST_SHOP);
    expect([left.InsertRuleVersion, left.InsertTemplateVersion]).toEqual([0, 0]);
  });

  it("refuses a row whose parent does not exist", async () => {
    await expect(prisma.deliveryPromise.create({ data: { shop: TEST_SHOP, orderGid: "gid://shopify/Order/404" } })).rejects.toThrow();
  });

  it("shop/redact's erasure leaves no row of the shop in any table but its own log line, and every row of another shop", async () => {
    const kept = await seedShop(TEST_SHOP);
    await seedShop(OTHER_SHOP);
    await inTransaction((tx) => eraseShop(tx, TEST_SHOP, kept));
    const left = Object.entries(await rowsOf(TEST_SHOP)).filter(([, count]) => count > 0);
    expect(left).toEqual([["WebhookDelivery", 1]]);
    expect(await prisma.webhookDelivery.findUnique({ where: { id: kept }, select: { body: true } })).toEqual({ body: "[redacted]" });
    expect(Object.values(await rowsOf(OTHER_SHOP)).every((count) => count === 1)).toBe(true);
  });
});
