import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { ERASED_CODE } from "~/models/privacy/customer-data.server";
import { ERASED_CODE_NOTE } from "~/models/inserts/insert-evaluation.server";
import { claimJobs, failJob, JobCancelledError } from "~/models/jobs/job.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { runInsertAssignJob } from "~/services/inserts/assign-inserts.server";
import { renderPrintSheet } from "~/services/inserts/render-print-sheet.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload } from "../factories/payloads";
import { decisionOf, deliver, gid, order, storeDefaultTemplates, storeRule, storeSession } from "../inserts/fixtures";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { TEST_SHOP } from "../support/test-env";

const ANNA = {
  id: 800,
  admin_graphql_api_id: "gid://shopify/Customer/800",
  first_name: "Anna",
  last_name: "Lind",
  email: "anna@example.se",
  phone: "+46701234567",
  tags: "vip",
};
const BO = { id: 801, admin_graphql_api_id: "gid://shopify/Customer/801", first_name: "Bo", last_name: "Ek", email: "bo@example.se", phone: null, tags: "" };
const ANNAS_ADDRESS = {
  first_name: "Anna",
  last_name: "Lind",
  address1: "Götgatan 1",
  city: "Stockholm",
  zip: "118 46",
  country_code: "SE",
  phone: "+46701234567",
};
const CODE = /^ANNA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const LATER = new Date(Date.now() + 86_400_000);
const redactAnna = { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 800, email: ANNA.email, phone: ANNA.phone }, orders_to_redact: [21, 23] };

beforeEach(async () => {
  await resetDatabase();
  await storeSession();
  await storeDefaultTemplates();
  installAdminApiDouble(healthyInsertAnswers());
  await storeRule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks", physicalItem: { label: "soap sample", stock: null } } });
  await storeRule({
    id: "code",
    priority: 2,
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
  });
});

const orderRow = (id: number) =>
  prisma.order.findUniqueOrThrow({
    where: { shop_orderGid: { shop: TEST_SHOP, orderGid: gid(id) } },
    select: {
      email: true,
      customerGid: true,
      customerFirstName: true,
      customerLocale: true,
      shipZip: true,
      shipCity: true,
      shipCountry: true,
      totalPrice: true,
      discountCodes: true,
    },
  });
const jobOf = (type: string, orderGid: string) =>
  prisma.job.findFirstOrThrow({ where: { shop: TEST_SHOP, type, orderGid }, select: { status: true, lastError: true } });

/** Every row of every table, as text: what is left of the customer anywhere in Kept. */
async function everything() {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE '\\_%' ESCAPE '\\' AND "name" NOT LIKE 'sqlite%'`,
  );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) dump[name] = await prisma.$queryRawUnsafe(`SELECT * FROM "${name}"`);
  return JSON.stringify(dump, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

describe("customers/redact", () => {
  it("erases the customer's data, codes and raw bodies, cancels all work about them and their guest orders, and leaves others alone", async () => {
    // GIVEN Anna's order 21 decided (code created, written back), shipped and scanned; Bo's order 22 likewise
    await deliver(
      "orders/create",
      order(21, { customer: ANNA, email: ANNA.email, billing_address: ANNAS_ADDRESS, shipping_address: ANNAS_ADDRESS, note: "Ring twice" }),
    );
    await deliver("orders/create", order(22, { customer: BO, email: BO.email }));
    await deliver("fulfillments/create", fulfillmentPayload(31, 21, { destination: ANNAS_ADDRESS }));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(41, 31, 21, { message: "Delivered to Anna L.", address1: "Götgatan 1" }));
    await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 800, email: ANNA.email, phone: ANNA.phone },
      orders_requested: [21],
      data_request: { id: 77 },
    });
    await drainJobs();
    const annasCode = (await decisionOf(21)).assignments[1].discountCode ?? "";
    const bosCode = (await decisionOf(22)).assignments[1].discountCode ?? "";
    expect(annasCode).toMatch(CODE);
    expect((await decisionOf(21)).evaluation?.packingPlan).toBe(
      `Include: Thank-you card (first order), Next-order code card. Add: soap sample. Code: ${annasCode}.`,
    );
    expect(await orderRow(21)).toMatchObject({ customerFirstName: "Anna", email: ANNA.email, customerGid: ANNA.admin_graphql_api_id, shipZip: "118 46" });
    // ... Bo uses Anna's code on order 25 (not yet decided); Anna's guest order 23 is stored, its decision and a fulfillment update still queued
    await deliver(
      "orders/create",
      order(25, {
        customer: BO,
        email: BO.email,
        discount_codes: [
          { code: annasCode, amount: "10.00", type: "percentage" },
          { code: "WELCOME10", amount: "5.00", type: "percentage" },
        ],
      }),
    );
    await deliver("orders/create", order(23, { customer: null, email: ANNA.email, billing_address: ANNAS_ADDRESS }));
    await runDueJobs();
    await deliver("fulfillments/update", fulfillmentPayload(33, 23, { destination: ANNAS_ADDRESS }));
    await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: LATER } });
    // ... a dead discount job whose error quotes Anna's code, one of Bo's, an unreadable delivery with her email, and follow-ups
    await prisma.job.create({
      data: { shop: TEST_SHOP, type: "inserts.discount", orderGid: gid(21), status: "dead", lastError: `code ${annasCode} belongs to another discount` },
    });
    await prisma.job.create({ data: { shop: TEST_SHOP, type: "inserts.discount", orderGid: gid(22), status: "dead", lastError: "THROTTLED" } });
    await deliver("orders/updated", `{"email":"${ANNA.email}","name":"#21",`);
    await prisma.followUp.createMany({
      data: [
        {
          shop: TEST_SHOP,
          orderGid: gid(21),
          customerGid: ANNA.admin_graphql_api_id,
          ruleId: "review",
          ruleVersion: 1,
          trigger: "review-request",
          category: "marketing",
          messageId: "<review@kept.test>",
          sendAt: LATER,
        },
        {
          shop: TEST_SHOP,
          orderGid: gid(21),
          customerGid: ANNA.admin_graphql_api_id,
          ruleId: "thanks",
          ruleVersion: 1,
          trigger: "review-request",
          category: "marketing",
          messageId: "<thanks@kept.test>",
          sendAt: new Date(0),
          status: "sent",
          sentAt: new Date(0),
        },
      ],
    });
    expect(await prisma.dataRequestExport.count()).toBe(1);

    // WHEN Shopify asks to redact Anna with her orders 21 and 23 (23 is a guest order: no customer id anywhere)
    await deliver("customers/redact", redactAnna, { webhookId: "redact-800" });
    await drainJobs();

    // THEN her orders keep only anonymous facts
    const anonymous = {
      email: null,
      customerGid: null,
      customerFirstName: null,
      customerLocale: null,
      shipZip: null,
      shipCity: null,
      shipCountry: "SE",
      totalPrice: "249.00",
    };
    expect(await orderRow(21)).toEqual({ ...anonymous, discountCodes: '["WELCOME10"]' });
    expect(await orderRow(23)).toEqual({ ...anonymous, discountCodes: '["WELCOME10"]' });
    expect(
      await prisma.fulfillment.findMany({
        where: { orderGid: gid(21) },
        select: { trackingCompany: true, trackingNumber: true, trackingUrl: true, shippedAt: true },
      }),
    ).toEqual([{ trackingCompany: "PostNord", trackingNumber: null, trackingUrl: null, shippedAt: new Date("2026-11-21T08:00:00Z") }]);
    expect(
      await prisma.deliveryEvent.findMany({ where: { orderGid: gid(21) }, select: { status: true, message: true, city: true, zip: true, country: true } }),
    ).toEqual([{ status: "in_transit", message: null, city: null, zip: null, country: "SE" }]);
    // ... her personal code is gone from the assignment and the plan (the Shopify discount stays findable by its id)
    const [thanks, code] = (await decisionOf(21)).assignments;
    expect(thanks).toMatchObject({ ruleId: "thanks", discountCode: null, discountStatus: null, itemLabel: "soap sample" });
    expect(code).toMatchObject({
      ruleId: "code",
      discountCode: null,
      discountStatus: "erased",
      discountError: ERASED_CODE_NOTE,
      discountGid: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\//),
    });
    expect((await decisionOf(21)).evaluation?.packingPlan).toBe(
      "Include: Thank-you card (first order). Add: soap sample. Code erased with the customer's data, do not include: Next-order code card.",
    );
    expect(await orderRow(25)).toMatchObject({ customerFirstName: "Bo", discountCodes: JSON.stringify([ERASED_CODE, "WELCOME10"]) });
    // ... every job about her or her orders is cancelled, the dead one too; Bo's work is untouched
    expect(await jobOf("inserts.assign", gid(23))).toEqual({ status: "cancelled", lastError: "cancelled: customer redacted" });
    // (orders/create of 23 was applied before; its fulfillments/update was still waiting)
    expect(
      await prisma.job.findMany({ where: { orderGid: gid(23), type: "webhook.process" }, select: { status: true, lastError: true }, orderBy: { id: "asc" } }),
    ).toEqual([
      { status: "done", lastError: null },
      { status: "cancelled", lastError: "cancelled: customer redacted" },
    ]);
    expect(
      await prisma.job.findMany({
        where: { orderGid: gid(21), type: "inserts.discount" },
        select: { status: true, lastError: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { status: "done", lastError: null },
      { status: "cancelled", lastError: "cancelled: customer redacted" },
    ]);
    expect(await jobOf("inserts.assign", gid(25))).toEqual({ status: "pending", lastError: null });
    expect(await prisma.job.findFirstOrThrow({ where: { orderGid: gid(22), status: "dead" }, select: { lastError: true } })).toEqual({
      lastError: "THROTTLED",
    });
    // ... raw bodies are replaced; the update that was still queued is recorded as not applied
    const log = await prisma.webhookDelivery.findMany({
      orderBy: { id: "asc" },
      select: { topic: true, orderGid: true, status: true, error: true, body: true },
    });
    const redacted = log.filter((row) => row.body === "[redacted]").map((row) => `${row.topic} ${row.orderGid ?? ""}`.trim());
    expect(redacted).toEqual([
      "orders/create gid://shopify/Order/21",
      "fulfillments/create gid://shopify/Order/21",
      "fulfillment_events/create gid://shopify/Order/21",
      "customers/data_request",
      "orders/create gid://shopify/Order/23",
      "fulfillments/update gid://shopify/Order/23",
      "orders/updated",
      "customers/redact",
    ]);
    expect(log.find((row) => row.topic === "fulfillments/update")).toMatchObject({
      status: "ignored",
      error: "customer data erased (customers/redact) before it was applied",
    });
    expect(log.find((row) => row.topic === "customers/redact")).toMatchObject({ status: "processed" });
    expect(log.filter((row) => row.body !== "[redacted]").map((row) => row.orderGid)).toEqual([gid(22), gid(25)]);
    // ... the earlier export and the scheduled follow-up are gone; the sent one stays without her id
    expect(await prisma.dataRequestExport.count()).toBe(0);
    expect(await prisma.followUp.findMany({ select: { ruleId: true, customerGid: true, status: true } })).toEqual([
      { ruleId: "thanks", customerGid: null, status: "sent" },
    ]);
    // ... and nothing in any table still holds her name, email, phone, address or code
    const left = await everything();
    for (const personal of ["Anna", "anna@example.se", "46701234567", "Götgatan", "Lind", "Ring twice", annasCode]) expect(left).not.toContain(personal);
    expect(left).toContain(bosCode);

    // WHEN the postponed work runs: Bo's order is decided; nothing is decided or sent for Anna's orders
    await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });
    await drainJobs();
    expect(await prisma.insertEvaluation.count({ where: { orderGid: gid(23) } })).toBe(0);
    expect((await decisionOf(25)).rules).toEqual(["thanks", "code"]);
    expect(await prisma.job.count({ where: { orderGid: { in: [gid(21), gid(23)] }, status: { in: ["pending", "running", "dead"] } } })).toBe(0);
    // ... and her card without its code never prints
    const sheet = await renderPrintSheet(TEST_SHOP, { orderGids: [gid(21)], paper: null });
    expect(sheet).toMatchObject({ ok: true, pages: 1 });
    expect(sheet.ok && sheet.html).toContain("#21: &#34;Next-order code card&#34; not printed, its code was erased with the customer&#39;s data.");
  });

  it("reaches the bodies of unknown topics that name the customer, for data requests and erasure, and leaves another customer's alone", async () => {
    // GIVEN deliveries of topics Kept does not handle (recorded as ignored): a customer object of Anna's (no
    // customer field, so only its body names her) and a cart with her customer_id, IP and address; Bo 8001's
    // alike (his ids contain hers as a prefix)
    const bo = { ...BO, id: 8001, admin_graphql_api_id: "gid://shopify/Customer/8001", phone: "+46709999999" };
    await deliver("customers/update", { ...ANNA, default_address: ANNAS_ADDRESS, note: "Prefers mornings" }, { webhookId: "anna-profile" });
    await deliver(
      "carts/teleport",
      { id: 9, customer_id: 800, email: ANNA.email, client_details: { browser_ip: "203.0.113.7" }, shipping_address: ANNAS_ADDRESS },
      { webhookId: "anna-cart" },
    );
    await deliver("customers/update", { ...bo, note: "Leave at the door" }, { webhookId: "bo-profile" });
    await deliver("carts/teleport", { id: 10, customer_id: 8001, email: bo.email, client_details: { browser_ip: "198.51.100.4" } }, { webhookId: "bo-cart" });
    const bosBodies = await prisma.webhookDelivery.findMany({ where: { webhookId: { startsWith: "bo-" } }, select: { webhookId: true, body: true } });
    expect((await prisma.webhookDelivery.findMany({ select: { status: true } })).map((row) => row.status)).toEqual(Array(4).fill("ignored"));

    // WHEN Anna asks for her data
    await deliver("customers/data_request", { ...redactAnna, orders_to_redact: undefined, orders_requested: [], data_request: { id: 78 } });
    await drainJobs();
    // THEN the export names both of her deliveries and what they carry, and none of Bo's
    const stored = await prisma.dataRequestExport.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    const { sources, ...personal } = (JSON.parse(stored.data) as { personalDataInWebhooks: Record<string, unknown[]> }).personalDataInWebhooks;
    expect((sources as { webhookId: string }[]).map((source) => source.webhookId)).toEqual(["anna-profile", "anna-cart", expect.any(String)]);
    expect(personal).toMatchObject({ emails: [ANNA.email], ipAddresses: ["203.0.113.7"], notes: ["Prefers mornings"] });
    expect(JSON.stringify(personal)).not.toContain(bo.email);

    // WHEN Shopify asks to redact Anna
    await deliver("customers/redact", { ...redactAnna, orders_to_redact: [] }, { webhookId: "redact-800" });
    await drainJobs();
    // THEN her unknown-topic bodies are erased, Bo's stay as they were, and nothing anywhere names her
    const bodies = await prisma.webhookDelivery.findMany({ where: { webhookId: { in: ["anna-profile", "anna-cart"] } }, select: { body: true } });
    expect(bodies).toEqual([{ body: "[redacted]" }, { body: "[redacted]" }]);
    expect(await prisma.webhookDelivery.findMany({ where: { webhookId: { startsWith: "bo-" } }, select: { webhookId: true, body: true } })).toEqual(bosBodies);
    const left = await everything();
    for (const personal of [ANNA.email, "46701234567", "Götgatan", "Lind", "Prefers mornings", "203.0.113.7"]) expect(left).not.toContain(personal);
  });

  it("rolls back a job that was running when the customer was redacted", async () => {
    // GIVEN Anna's order stored and its inserts.assign job claimed by a worker
    await deliver("orders/create", order(26, { customer: ANNA, email: ANNA.email }));
    await runDueJobs();
    const [claimed] = claimJobs(getWorkerDb(), 10, 60_000);
    expect(claimed).toMatchObject({ type: "inserts.assign" });
    // WHEN the redaction commits while the job runs, and the job then tries to record its decision
    await deliver("customers/redact", { ...redactAnna, orders_to_redact: [26] });
    await drainJobs();
    await expect(runInsertAssignJob(claimed)).rejects.toBeInstanceOf(JobCancelledError);
    // THEN nothing of the job applied, and its failure does not revive it
    expect(failJob(getWorkerDb(), claimed, "JobCancelledError")).toBe("cancelled");
    expect(await prisma.insertEvaluation.count()).toBe(0);
    expect(await prisma.insertAssignment.count()).toBe(0);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: claimed.id }, select: { status: true, lastError: true } })).toEqual({
      status: "cancelled",
      lastError: "cancelled: customer redacted",
    });
    expect(await prisma.job.count({ where: { type: { startsWith: "inserts." }, NOT: { id: claimed.id } } })).toBe(0);
  });
});
