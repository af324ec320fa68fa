import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { assignInsertsForOrder } from "~/services/inserts/assign-inserts.server";
import { FACT_ATTEMPTS } from "~/services/inserts/resolve-order-facts.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble, type AdminCall } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { customerAccessDenied, healthyInsertAnswers, orderFactsAnswer, THROTTLED, type ShopifyCustomer } from "../support/shopify-answers";
import { TEST_SHOP } from "../support/test-env";
import { decisionOf, deliver, gid, jobsOfType, order, storeDefaultTemplates, storeRule, storeSession } from "./fixtures";

// inserts.assign asks Shopify for what order webhooks lack (the customer's order count and tags, product
// types) only when a live rule needs it, and decides with Kept's own history when Shopify cannot answer.

type Answer = (variables: Record<string, unknown>, call: AdminCall) => unknown;
let calls: AdminCall[] = [];

function shopifyAnswers(orderFacts: Answer) {
  ({ calls } = installAdminApiDouble({ ...healthyInsertAnswers(), InsertOrderFacts: orderFacts }));
}

const factCalls = () => calls.filter((call) => call.operationName === "InsertOrderFacts");
const storedFacts = async (id: number) => JSON.parse((await decisionOf(id)).evaluation?.facts ?? "null");
const reasonsOf = async (id: number) => (await decisionOf(id)).assignments.map((row) => [row.ruleId, JSON.parse(row.reasons)]);
/** The outbox's backoff has passed: the retried jobs are due now. */
const letBackoffPass = () => prisma.job.updateMany({ where: { type: "inserts.assign", status: "pending" }, data: { runAt: new Date() } });

const anna = (ordersCreatedAt: string[], tags: string[] = []): ShopifyCustomer => ({ id: "gid://shopify/Customer/501", ordersCreatedAt, tags });

const welcome = {
  id: "welcome",
  priority: 1,
  conditions: { op: "and", items: [{ kind: "first-order" }] },
  actions: { insertTemplateId: "first-order-thanks" },
};
const loyal = {
  id: "loyal",
  priority: 2,
  conditions: { op: "and", items: [{ kind: "order-count", op: "gte", count: 2 }] },
  actions: { insertTemplateId: "loyal-gift-note" },
};

beforeEach(async () => {
  await resetDatabase();
  await storeSession();
  await storeDefaultTemplates();
  shopifyAnswers(orderFactsAnswer({ customer: anna(["2026-11-20T09:00:00Z"]) }));
});

describe("inserts.assign: facts from Shopify, asked only when a rule needs them", () => {
  it("makes no Admin API call for rules without order-count, customer-tag or product-type conditions", async () => {
    await storeRule({
      id: "vip",
      conditions: {
        op: "and",
        items: [
          { kind: "order-tags", op: "any", tags: ["vip"] },
          { kind: "line-item", field: "sku", values: ["LAV-01"] },
        ],
      },
    });
    await deliver("orders/create", order(5001));
    await drainJobs();
    expect(factCalls()).toEqual([]);
    expect((await decisionOf(5001)).rules).toEqual(["vip"]);
    expect(await storedFacts(5001)).toBeNull();
  });

  it("counts a loyal customer's orders from before install: their first order since install is not a first order", async () => {
    // GIVEN Shopify knows six earlier orders of Anna, placed before Kept was installed
    shopifyAnswers(
      orderFactsAnswer({
        customer: anna([
          "2025-01-05T10:00:00Z",
          "2025-03-01T10:00:00Z",
          "2025-05-01T10:00:00Z",
          "2025-07-01T10:00:00Z",
          "2025-09-01T10:00:00Z",
          "2025-11-01T10:00:00Z",
          "2026-11-20T09:00:00Z",
        ]),
      }),
    );
    await storeRule(welcome);
    await storeRule(loyal);
    // WHEN her order arrives (the first Kept stores for her)
    await deliver("orders/create", order(5101));
    await drainJobs();
    // THEN she gets the loyal-customer rule, counted by Shopify, and the query asked exactly for that
    expect(await reasonsOf(5101)).toEqual([["loyal", ["customer's order #7 (≥ 2)"]]]);
    expect(await storedFacts(5101)).toEqual({ orderCount: { value: 7, origin: "shopify" } });
    expect(factCalls().map((call) => call.variables)).toEqual([
      {
        id: gid(5101),
        laterOrders: "customer_id:501 created_at:>'2026-11-20T09:00:00.000Z'",
        withCustomer: true,
        withCount: true,
        withProducts: false,
      },
    ]);
  });

  it("does not count orders placed after this one when the decision is made late", async () => {
    // GIVEN Anna's first order ever, and two more placed before Kept decides the first
    shopifyAnswers(orderFactsAnswer({ customer: anna(["2026-11-20T09:00:00Z", "2026-11-21T09:00:00Z", "2026-11-22T09:00:00Z"]) }));
    await storeRule(welcome);
    await storeRule(loyal);
    await deliver("orders/create", order(5201));
    await drainJobs();
    // THEN it is still her first order
    expect(await reasonsOf(5201)).toEqual([["welcome", ["first order"]]]);
    expect(await storedFacts(5201)).toEqual({ orderCount: { value: 1, origin: "shopify" } });
  });

  it("reads the customer's tags and the products' types from Shopify", async () => {
    shopifyAnswers(
      orderFactsAnswer({
        customer: anna(["2026-11-20T09:00:00Z"], ["VIP", "newsletter"]),
        productTypes: { "gid://shopify/Product/77": "Soap", "gid://shopify/Product/5": "" },
      }),
    );
    await storeRule({ id: "vip", priority: 1, conditions: { op: "and", items: [{ kind: "customer-tags", op: "any", tags: ["vip"] }] } });
    await storeRule({
      id: "soap",
      priority: 2,
      conditions: { op: "and", items: [{ kind: "line-item", field: "productType", values: ["soap"] }] },
      actions: { insertTemplateId: "care-guide" },
    });
    await storeRule({ id: "not-wholesale", priority: 3, conditions: { op: "and", items: [{ kind: "customer-tags", op: "none", tags: ["wholesale"] }] } });
    await deliver("orders/create", order(5301));
    await drainJobs();
    expect(await reasonsOf(5301)).toEqual([
      ["vip", ['customer tagged "VIP"']],
      ["soap", ["contains product type Soap"]],
      ["not-wholesale", ['customer has none of tags "wholesale"']],
    ]);
    expect(await storedFacts(5301)).toEqual({
      customerTags: { value: ["VIP", "newsletter"], origin: "shopify" },
      productTypes: { value: { "gid://shopify/Product/77": "Soap" }, origin: "shopify" },
    });
    expect(factCalls()[0].variables).toMatchObject({ withCustomer: true, withCount: false, withProducts: true });
  });

  it("asks nothing for a guest unless product types are needed; a guest is never a first order", async () => {
    await storeRule(welcome);
    await storeRule({ id: "everyone", priority: 5 });
    await deliver("orders/create", order(5401, { customer: null }));
    await drainJobs();
    expect(factCalls()).toEqual([]);
    expect((await decisionOf(5401)).rules).toEqual(["everyone"]);
    expect(await storedFacts(5401)).toEqual({ orderCount: { value: null, origin: "guest" } });
  });

  it("decides an order that arrives before an earlier one by creation instant", async () => {
    // GIVEN Anna's two orders, the later (#5502) delivered first
    shopifyAnswers(orderFactsAnswer({ customer: anna(["2026-11-20T09:00:00Z", "2026-11-21T09:00:00Z"]) }));
    await storeRule(welcome);
    await storeRule(loyal);
    await deliver("orders/create", order(5502, { created_at: "2026-11-21T10:00:00+01:00", updated_at: "2026-11-21T10:00:00+01:00" }));
    await drainJobs();
    await deliver("orders/create", order(5501));
    await drainJobs();
    // THEN each gets its place in her history, not its place in arrival
    expect(await reasonsOf(5502)).toEqual([["loyal", ["customer's order #2 (≥ 2)"]]]);
    expect(await reasonsOf(5501)).toEqual([["welcome", ["first order"]]]);
  });
});

describe("inserts.assign: when Shopify cannot answer", () => {
  it(`retries ${FACT_ATTEMPTS} times with the outbox's backoff, then decides with Kept's history (never blocked)`, async () => {
    // GIVEN two earlier orders of Anna stored by Kept (before any rule), and Shopify unreachable
    await deliver("orders/create", order(5601, { created_at: "2026-11-01T10:00:00+01:00", updated_at: "2026-11-01T10:00:00+01:00" }));
    await deliver("orders/create", order(5602, { created_at: "2026-11-10T10:00:00+01:00", updated_at: "2026-11-10T10:00:00+01:00" }));
    await drainJobs();
    shopifyAnswers(() => {
      throw new TypeError("fetch failed");
    });
    await storeRule(welcome);
    await storeRule(loyal);
    // WHEN the next order arrives
    await deliver("orders/create", order(5603));
    await drainJobs();
    // THEN the first attempt failed and the job waits for the outbox's backoff (2 s and more)
    const [job] = await jobsOfType("inserts.assign");
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.lastError).toContain("Admin API unreachable (attempt 1 of 3, retrying)");
    expect(job.runAt.getTime() - job.updatedAt.getTime()).toBeGreaterThanOrEqual(2000);
    expect(await decisionOf(5603)).toMatchObject({ evaluation: null });
    // WHEN the backoff passes twice more
    for (const attempt of [2, 3]) {
      await letBackoffPass();
      await drainJobs();
      expect((await jobsOfType("inserts.assign"))[0].attempts).toBe(attempt);
    }
    // THEN after the third attempt the order is decided with Kept's own count, and that is recorded
    expect(factCalls()).toHaveLength(FACT_ATTEMPTS);
    expect((await jobsOfType("inserts.assign"))[0].status).toBe("done");
    expect(await reasonsOf(5603)).toEqual([["loyal", ["customer's order #3 (≥ 2)"]]]);
    expect(await storedFacts(5603)).toEqual({ orderCount: { value: 3, origin: "kept-history" }, fallbackReason: "Admin API unreachable" });
  });

  it("counts Kept's history by creation instant when a later order's webhook came first", async () => {
    // GIVEN Shopify throttles every attempt, and Anna's later order is delivered before her earlier one
    shopifyAnswers(() => THROTTLED);
    await storeRule(welcome);
    await storeRule(loyal);
    await deliver("orders/create", order(5702, { created_at: "2026-11-21T10:00:00+01:00", updated_at: "2026-11-21T10:00:00+01:00" }));
    await deliver("orders/create", order(5701));
    // WHEN both are decided after the retries
    for (let attempt = 1; attempt <= FACT_ATTEMPTS; attempt += 1) {
      await letBackoffPass();
      await drainJobs();
    }
    // THEN the later order is the second, though it arrived first
    expect(await reasonsOf(5702)).toEqual([["loyal", ["customer's order #2 (≥ 2)"]]]);
    expect(await reasonsOf(5701)).toEqual([["welcome", ["first order"]]]);
    expect(await storedFacts(5702)).toMatchObject({ fallbackReason: "Admin API throttled" });
  });

  it("decides at once when access is denied; unknown customer tags and product types match nothing", async () => {
    shopifyAnswers(customerAccessDenied);
    await storeRule({ id: "not-wholesale", priority: 1, conditions: { op: "and", items: [{ kind: "customer-tags", op: "none", tags: ["wholesale"] }] } });
    await storeRule({ id: "soap", priority: 2, conditions: { op: "and", items: [{ kind: "line-item", field: "productType", values: ["Soap"] }] } });
    await storeRule({ id: "everyone", priority: 3, actions: { insertTemplateId: "care-guide" } });
    await deliver("orders/create", order(5801));
    await drainJobs();
    expect(factCalls()).toHaveLength(1);
    expect((await decisionOf(5801)).rules).toEqual(["everyone"]);
    expect(await storedFacts(5801)).toEqual({
      customerTags: { value: null, origin: "unknown" },
      productTypes: { value: null, origin: "unknown" },
      fallbackReason: "Admin API access denied",
    });
  });

  it("refuses an answer in the wrong shape (numberOfOrders as a JSON number) and decides with Kept's history", async () => {
    shopifyAnswers((variables) => ({
      data: {
        order: { id: variables.id, customer: { id: "gid://shopify/Customer/501", numberOfOrders: 1, tags: [] } },
        laterOrders: { count: 0, precision: "EXACT" },
      },
    }));
    await storeRule(welcome);
    await deliver("orders/create", order(5901));
    await drainJobs();
    expect(factCalls()).toHaveLength(1);
    expect(await storedFacts(5901)).toEqual({ orderCount: { value: 1, origin: "kept-history" }, fallbackReason: "unexpected Admin API answer" });
  });

  it("tries once when called outside the outbox", async () => {
    shopifyAnswers(() => THROTTLED);
    await storeRule(welcome);
    await prisma.insertRule.updateMany({ data: { active: false } }); // no job is queued for the order
    await deliver("orders/create", order(5951));
    await drainJobs();
    await prisma.insertRule.updateMany({ data: { active: true } });
    expect(await assignInsertsForOrder(TEST_SHOP, gid(5951))).toBe("recorded");
    expect(factCalls()).toHaveLength(1);
    expect(await reasonsOf(5951)).toEqual([["welcome", ["first order"]]]);
  });
});
