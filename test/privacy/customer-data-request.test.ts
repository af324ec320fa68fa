import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { markPrinted } from "~/models/inserts/insert-print-queue.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { fulfillmentEventPayload, fulfillmentPayload } from "../factories/payloads";
import { deliver, gid, order, storeDefaultTemplates, storeRule, storeSession } from "../inserts/fixtures";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { healthyInsertAnswers } from "../support/shopify-answers";
import { TEST_SHOP } from "../support/test-env";

const HOME = {
  first_name: "Anna",
  last_name: "Lind",
  address1: "Götgatan 1",
  city: "Stockholm",
  zip: "118 46",
  country: "Sweden",
  country_code: "SE",
  phone: "+46701234567",
};
const WORK = {
  first_name: "Anna",
  last_name: "Lind",
  company: "Kontor AB",
  address1: "Box 12",
  city: "Solna",
  zip: "171 04",
  country: "Sweden",
  country_code: "SE",
  phone: null,
  latitude: 59.36,
  longitude: 18.0,
};
const ANNA = {
  id: 700,
  admin_graphql_api_id: "gid://shopify/Customer/700",
  first_name: "Anna",
  last_name: "Lind",
  email: "anna@example.se",
  phone: "+46701234567",
  tags: "",
  default_address: HOME,
};
const BO = { id: 701, admin_graphql_api_id: "gid://shopify/Customer/701", first_name: "Bo", last_name: "Ek", email: "bo@example.se", tags: "" };
const address = (part: Record<string, unknown>) => ({
  name: "Anna Lind",
  company: null,
  address1: null,
  address2: null,
  city: null,
  zip: null,
  province: null,
  country: null,
  countryCode: null,
  phone: null,
  latitude: null,
  longitude: null,
  ...part,
});

beforeEach(async () => {
  await resetDatabase();
  await storeSession();
  await storeDefaultTemplates();
  installAdminApiDouble(healthyInsertAnswers());
  await storeRule({
    id: "code",
    priority: 1,
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
  });
});

describe("customers/data_request", () => {
  it("exports every row Kept keeps about the customer and the personal data in the webhook bodies it stores", async () => {
    // GIVEN Anna's order 11 (account), her guest order 12 (no customer id), Bo's order 13, a shipment with a scan
    await deliver(
      "orders/create",
      order(11, {
        customer: ANNA,
        billing_address: HOME,
        shipping_address: WORK,
        note: "Ring twice",
        note_attributes: [{ name: "gift_message", value: "Grattis!" }],
        browser_ip: "81.2.3.4",
        client_details: { browser_ip: "81.2.3.4", user_agent: "Safari" },
      }),
    );
    await deliver(
      "orders/create",
      order(12, { customer: null, created_at: "2026-11-21T10:00:00+01:00", updated_at: "2026-11-21T10:00:00+01:00", billing_address: HOME }),
    );
    await deliver("orders/create", order(13, { customer: BO, email: BO.email }));
    await deliver("fulfillments/create", fulfillmentPayload(31, 11, { destination: WORK }));
    await deliver("fulfillment_events/create", fulfillmentEventPayload(41, 31, 11, { city: "Solna", zip: "171 04", country: "SE" }));
    // AND her marketing consent, as Shopify sends it (with the address she signed up with)
    await deliver("customers_email_marketing_consent/update", {
      customer_id: 700,
      email_address: "anna.news@example.se",
      email_marketing_consent: { state: "subscribed", opt_in_level: "confirmed_opt_in", consent_updated_at: "2026-11-19T08:00:00Z" },
    });
    await drainJobs();
    await markPrinted(TEST_SHOP, { orderGids: [gid(11)], cardIds: null }, new Date("2026-11-22T12:00:00Z"));
    await prisma.followUp.create({
      data: {
        shop: TEST_SHOP,
        orderGid: gid(11),
        customerGid: ANNA.admin_graphql_api_id,
        ruleId: "review",
        ruleVersion: 1,
        trigger: "review-request",
        category: "marketing",
        messageId: "<review@kept.test>",
        sendAt: new Date("2026-12-01T09:00:00Z"),
      },
    });

    // WHEN Shopify asks for her data, naming both orders
    await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 700, email: ANNA.email, phone: ANNA.phone },
      orders_requested: [11, 12],
      data_request: { id: 9999 },
    });
    await drainJobs();

    // THEN the export holds her orders and everything hanging off them, and nothing of Bo
    const stored = await prisma.dataRequestExport.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    expect(stored).toMatchObject({ requestId: "9999", customerGid: "gid://shopify/Customer/700" });
    for (const bos of ["bo@example.se", "Customer/701", gid(13)]) expect(stored.data).not.toContain(bos);
    const data = JSON.parse(stored.data) as Record<string, Record<string, unknown>[]> & { personalDataInWebhooks: Record<string, unknown> };
    expect(Object.keys(data)).toEqual([
      "customerGid",
      "orders",
      "fulfillments",
      "deliveryEvents",
      "promises",
      "insertEvaluations",
      "insertAssignments",
      "followUps",
      "marketingConsent",
      "personalDataInWebhooks",
    ]);
    expect(data.marketingConsent).toMatchObject({ state: "subscribed", optInLevel: "confirmed_opt_in", consentUpdatedAt: "2026-11-19T08:00:00.000Z" });
    expect(data.orders.map((row) => [row.orderGid, row.customerFirstName, row.email, row.shipCity])).toEqual([
      [gid(11), "Anna", "anna@example.se", "Solna"],
      [gid(12), "Anna", "anna@example.se", "Stockholm"],
    ]);
    expect(data.fulfillments.map((row) => [row.fulfillmentGid, row.trackingNumber])).toEqual([["gid://shopify/Fulfillment/31", "PN123456789SE"]]);
    expect(data.deliveryEvents.map((row) => [row.eventGid, row.city, row.zip])).toEqual([["gid://shopify/FulfillmentEvent/41", "Solna", "171 04"]]);
    expect(data.promises.map((row) => [row.orderGid, row.status, row.noPromiseReason])).toEqual([
      [gid(11), "none", "no-settings"],
      [gid(12), "none", "no-settings"],
    ]);
    const code = (orderId: number) => data.insertAssignments.find((row) => row.orderGid === gid(orderId))?.discountCode as string;
    expect(code(11)).toMatch(/^ANNA-/);
    expect(data.insertEvaluations.map((row) => [row.orderGid, row.packingPlan, row.printedAt])).toEqual([
      [gid(11), `Include: Next-order code card. Code: ${code(11)}.`, "2026-11-22T12:00:00.000Z"],
      [gid(12), `Include: Next-order code card. Code: ${code(12)}.`, null],
    ]);
    expect(data.insertAssignments.map((row) => [row.orderGid, row.ruleId, row.discountStatus, row.printedAt])).toEqual([
      [gid(11), "code", "created", "2026-11-22T12:00:00.000Z"],
      [gid(12), "code", "created", null],
    ]);
    expect(data.followUps.map((row) => [row.orderGid, row.ruleId, row.status, row.sendAt])).toEqual([
      [gid(11), "review", "scheduled", "2026-12-01T09:00:00.000Z"],
    ]);
    // ... and what the stored webhook bodies say about her, each source named
    const { sources, ...personal } = data.personalDataInWebhooks;
    expect(personal).toEqual({
      names: ["Anna Lind"],
      emails: ["anna@example.se", "anna.news@example.se"],
      phones: ["+46701234567"],
      addresses: [
        address({ address1: "Götgatan 1", city: "Stockholm", zip: "118 46", country: "Sweden", countryCode: "SE", phone: "+46701234567" }),
        address({
          company: "Kontor AB",
          address1: "Box 12",
          city: "Solna",
          zip: "171 04",
          country: "Sweden",
          countryCode: "SE",
          latitude: 59.36,
          longitude: 18,
        }),
        address({ name: null, city: "Stockholm", zip: "114 55", countryCode: "SE" }), // the guest order's shipping address (no name in it)
        address({ name: null, city: "Solna", zip: "171 04", country: "SE" }), // the carrier scan's place
      ],
      notes: ["Ring twice", "gift_message: Grattis!"],
      ipAddresses: ["81.2.3.4"],
    });
    expect((sources as { topic: string }[]).map((source) => source.topic)).toEqual([
      "orders/create",
      "orders/create",
      "fulfillments/create",
      "fulfillment_events/create",
      "customers_email_marketing_consent/update",
      "customers/data_request",
    ]);
    expect(data.personalDataInWebhooks).not.toHaveProperty("body");
  });
});
