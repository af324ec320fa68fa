import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble, type AdminCall } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { CODE_TAKEN, THROTTLED, discountByCode, discountCreated, discountRefused, healthyInsertAnswers } from "../support/shopify-answers";
import { TEST_SHOP } from "../support/test-env";
import { decisionOf, deliver, gid, jobsOfType, order, storeDefaultTemplates, storeRule, storeSession } from "./fixtures";

beforeEach(async () => {
  await resetDatabase();
  await storeSession();
  await storeDefaultTemplates();
  await storeRule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks", physicalItem: { label: "soap sample", stock: null } } });
  await storeRule({
    id: "code",
    priority: 2,
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
  });
});

const ops = (calls: AdminCall[]) => calls.map((call) => call.operationName);
const CODE = /^ANNA-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/;

/** Lets every queued job run now, including retries scheduled with backoff. */
async function runRetriesNow() {
  await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });
  return runDueJobs();
}

describe("personal discount codes through the Admin API", () => {
  it("creates the customer's code first, then tags the order and writes the packing plan", async () => {
    const double = installAdminApiDouble(healthyInsertAnswers());
    // WHEN an order from Anna (customer 501) placed 20 Nov 10:00 +01:00 is decided and the jobs run
    await deliver("orders/create", order(5001));
    await drainJobs();
    // THEN Shopify saw the code first, then the write-back, each once
    expect(double.unexpected).toEqual([]);
    expect(ops(double.calls)).toEqual(["DiscountCodeBasicCreate", "TagsAdd", "MetafieldsSet"]);
    const { assignments, evaluation } = await decisionOf(5001);
    const code = assignments[1].discountCode ?? "";
    expect(code).toMatch(CODE);
    expect(double.calls[0].variables).toEqual({
      basicCodeDiscount: {
        title: "Kept insert code #5001 (Rule code)",
        code,
        startsAt: "2026-11-20T09:00:00.000Z",
        endsAt: "2026-12-20T09:00:00.000Z",
        context: { customers: { add: ["gid://shopify/Customer/501"] } },
        customerGets: { value: { percentage: 0.1 }, items: { all: true } },
        usageLimit: 1,
        appliesOncePerCustomer: true,
      },
    });
    expect(assignments[1]).toMatchObject({ discountStatus: "created", discountGid: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/) });
    const plan = `Include: Thank-you card (first order), Next-order code card. Add: soap sample. Code: ${code}.`;
    expect(evaluation?.packingPlan).toBe(plan);
    expect(double.calls[1].variables).toEqual({ id: gid(5001), tags: ["kept-inserts"] });
    const [text, json] = double.calls[2].variables.metafields as { ownerId: string; namespace: string; key: string; type: string; value: string }[];
    expect(text).toEqual({ ownerId: gid(5001), namespace: "kept", key: "packing_plan", type: "multi_line_text_field", value: plan });
    expect(json).toMatchObject({ ownerId: gid(5001), namespace: "$app", key: "packing_plan", type: "json" });
    expect(JSON.parse(json.value)).toEqual({
      plan,
      inserts: [
        { ruleId: "thanks", insert: "Thank-you card (first order)", item: "soap sample", code: null, codeStatus: null },
        { ruleId: "code", insert: "Next-order code card", item: null, code, codeStatus: "created" },
      ],
    });
    expect((await jobsOfType("inserts.metafield"))[0]).toMatchObject({ status: "done", customerGid: "gid://shopify/Customer/501" });
  });

  it("counts Shopify's 'code taken' for our own code (an earlier answer was lost) as created", async () => {
    const double = installAdminApiDouble({
      ...healthyInsertAnswers(),
      DiscountCodeBasicCreate: () => discountRefused([CODE_TAKEN]),
      CodeDiscountNodeByCode: () => discountByCode("gid://shopify/DiscountCodeNode/77", "Kept insert code #5002 (Rule code)"),
    });
    await deliver("orders/create", order(5002));
    await drainJobs();
    const { assignments } = await decisionOf(5002);
    expect(ops(double.calls)).toEqual(["DiscountCodeBasicCreate", "CodeDiscountNodeByCode", "TagsAdd", "MetafieldsSet"]);
    expect(double.calls[1].variables).toEqual({ code: assignments[1].discountCode });
    expect(assignments[1]).toMatchObject({ discountStatus: "created", discountGid: "gid://shopify/DiscountCodeNode/77" });
  });

  it("chooses a new code when the code belongs to someone else's discount", async () => {
    let first = true;
    const double = installAdminApiDouble({
      ...healthyInsertAnswers(),
      DiscountCodeBasicCreate: () => (first ? ((first = false), discountRefused([CODE_TAKEN])) : discountCreated()),
      CodeDiscountNodeByCode: () => discountByCode("gid://shopify/DiscountCodeNode/5", "Black Friday"),
    });
    await deliver("orders/create", order(5003));
    await drainJobs();
    const chosen = (double.calls[0].variables.basicCodeDiscount as { code: string }).code;
    expect((await jobsOfType("inserts.discount"))[0]).toMatchObject({ status: "pending", attempts: 1 });
    await runRetriesNow();
    await drainJobs();
    const retried = (double.calls[2].variables.basicCodeDiscount as { code: string }).code;
    expect(retried).toMatch(CODE);
    expect(retried).not.toBe(chosen);
    expect((await decisionOf(5003)).assignments[1]).toMatchObject({ discountCode: retried, discountStatus: "created" });
  });

  it("records a refused code as failed, never prints it, and the plan says so", async () => {
    const double = installAdminApiDouble({
      ...healthyInsertAnswers(),
      DiscountCodeBasicCreate: () =>
        discountRefused([
          { field: ["basicCodeDiscount", "customerGets", "value", "percentage"], code: "VALUE_OUTSIDE_RANGE", message: "Value must be between 0.0 and 1.0" },
        ]),
    });
    await deliver("orders/create", order(5004));
    await drainJobs();
    const { assignments, evaluation } = await decisionOf(5004);
    expect(assignments[1]).toMatchObject({
      discountStatus: "failed",
      discountError: "Shopify refused the code: Value must be between 0.0 and 1.0",
      discountGid: null,
    });
    expect(evaluation?.packingPlan).toBe("Include: Thank-you card (first order). Add: soap sample. Code failed, do not include: Next-order code card.");
    expect(ops(double.calls)).toEqual(["DiscountCodeBasicCreate", "TagsAdd", "MetafieldsSet"]);
    expect((double.calls[2].variables.metafields as { value: string }[])[0].value).toBe(evaluation?.packingPlan);
  });

  it("gives a guest a single-use code that any buyer may redeem once", async () => {
    const double = installAdminApiDouble(healthyInsertAnswers());
    await deliver("orders/create", order(5005, { customer: null, billing_address: { first_name: "Ольга" } }));
    await drainJobs();
    const input = double.calls[0].variables.basicCodeDiscount as Record<string, unknown>;
    expect(input).toMatchObject({ context: { all: "ALL" }, usageLimit: 1, appliesOncePerCustomer: true });
    expect(input.code).toMatch(/^OLGA-/);
  });

  it("retries while Shopify throttles, and after the last attempt records the code as failed and writes back", async () => {
    const double = installAdminApiDouble({ ...healthyInsertAnswers(), DiscountCodeBasicCreate: () => THROTTLED });
    await deliver("orders/create", order(5006));
    await drainJobs();
    await prisma.job.updateMany({ where: { type: "inserts.discount" }, data: { maxAttempts: 2 } });
    expect((await decisionOf(5006)).assignments[1].discountStatus).toBe("pending");
    expect(await jobsOfType("inserts.tag")).toEqual([]); // nothing is written back while a code is pending
    await runRetriesNow();
    await drainJobs();
    expect((await jobsOfType("inserts.discount"))[0]).toMatchObject({ status: "dead", attempts: 2 });
    const { assignments } = await decisionOf(5006);
    expect(assignments[1].discountStatus).toBe("failed");
    expect(assignments[1].discountError).toContain("Throttled");
    expect(ops(double.calls)).toEqual(["DiscountCodeBasicCreate", "DiscountCodeBasicCreate", "TagsAdd", "MetafieldsSet"]);
  });
});

describe("write-back jobs", () => {
  it("retry on userErrors and dead-letter after the last attempt", async () => {
    installAdminApiDouble({
      ...healthyInsertAnswers(),
      TagsAdd: () => ({ data: { tagsAdd: { node: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] } } }),
    });
    await deliver("orders/create", order(5101));
    await drainJobs();
    const [tag] = await jobsOfType("inserts.tag");
    expect(tag).toMatchObject({ status: "pending", attempts: 1 });
    expect(tag.lastError).toContain("id: Order does not exist");
    await prisma.job.updateMany({ where: { id: tag.id }, data: { maxAttempts: 2 } });
    await runRetriesNow();
    expect((await jobsOfType("inserts.tag"))[0]).toMatchObject({ status: "dead", attempts: 2 });
    expect((await jobsOfType("inserts.metafield"))[0]).toMatchObject({ status: "done" });
  });

  it("write the plan again when it changes, and only then", async () => {
    const double = installAdminApiDouble(healthyInsertAnswers());
    await storeRule({ id: "code", priority: 2, actions: { insertTemplateId: "next-order-code" } });
    await deliver("orders/create", order(5102));
    await drainJobs();
    await deliver("orders/updated", order(5102, { updated_at: "2026-11-22T10:00:00+01:00" }));
    await drainJobs();
    expect(ops(double.calls)).toEqual(["TagsAdd", "MetafieldsSet"]);
    expect(await prisma.job.count({ where: { shop: TEST_SHOP, status: { not: "done" } } })).toBe(0);
  });
});
