import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { isInHoldout } from "~/domain/rules/holdout";
import { assignInsertsForOrder } from "~/services/inserts/assign-inserts.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";
import { decisionOf, deliver, gid, jobsOfType, order, storeDefaultTemplates, storeRule, storeSession } from "./fixtures";

beforeEach(async () => {
  await resetDatabase();
  await storeSession();
  await storeDefaultTemplates();
  installAdminApiDouble(healthyInsertAnswers());
});

const soapFirst = {
  id: "soap",
  priority: 1,
  stopAfter: true,
  actions: { insertTemplateId: "care-guide", physicalItem: { label: "lavender soap sample", stock: 2 } },
};
const cardNext = { id: "card", priority: 2, actions: { insertTemplateId: "first-order-thanks" } };

describe("inserts.assign: one decision per order", () => {
  it("decides once across duplicate, late and out-of-order deliveries, with the rules in force at first sight", async () => {
    // GIVEN an active rule
    await storeRule(cardNext);
    // WHEN orders/updated arrives before orders/create, the create is replayed, and a newer update follows
    const created = order(4001, { created_at: "2026-11-20T10:00:00+01:00", updated_at: "2026-11-20T10:05:00+01:00" });
    await deliver("orders/updated", created, { webhookId: "u-1" });
    await drainJobs();
    await storeRule({ ...cardNext, version: 2, actions: { insertTemplateId: "care-guide" } }); // an edit after the decision
    await deliver("orders/create", { ...created, updated_at: "2026-11-20T10:00:00+01:00" }, { webhookId: "c-1" });
    await deliver("orders/create", { ...created, updated_at: "2026-11-20T10:00:00+01:00" }, { webhookId: "c-1" });
    await deliver("orders/updated", { ...created, updated_at: "2026-11-21T08:00:00+01:00", tags: "late" }, { webhookId: "u-2" });
    await drainJobs();
    // THEN there is one evaluation, made for the order's creation instant, with the rule as it was then
    const { evaluation, assignments } = await decisionOf(4001);
    expect(evaluation?.evaluatedFor.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(assignments.map((row) => [row.ruleId, row.templateId])).toEqual([["card", "first-order-thanks"]]);
    expect(await jobsOfType("inserts.assign")).toHaveLength(1);
    expect(await prisma.insertEvaluation.count()).toBe(1);
    // AND a direct replay of the job changes nothing
    expect(await assignInsertsForOrder(TEST_SHOP, gid(4001))).toBe("already-decided");
    expect(await prisma.insertAssignment.count()).toBe(1);
  });

  it("queues nothing when the shop has no active rule", async () => {
    await storeRule({ ...cardNext, id: "off" });
    await prisma.insertRule.updateMany({ data: { active: false } });
    await deliver("orders/create", order(4002));
    await drainJobs();
    expect(await jobsOfType("inserts.assign")).toEqual([]);
    expect(await prisma.insertEvaluation.count()).toBe(0);
  });
});

describe("inserts.assign: stock", () => {
  it("counts stock down; when it runs out mid-stream the next rule applies and the warning is stored", async () => {
    // GIVEN 2 soap samples (stop after the soap rule) and an unlimited card as the next rule
    await storeRule(soapFirst, { stockLeft: 2 });
    await storeRule(cardNext);
    // WHEN three orders arrive one after another
    for (const id of [4101, 4102, 4103]) {
      await deliver("orders/create", order(id, { created_at: `2026-11-20T1${id - 4100}:00:00+01:00` }));
      await drainJobs();
    }
    // THEN the first two get the soap, the third the card, and the rule is stamped out of stock
    expect((await decisionOf(4101)).rules).toEqual(["soap"]);
    expect((await decisionOf(4102)).rules).toEqual(["soap"]);
    expect((await decisionOf(4103)).rules).toEqual(["card"]);
    const soap = await prisma.insertRule.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } } });
    expect(soap.stockLeft).toBe(0);
    expect(soap.stockOutAt).not.toBeNull();
    expect(JSON.parse((await decisionOf(4102)).evaluation?.warnings ?? "[]")).toEqual([
      '"lavender soap sample" ran out with order #4102: later orders get the next matching rule until it is restocked.',
    ]);
    expect(JSON.parse((await decisionOf(4103)).evaluation?.warnings ?? "[]")).toEqual([
      'Rule "Rule soap": insert "lavender soap sample" is out of stock, so the next matching rule was used.',
    ]);
    expect((await decisionOf(4101)).evaluation?.packingPlan).toBe("Include: Care guide. Add: lavender soap sample.");
  });

  it("gives the last item to exactly one of two concurrent orders; the other gets the next rule", async () => {
    // GIVEN two stored orders and then one soap sample left
    await deliver("orders/create", order(4201));
    await deliver("orders/create", order(4202));
    await drainJobs();
    await storeRule(soapFirst, { stockLeft: 1 });
    await storeRule(cardNext);
    // WHEN both are decided at the same time, each having read "1 left"
    const snapshot = new Map<string, number | null>([
      ["soap", 1],
      ["card", null],
    ]);
    await Promise.all([4201, 4202].map((id) => assignInsertsForOrder(TEST_SHOP, gid(id), { stockSnapshot: snapshot })));
    // THEN one soap went out, the stock never went below zero, and the other order got the card
    const rules = [(await decisionOf(4201)).rules, (await decisionOf(4202)).rules].map((list) => list.join());
    expect(rules.sort()).toEqual(["card", "soap"]);
    expect((await prisma.insertRule.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } } })).stockLeft).toBe(0);
  });

  it("re-decides an order whose stale read saw stock that another order already took", async () => {
    await deliver("orders/create", order(4301));
    await drainJobs();
    await storeRule(soapFirst, { stockLeft: 0 });
    await storeRule(cardNext);
    // WHEN the order is decided with a stale "1 left"
    await assignInsertsForOrder(TEST_SHOP, gid(4301), { stockSnapshot: new Map([["soap", 1]]) });
    // THEN the conditional update refuses, the rule counts as out of stock and the card applies
    const { rules, evaluation } = await decisionOf(4301);
    expect(rules).toEqual(["card"]);
    expect(evaluation?.warnings).toContain("out of stock");
    expect((await prisma.insertRule.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } } })).stockLeft).toBe(0);
  });
});

describe("inserts.assign: holdouts, special orders and tenancy", () => {
  it("records held-out orders with nothing for them, decided by the shop's salt", async () => {
    await storeRule({ ...cardNext, holdoutPercent: 50, stopAfter: true });
    await prisma.insertSettings.upsert({
      where: { shop: TEST_SHOP },
      create: { shop: TEST_SHOP, holdoutSalt: "fixed-salt" },
      update: { holdoutSalt: "fixed-salt" },
    });
    const ids = Array.from({ length: 16 }, (_, index) => 4400 + index);
    for (const id of ids) await deliver("orders/create", order(id));
    await drainJobs();
    for (const id of ids) {
      const held = isInHoldout({ holdoutSalt: "fixed-salt", ruleId: "card", orderGid: gid(id), holdoutPercent: 50 });
      const { assignments, evaluation } = await decisionOf(id);
      expect(assignments).toHaveLength(1);
      expect(assignments[0]).toMatchObject({ ruleId: "card", holdout: held, templateId: held ? null : "first-order-thanks" });
      expect(evaluation?.packingPlan).toBe(held ? "" : "Include: Thank-you card (first order).");
    }
    const heldCount = ids.filter((id) => isInHoldout({ holdoutSalt: "fixed-salt", ruleId: "card", orderGid: gid(id), holdoutPercent: 50 })).length;
    expect(heldCount).toBeGreaterThan(0);
    expect(heldCount).toBeLessThan(ids.length);
    // Held-out orders get no write-back: nothing is added to their parcel
    expect(await jobsOfType("inserts.tag")).toHaveLength(ids.length - heldCount);
  });

  it("handles cancelled, counter-POS, guest and 250-line orders", async () => {
    await storeRule({
      id: "bulk",
      priority: 1,
      conditions: { op: "and", items: [{ kind: "line-item", field: "sku", values: ["BULK-250"] }] },
      actions: { insertTemplateId: "care-guide" },
    });
    await storeRule(cardNext);
    await deliver("orders/cancelled", order(4501, { cancelled_at: "2026-11-20T11:00:00+01:00", cancel_reason: "customer" }));
    await deliver("orders/create", order(4502, { source_name: "pos", shipping_address: null, shipping_lines: [] }));
    await deliver("orders/create", order(4503, { source_name: "pos" }));
    await deliver("orders/create", order(4504, { customer: null }));
    const lines = Array.from({ length: 250 }, (_, index) => ({
      id: 90000 + index,
      product_id: 77,
      variant_id: 78,
      sku: index === 249 ? "BULK-250" : `SKU-${index}`,
      vendor: "Kept Soap",
      title: `Item ${index}`,
      quantity: 1,
      price: "1.00",
    }));
    await deliver("orders/create", order(4505, { line_items: lines }));
    await drainJobs();
    expect(JSON.parse((await decisionOf(4501)).evaluation?.skipped ?? "")).toEqual([{ ruleId: null, reason: "order-cancelled" }]);
    expect((await decisionOf(4501)).assignments).toEqual([]);
    expect(JSON.parse((await decisionOf(4502)).evaluation?.skipped ?? "")).toEqual([{ ruleId: null, reason: "pos-no-parcel" }]);
    expect((await decisionOf(4503)).rules).toEqual(["card"]); // a POS sale shipped to the customer has a parcel
    expect((await decisionOf(4504)).rules).toEqual(["card"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: gid(4504) } } })).customerFirstName).toBeNull();
    expect((await decisionOf(4505)).rules).toEqual(["bulk", "card"]);
    expect(JSON.parse((await decisionOf(4505)).assignments[0].reasons)).toEqual(["contains SKU BULK-250"]);
  });

  it("uses each shop's own rules and stock for the same order id", async () => {
    await storeRule(soapFirst, { stockLeft: 5 });
    await storeRule({ id: "b-only", priority: 1, actions: { insertTemplateId: "care-guide" } }, { shop: OTHER_SHOP });
    await storeSession(OTHER_SHOP);
    await deliver("orders/create", order(4601), { shop: OTHER_SHOP });
    await deliver("orders/create", order(4601));
    await drainJobs();
    expect((await decisionOf(4601)).rules).toEqual(["soap"]);
    expect((await decisionOf(4601, OTHER_SHOP)).rules).toEqual(["b-only"]);
    expect((await prisma.insertRule.findUniqueOrThrow({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } } })).stockLeft).toBe(4);
  });

  it("decides with the first name from Kept's order record, never from the raw payload", async () => {
    // GIVEN a rule with a personal code and an order whose first name the intake normalized
    await storeRule({
      id: "code",
      priority: 1,
      actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
    });
    await deliver("orders/create", order(4701));
    await drainJobs();
    const firstName = async () =>
      (await prisma.order.findUniqueOrThrow({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: gid(4701) } } })).customerFirstName;
    expect(await firstName()).toBe("Anna");
    expect((await decisionOf(4701)).assignments[0].discountCode).toMatch(/^ANNA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // WHEN the stored body is unreadable and the record carries another name, a new order's code follows the record
    await prisma.order.updateMany({ where: { shop: TEST_SHOP, orderGid: gid(4701) }, data: { customerFirstName: "Olga" } });
    await prisma.insertEvaluation.deleteMany({ where: { shop: TEST_SHOP, orderGid: gid(4701) } });
    await prisma.insertAssignment.deleteMany({ where: { shop: TEST_SHOP, orderGid: gid(4701) } });
    await prisma.webhookDelivery.updateMany({ where: { shop: TEST_SHOP, orderGid: gid(4701) }, data: { body: "[redacted]" } });
    await assignInsertsForOrder(TEST_SHOP, gid(4701));
    expect((await decisionOf(4701)).assignments[0].discountCode).toMatch(/^OLGA-/);
  });
});
