import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { saveInsertRule } from "~/models/inserts/insert-rule-save.server";
import { getInsertRule, listInsertRules, listLiveRules, reorderInsertRules, setInsertRuleArchived } from "~/models/inserts/insert-rule.server";
import { seedDefaultTemplates } from "~/models/inserts/insert-template.server";
import { parseStoredRule } from "~/schemas/inserts/insert-rule";
import { resetDatabase } from "../support/database";
import { storeEvaluatedOrder } from "../support/insert-storage";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";
import { ruleDocument, withItem } from "./rule-documents";

beforeEach(resetDatabase);

const save = (document: unknown, baseVersion: number, stockEdited = false, shop = TEST_SHOP) => saveInsertRule(shop, { document, baseVersion, stockEdited });
const stored = (id: string, shop = TEST_SHOP) => prisma.insertRule.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
const versionDocs = async (id: string) =>
  (await prisma.insertRuleVersion.findMany({ where: { shop: TEST_SHOP, ruleId: id }, orderBy: { version: "asc" } })).map((row) =>
    parseStoredRule(row.document),
  );

describe("saving insert rules", () => {
  it("appends a version on every save and keeps the old ones", async () => {
    expect(await save(ruleDocument({ id: "welcome", name: "Welcome card" }), 0)).toMatchObject({ ok: true, id: "welcome", version: 1 });
    expect(await save(ruleDocument({ id: "welcome", name: "Welcome card, v2", priority: 5 }), 1)).toMatchObject({ ok: true, version: 2 });

    const row = await stored("welcome");
    expect(row).toMatchObject({ version: 2, name: "Welcome card, v2", priority: 5, active: true });
    expect((await versionDocs("welcome")).map((doc) => [doc?.version, doc?.name])).toEqual([
      [1, "Welcome card"],
      [2, "Welcome card, v2"],
    ]);
    expect((await getInsertRule(TEST_SHOP, "welcome"))?.versions.map((entry) => entry.version)).toEqual([2, 1]);
  });

  it("refuses a save based on an old version and changes nothing", async () => {
    await save(ruleDocument({ id: "welcome" }), 0);
    await save(ruleDocument({ id: "welcome", name: "Second" }), 1);
    const stale = await save(ruleDocument({ id: "welcome", name: "Stale tab" }), 1);
    expect(stale).toMatchObject({ ok: false, conflict: true });
    expect(stale.ok ? "" : stale.errors[0].message).toContain("now at version 2");
    expect((await stored("welcome")).name).toBe("Second");
    expect(await prisma.insertRuleVersion.count()).toBe(2);
    // A "new" rule whose id exists already is the same conflict (double submit of the new-rule form).
    expect(await save(ruleDocument({ id: "welcome" }), 0)).toMatchObject({ ok: false, conflict: true });
  });

  it("refuses invalid documents with errors by field path, and unknown templates", async () => {
    const bad = ruleDocument({ id: "eur", conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "50,00", currency: "euro" }] } });
    const result = await save(bad, 0);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(["conditions.items.0.currency", "conditions.items.0.amount"]);
    expect(await save(ruleDocument({ id: "card", actions: { insertTemplateId: "care-guide" } }), 0)).toEqual({
      ok: false,
      conflict: false,
      errors: [{ path: "actions.insertTemplateId", message: "Choose one of your insert templates" }],
    });
    await seedDefaultTemplates(TEST_SHOP);
    expect(await save(ruleDocument({ id: "card", actions: { insertTemplateId: "care-guide" } }), 0)).toMatchObject({ ok: true });
    expect(await prisma.insertRule.count()).toBe(1);
  });

  it("returns lint warnings, including rules the new one makes unreachable, and saves anyway", async () => {
    await save(
      ruleDocument({ id: "vip", name: "VIP note", priority: 20, conditions: { op: "and", items: [{ kind: "customer-tags", op: "any", tags: ["vip"] }] } }),
      0,
    );
    const result = await save(ruleDocument({ id: "all", name: "Everyone", priority: 10, stopAfter: true, conditions: { op: "and", items: [] } }), 0);
    expect(result.ok).toBe(true);
    expect(result.ok ? result.warnings.map((issue) => [issue.ruleId, issue.message]) : []).toEqual([
      ["all", "This rule has no conditions, so it applies to every order."],
      ["all", "This rule does nothing: add an insert, an item or a code."],
      ["vip", 'This rule never applies: "Everyone" runs first, matches every order this one would, and stops after itself.'],
    ]);
    expect((await stored("all")).version).toBe(1);
  });
});

describe("stock of physical inserts", () => {
  it("is set by a new rule, kept by edits that don't touch it, and reset by a restock", async () => {
    // GIVEN a rule with 40 soap samples, 3 of which the pipeline has packed since
    await save(withItem("soap", 40), 0);
    expect(await stored("soap")).toMatchObject({ stockLeft: 40, stockOutAt: null });
    await prisma.insertRule.update({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } }, data: { stockLeft: 37 } });

    // WHEN the merchant renames the rule without touching the stock (the form still shows 40)
    await save(withItem("soap", 40, { name: "Soap for newcomers" }), 1, false);
    // THEN the live count keeps running, and the version records it as it was
    expect(await stored("soap")).toMatchObject({ stockLeft: 37, name: "Soap for newcomers" });
    expect((await versionDocs("soap"))[1]?.actions.physicalItem?.stock).toBe(37);

    // GIVEN the item ran out (the pipeline set stockOutAt) WHEN the merchant enters a new stock THEN it restocks
    await prisma.insertRule.update({
      where: { shop_id: { shop: TEST_SHOP, id: "soap" } },
      data: { stockLeft: 0, stockOutAt: new Date("2026-11-22T10:00:00Z") },
    });
    await save(withItem("soap", 0), 2, true);
    expect(await stored("soap")).toMatchObject({ stockLeft: 0, stockOutAt: new Date("2026-11-22T10:00:00Z") }); // 0 is no restock
    await save(withItem("soap", 25), 3, true);
    expect(await stored("soap")).toMatchObject({ stockLeft: 25, stockOutAt: null });
    await save(withItem("soap", null), 4, true);
    expect(await stored("soap")).toMatchObject({ stockLeft: null, stockOutAt: null });
  });

  it("takes the entered stock when an item is added, and clears it when the item is removed", async () => {
    await save(ruleDocument({ id: "card" }), 0);
    await save(withItem("card", 12), 1, false); // no count to keep: the item is new
    expect((await stored("card")).stockLeft).toBe(12);
    await save(ruleDocument({ id: "card" }), 2, false);
    expect(await stored("card")).toMatchObject({ stockLeft: null, stockOutAt: null });
  });
});

describe("listing, archiving and reordering", () => {
  it("lists rules in evaluation order with applied and held-out counts; archived ones last and not live", async () => {
    await save(ruleDocument({ id: "b", priority: 20 }), 0);
    await save(ruleDocument({ id: "a", priority: 10 }), 0);
    await save(ruleDocument({ id: "old", priority: 1 }), 0);
    const assign = async (orderGid: string, ruleId: string, holdout: boolean, shop = TEST_SHOP) => {
      await storeEvaluatedOrder(prisma, shop, orderGid);
      await prisma.insertAssignment.create({ data: { shop, orderGid, ruleId, ruleVersion: 1, holdout } });
    };
    await assign("gid://shopify/Order/1", "a", false);
    await assign("gid://shopify/Order/2", "a", false);
    await assign("gid://shopify/Order/3", "a", true);
    await assign("gid://shopify/Order/9", "a", false, OTHER_SHOP);
    expect(await setInsertRuleArchived(TEST_SHOP, "old", true)).toBe(true);

    const rows = await listInsertRules(TEST_SHOP);
    expect(rows.map((row) => [row.id, row.matched, row.heldOut, row.archivedAt !== null])).toEqual([
      ["a", 2, 1, false],
      ["b", 0, 0, false],
      ["old", 0, 0, true],
    ]);
    expect((await listLiveRules(TEST_SHOP)).rules.map((rule) => rule.id).sort()).toEqual(["a", "b"]);
    expect(await setInsertRuleArchived(TEST_SHOP, "old", false)).toBe(true);
    expect((await listLiveRules(TEST_SHOP)).rules).toHaveLength(3);
  });

  it("reorders by renumbering priorities, versioning only the rules that moved", async () => {
    await save(ruleDocument({ id: "a", priority: 10 }), 0);
    await save(ruleDocument({ id: "b", priority: 20 }), 0);
    await save(ruleDocument({ id: "c", priority: 30 }), 0);
    expect(await reorderInsertRules(TEST_SHOP, ["a", "c", "b"])).toEqual({ ok: true, changed: 2 });
    const rows = await prisma.insertRule.findMany({ where: { shop: TEST_SHOP }, orderBy: { priority: "asc" } });
    expect(rows.map((row) => [row.id, row.priority, row.version])).toEqual([
      ["a", 10, 1],
      ["c", 20, 2],
      ["b", 30, 2],
    ]);
    expect(parseStoredRule(rows[1].document)?.priority).toBe(20);
    expect(await reorderInsertRules(TEST_SHOP, ["a", "b"])).toMatchObject({ ok: false });
  });
});

describe("tenancy", () => {
  it("shop B can neither read nor change shop A's rules", async () => {
    await save(withItem("welcome", 40, { name: "A's rule" }), 0);

    expect(await getInsertRule(OTHER_SHOP, "welcome")).toBeNull();
    expect(await listInsertRules(OTHER_SHOP)).toEqual([]);
    expect(await setInsertRuleArchived(OTHER_SHOP, "welcome", true)).toBe(false);
    expect(await reorderInsertRules(OTHER_SHOP, ["welcome"])).toMatchObject({ ok: false });
    // B saving the same id (as "version 1 → 2") is refused; as a new rule it becomes B's own rule.
    expect(await save(withItem("welcome", 1, { name: "B's edit" }), 1, true, OTHER_SHOP)).toMatchObject({ ok: false, conflict: true });
    expect(await save(withItem("welcome", 1, { name: "B's rule" }), 0, true, OTHER_SHOP)).toMatchObject({ ok: true, version: 1 });

    expect(await stored("welcome")).toMatchObject({ name: "A's rule", stockLeft: 40, version: 1, archivedAt: null });
    expect(await stored("welcome", OTHER_SHOP)).toMatchObject({ name: "B's rule", stockLeft: 1 });
  });
});
