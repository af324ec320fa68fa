import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { saveInsertRule } from "~/models/inserts/insert-rule-save.server";
import { seedDefaultTemplates } from "~/models/inserts/insert-template.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { loadRuleEditor, tryRuleOnRecentOrders } from "~/services/inserts/rule-editor.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { loadTemplateEditor, previewTemplate } from "~/services/inserts/template-editor.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";
import { ruleDocument, withItem } from "./rule-documents";

beforeEach(resetDatabase);

const deliver = (payload: unknown, shop = TEST_SHOP) =>
  receiveWebhook(webhookRequest("orders/create", payload, { shop }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });

/** Three orders of the same customer (1st, 2nd, 3rd), one guest order from POS in German, and one order of shop B. */
async function givenOrders() {
  const at = (day: number) => ({ created_at: `2026-11-${day}T10:00:00+01:00`, updated_at: `2026-11-${day}T10:00:00+01:00` });
  await deliver(orderPayload(6001, { ...at(10), name: "#6001", tags: "" }));
  await deliver(orderPayload(6002, { ...at(12), name: "#6002", tags: "vip" }));
  await deliver(orderPayload(6003, { ...at(14), name: "#6003", tags: "vip", total_price: "1200.00" }));
  await deliver(orderPayload(6004, { ...at(15), name: "#6004", customer: null, source_name: "pos", customer_locale: "de-CH", tags: "" }));
  await deliver(orderPayload(6999, { ...at(15), name: "#6999" }), OTHER_SHOP);
  await drainJobs();
}

const vipAndBig = {
  op: "and" as const,
  items: [
    { kind: "order-tags" as const, op: "any" as const, tags: ["VIP"] },
    {
      op: "or" as const,
      items: [
        { kind: "order-total" as const, op: "gte" as const, amount: "1000", currency: "SEK" },
        { kind: "sales-channel" as const, channels: ["pos" as const] },
      ],
    },
  ],
};

describe("test a rule against the last orders", () => {
  it("lists which of the shop's orders match and why, and what the other rules do to them", async () => {
    await givenOrders();
    await saveInsertRule(TEST_SHOP, {
      document: ruleDocument({
        id: "stopper",
        name: "Big spenders only",
        priority: 1,
        stopAfter: true,
        conditions: { op: "and", items: [{ kind: "order-total", op: "gte", amount: "1100", currency: "SEK" }] },
      }),
      baseVersion: 0,
      stockEdited: false,
    });

    const result = await tryRuleOnRecentOrders(TEST_SHOP, ruleDocument({ id: "unsaved", conditions: vipAndBig }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((row) => row.name)).toEqual(["#6004", "#6003", "#6002", "#6001"]); // newest first, shop B's order absent
    const byName = Object.fromEntries(result.rows.map((row) => [row.name, row]));
    expect(byName["#6003"]).toMatchObject({
      matched: true,
      reasons: ['order tagged "vip"', "total 1200.00 SEK ≥ 1000"],
      outcome: { kind: "skipped", reason: "stopped", stoppedBy: "Big spenders only" },
    });
    expect(byName["#6002"]).toMatchObject({ matched: false, failed: ["total 249.00 SEK is not ≥ 1000", "sold via online (web), rule needs pos"] });
    expect(byName["#6001"].failed[0]).toBe('order is not tagged with any of "VIP"');
    expect(result.summary).toEqual({ orders: 4, matched: 1, getsIt: 0, heldOut: 0, skipped: { stopped: 1 } });
  });

  it("reads order counts stored with each order's decision, else counts Kept's history by creation instant", async () => {
    // GIVEN the three orders of one customer and a guest order; #6003 was decided with Shopify's count (9)
    await givenOrders();
    await prisma.insertEvaluation.create({
      data: {
        shop: TEST_SHOP,
        orderGid: "gid://shopify/Order/6003",
        evaluatedFor: new Date("2026-11-14T09:00:00Z"),
        facts: JSON.stringify({ orderCount: { value: 9, origin: "shopify" } }),
      },
    });
    // WHEN a rule for returning customers is tried
    const result = await tryRuleOnRecentOrders(
      TEST_SHOP,
      ruleDocument({ id: "loyal", conditions: { op: "and", items: [{ kind: "order-count", op: "gte", count: 2 }] } }),
    );
    if (!result.ok) throw new Error("the rule should be valid");
    // THEN each row says which count it used and where it came from
    const byName = Object.fromEntries(result.rows.map((row) => [row.name, row]));
    expect(byName["#6003"]).toMatchObject({ matched: true, reasons: ["customer's order #9 (≥ 2)"], facts: ["Order count: #9 (Shopify)"] });
    expect(byName["#6002"]).toMatchObject({
      matched: true,
      reasons: ["customer's order #2 (≥ 2)"],
      facts: ["Order count: #2 (Kept's history since install, no Shopify facts stored with this order)"],
    });
    expect(byName["#6001"]).toMatchObject({ matched: false, failed: ["customer's order #1, rule needs ≥ 2"] });
    expect(byName["#6004"]).toMatchObject({ matched: false, facts: ["Order count: none (guest checkout)"] });
  });

  it("reports field errors instead of a trial for an invalid rule", async () => {
    const result = await tryRuleOnRecentOrders(TEST_SHOP, ruleDocument({ id: "x", holdoutPercent: 80 }));
    expect(result).toEqual({ ok: false, errors: [{ path: "holdoutPercent", message: "Hold out at most 50 % of orders" }] });
  });

  it("uses the live stock of the other rules and the edited stock of the rule itself", async () => {
    await givenOrders();
    await saveInsertRule(TEST_SHOP, { document: withItem("first", 0, { name: "Sample", priority: 1 }), baseVersion: 0, stockEdited: true });
    const result = await tryRuleOnRecentOrders(TEST_SHOP, withItem("first", 5, { name: "Sample", priority: 1 }));
    expect(result.ok && result.rows.find((row) => row.name === "#6001")?.outcome).toEqual({ kind: "gets-it" });
  });
});

describe("editor data", () => {
  it("offers products seen in the shop's orders and the shop's templates; another shop's rule is not found", async () => {
    await givenOrders();
    await seedDefaultTemplates(TEST_SHOP);
    await saveInsertRule(TEST_SHOP, { document: withItem("soap", 10), baseVersion: 0, stockEdited: true });
    await prisma.insertRule.update({ where: { shop_id: { shop: TEST_SHOP, id: "soap" } }, data: { stockLeft: 7 } });

    const editor = await loadRuleEditor(TEST_SHOP, "soap");
    expect(editor?.rule.actions.physicalItem?.stock).toBe(7); // the live count, not the saved 10
    expect(editor?.products).toEqual([
      {
        productGid: "gid://shopify/Product/77",
        title: "Lavender soap",
        variants: [{ variantGid: "gid://shopify/ProductVariant/78", title: "Lavender soap", sku: "LAV-01" }],
      },
    ]);
    expect(editor?.templates.map((template) => template.id)).toContain("care-guide");
    expect((await loadRuleEditor(TEST_SHOP, "new"))?.rule).toMatchObject({ name: "", priority: 20, conditions: { op: "and", items: [] } });
    expect(await loadRuleEditor(OTHER_SHOP, "soap")).toBeNull();
  });

  it("previews a template against the sample and a real order, in the order's language, with Liquid errors located", async () => {
    await givenOrders();
    await seedDefaultTemplates(TEST_SHOP);
    const { document } = (await loadTemplateEditor(TEST_SHOP, "first-order-thanks")) ?? { document: null };
    const sample = await previewTemplate(TEST_SHOP, { document, orderGid: null, locale: "de" }, new Date("2026-11-23T12:00:00Z"));
    expect(sample.preview).toMatchObject({ ok: true, localeUsed: "de" });
    expect(sample.preview?.ok && sample.preview.html).toContain("Danke, Anna!");
    expect(sample.data?.code_expires_on).toBe("23. Dezember 2026");

    const real = await previewTemplate(TEST_SHOP, { document, orderGid: "gid://shopify/Order/6004", locale: null }, new Date());
    expect(real.preview).toMatchObject({ ok: true, localeUsed: "de" }); // de-CH falls back to de
    expect(real.preview?.ok && real.preview.html).toContain("Danke!"); // no first name on record
    expect(real.preview?.ok && real.preview.html).toContain("#6004");

    const broken = await previewTemplate(
      TEST_SHOP,
      { document: { ...document, variants: { en: "{{ order.name | nope }}" } }, orderGid: null, locale: null },
      new Date(),
    );
    expect(broken.errors).toEqual([{ path: "variants.en", message: "Line 1, column 1: undefined filter: nope" }]);
    expect(broken.preview).toEqual({ ok: false, error: "Line 1, column 1: undefined filter: nope" });
    // Another shop's order is not lent to the preview.
    const foreign = await previewTemplate(OTHER_SHOP, { document, orderGid: "gid://shopify/Order/6001", locale: null }, new Date());
    expect(foreign.preview?.ok && foreign.preview.html).toContain("#1001");
  });
});
