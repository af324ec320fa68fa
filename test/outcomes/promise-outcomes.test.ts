import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { forgetTransitHistory, refreshOutcome } from "~/services/outcomes/refresh-outcome.server";
import { forgetBackfill, sweepDueOutcomes } from "~/services/outcomes/sweep-outcomes.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

// The verdict on each promise, kept by the worker as orders, fulfillments and scans arrive (in any order,
// twice), and by the sweep when a deadline passes. The example shop (Stockholm, Standard to Sweden: 0-1
// processing days, 1-2 carrier days, padding 1): an order on Fri 20 Nov 10:00 ships by Mon 23 Nov, the
// carrier's latest date is Wed 25 Nov and the promise shoppers saw is Thu 26 Nov.

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
const gid = (id: number) => `gid://shopify/Order/${id}`;

const deliver = async (topic: string, payload: unknown) => {
  const response = await receiveWebhook(webhookRequest(topic, payload), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
  expect(response.status).toBe(200);
};
const shipped = (orderId: number, fulfillmentId: number, at: string, overrides: Record<string, unknown> = {}) =>
  deliver("fulfillments/create", fulfillmentPayload(fulfillmentId, orderId, { created_at: at, updated_at: at, ...overrides }));
const scan = (eventId: number, fulfillmentId: number, orderId: number, status: string, at: string) =>
  deliver("fulfillment_events/create", fulfillmentEventPayload(eventId, fulfillmentId, orderId, { status, happened_at: at, created_at: at, updated_at: at }));

async function outcomeOf(orderId: number) {
  return prisma.promiseOutcome.findUniqueOrThrow({ where: { shop_orderGid: { shop: TEST_SHOP, orderGid: gid(orderId) } } });
}

beforeEach(async () => {
  await resetDatabase();
  forgetTransitHistory();
  forgetBackfill();
  // Version 1 reached checkout on 1 Nov: shoppers saw the promises (else they count apart, as not shown)
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
  await markVersionPublished(TEST_SHOP, 1, new Date("2026-11-01T00:00:00Z"));
});

describe("the outcome the worker keeps per promise", () => {
  it("is kept two days early when the delivered scan comes on Tue 24 Nov", async () => {
    await deliver("orders/create", orderPayload(9101));
    await shipped(9101, 5101, "2026-11-21T09:00:00+01:00");
    await scan(7101, 5101, 9101, "in_transit", "2026-11-22T08:00:00+01:00");
    await scan(7102, 5101, 9101, "delivered", "2026-11-24T14:00:00+01:00");
    await drainJobs();
    expect(await prisma.deliveryPromise.findFirstOrThrow({ select: { shipBy: true, rawLatest: true, promisedDate: true } })).toEqual({
      shipBy: "2026-11-23",
      rawLatest: "2026-11-25",
      promisedDate: "2026-11-26",
    });
    expect(await outcomeOf(9101)).toMatchObject({
      verdict: "kept",
      daysEarly: 2,
      lateCause: null,
      arrivalKind: "confirmed",
      arrivalBy: "scan",
      arrivalAt: new Date("2026-11-24T13:00:00Z"),
      arrivalDate: "2026-11-24",
      shipped: "fully",
      laneKey: "se-standard",
      promisedDate: "2026-11-26",
      destinationZone: "Europe/Stockholm",
      nextCheckAt: null,
    });
    // 21 Nov 08:00 UTC to 24 Nov 13:00 UTC: the lane's transit history
    expect((await outcomeOf(9101)).transitHours).toBe(77);
  });

  it("gives the same verdict when the scans come first, twice, and the order last", async () => {
    await scan(7202, 5201, 9201, "delivered", "2026-11-24T14:00:00+01:00");
    await scan(7202, 5201, 9201, "delivered", "2026-11-24T14:00:00+01:00");
    await scan(7201, 5201, 9201, "in_transit", "2026-11-22T08:00:00+01:00");
    await drainJobs();
    // Nothing to judge before the order is stored
    expect(await prisma.promiseOutcome.count()).toBe(0);
    await shipped(9201, 5201, "2026-11-21T09:00:00+01:00");
    await deliver("orders/create", orderPayload(9201));
    await deliver("orders/create", orderPayload(9201));
    await drainJobs();
    expect(await outcomeOf(9201)).toMatchObject({ verdict: "kept", daysEarly: 2, arrivalKind: "confirmed", arrivalDate: "2026-11-24" });
  });

  it("compares in the destination's calendar: 00:30 on Fri 27 Nov in Stockholm is a day late though it is still the 26th in UTC", async () => {
    await deliver("orders/create", orderPayload(9301));
    await shipped(9301, 5301, "2026-11-21T09:00:00+01:00");
    await scan(7301, 5301, 9301, "delivered", "2026-11-26T23:30:00Z");
    await drainJobs();
    expect(await outcomeOf(9301)).toMatchObject({ verdict: "late", daysEarly: -1, lateCause: "carrier", arrivalDate: "2026-11-27" });
  });

  it("blames the warehouse when the order shipped after its ship-by date and the carrier kept to its range", async () => {
    await deliver("orders/create", orderPayload(9401));
    await shipped(9401, 5401, "2026-11-25T09:00:00+01:00");
    await scan(7401, 5401, 9401, "delivered", "2026-11-27T12:00:00+01:00");
    await drainJobs();
    expect(await outcomeOf(9401)).toMatchObject({ verdict: "late", daysEarly: -1, lateCause: "warehouse" });
  });

  it("takes a delivery confirmed only by the fulfillment's shipment status, and says so", async () => {
    await deliver("orders/create", orderPayload(9501));
    await shipped(9501, 5501, "2026-11-21T09:00:00+01:00");
    await deliver(
      "fulfillments/update",
      fulfillmentPayload(5501, 9501, { created_at: "2026-11-21T09:00:00+01:00", updated_at: "2026-11-25T10:00:00+01:00", shipment_status: "delivered" }),
    );
    await drainJobs();
    expect(await outcomeOf(9501)).toMatchObject({ verdict: "kept", daysEarly: 1, arrivalKind: "confirmed", arrivalBy: "status" });
  });

  it("lets a multi-parcel order arrive with its last parcel, and not before every line has shipped", async () => {
    const lines = [
      { ...orderPayload(0).line_items[0], id: 9001, admin_graphql_api_id: "gid://shopify/LineItem/9001" },
      { ...orderPayload(0).line_items[0], id: 9002, admin_graphql_api_id: "gid://shopify/LineItem/9002", sku: "ROSE-01" },
    ];
    await deliver("orders/create", orderPayload(9601, { line_items: lines }));
    await shipped(9601, 5601, "2026-11-21T09:00:00+01:00", { line_items: [{ id: 9001 }] });
    await scan(7601, 5601, 9601, "delivered", "2026-11-24T12:00:00+01:00");
    await drainJobs();
    expect(await outcomeOf(9601)).toMatchObject({ shipped: "partly", arrivalKind: "none" });
    expect((await outcomeOf(9601)).verdict).toBe("late");
    await shipped(9601, 5602, "2026-11-23T09:00:00+01:00", { line_items: [{ id: 9002 }], name: "#1001.2" });
    await scan(7602, 5602, 9601, "delivered", "2026-11-26T16:00:00+01:00");
    await drainJobs();
    expect(await outcomeOf(9601)).toMatchObject({ verdict: "kept", daysEarly: 0, shipped: "fully", arrivalDate: "2026-11-26", parcels: 2 });
  });

  it("excludes cancelled and refunded orders, and counts orders without a promise apart", async () => {
    await deliver("orders/create", orderPayload(9701));
    await deliver("orders/cancelled", orderPayload(9701, { cancelled_at: "2026-11-20T12:00:00+01:00", updated_at: "2026-11-20T12:00:00+01:00" }));
    await deliver("orders/create", orderPayload(9702, { financial_status: "refunded" }));
    await deliver("orders/create", orderPayload(9703, { shipping_address: null, shipping_lines: [], source_name: "pos" }));
    await drainJobs();
    expect(await outcomeOf(9701)).toMatchObject({ verdict: "excluded", reason: "cancelled" });
    expect(await outcomeOf(9702)).toMatchObject({ verdict: "excluded", reason: "refunded" });
    expect(await outcomeOf(9703)).toMatchObject({ verdict: "not_applicable", reason: "no-promise:no-destination", destinationZone: "Europe/Stockholm" });
  });
});

describe("arrival inferred from the lane's history", () => {
  /** 20 Standard orders to Stockholm, each delivered `hours` after shipping; then the worker's hour-long memory of lane carrier times is cleared. */
  async function laneHistory(hours: number) {
    for (let index = 0; index < 20; index += 1) {
      const orderId = 9800 + index;
      const shippedAt = new Date(Date.UTC(2026, 10, 2 + index, 8));
      await deliver("orders/create", orderPayload(orderId, { created_at: new Date(shippedAt.getTime() - 3_600_000).toISOString() }));
      await shipped(orderId, 5800 + index, shippedAt.toISOString());
      await scan(7800 + index, 5800 + index, orderId, "delivered", new Date(shippedAt.getTime() + hours * 3_600_000).toISOString());
    }
    await drainJobs();
    forgetTransitHistory();
  }

  it("infers arrival at shipping plus the lane's p90 when no delivered scan comes, then takes the real scan", async () => {
    await laneHistory(50);
    await deliver("orders/create", orderPayload(9901));
    await shipped(9901, 5901, "2026-11-21T09:00:00+01:00");
    await scan(7901, 5901, 9901, "in_transit", "2026-11-21T18:00:00+01:00");
    await drainJobs();
    // Today (the worker's clock) is long past 21 Nov 08:00 UTC + 50 h + the 48 quiet hours
    const inferred = await outcomeOf(9901);
    expect(inferred).toMatchObject({ arrivalKind: "inferred", arrivalAt: new Date("2026-11-23T10:00:00Z"), verdict: "kept", daysEarly: 3 });
    expect(inferred.arrivalHow).toContain("this lane's 90th-percentile carrier time (2.1 days over 20 deliveries)");
    // A later order update (an event with no arrival news) keeps the inference
    await deliver("orders/updated", orderPayload(9901, { updated_at: "2026-11-28T10:00:00+01:00", tags: "vip" }));
    await drainJobs();
    expect(await outcomeOf(9901)).toMatchObject({ arrivalKind: "inferred" });
    // The real scan replaces it
    await scan(7902, 5901, 9901, "delivered", "2026-11-27T11:00:00+01:00");
    await drainJobs();
    expect(await outcomeOf(9901)).toMatchObject({ arrivalKind: "confirmed", arrivalBy: "scan", verdict: "late", daysEarly: -1, lateCause: "carrier" });
  });

  it("infers from the lane's configured transit while fewer than 20 deliveries are confirmed, and never before the last scan", async () => {
    await deliver("orders/create", orderPayload(9902));
    await shipped(9902, 5902, "2026-11-21T09:00:00+01:00");
    await drainJobs();
    // Standard to Sweden: at most 2 carrier days (Mon-Fri), 3 calendar days after shipping
    const configured = await outcomeOf(9902);
    expect(configured).toMatchObject({ arrivalKind: "inferred", arrivalAt: new Date("2026-11-24T08:00:00Z"), verdict: "kept", daysEarly: 2 });
    expect(configured.arrivalHow).toContain("the lane's configured longest transit (3.0 days)");
    await laneHistory(50);
    await scan(7903, 5902, 9902, "out_for_delivery", "2026-11-26T07:00:00+01:00");
    await drainJobs();
    expect(await outcomeOf(9902)).toMatchObject({ arrivalKind: "inferred", arrivalAt: new Date("2026-11-26T06:00:00Z"), verdict: "kept", daysEarly: 0 });
  });
});

describe("the sweep at deadlines", () => {
  it("turns an open promise at risk when the ship-by day passes unshipped, then late when the promised day is over", async () => {
    await deliver("orders/create", orderPayload(9951));
    await drainJobs();
    const db = getWorkerDb();
    // Mon 23 Nov noon in Stockholm: open, nothing wrong yet; the next check is when the ship-by day ends
    refreshOutcome(db, TEST_SHOP, gid(9951), new Date("2026-11-23T11:00:00Z"));
    expect(await outcomeOf(9951)).toMatchObject({ verdict: "open", risk: null, nextCheckAt: new Date("2026-11-23T23:00:00Z") });
    expect(sweepDueOutcomes(db, new Date("2026-11-23T22:59:00Z"))).toBe(0);
    expect(sweepDueOutcomes(db, new Date("2026-11-23T23:05:00Z"))).toBe(1);
    expect(await outcomeOf(9951)).toMatchObject({ verdict: "open", risk: "not-shipped" });
    // Fri 27 Nov: the promised Thursday is over with nothing shipped
    sweepDueOutcomes(db, new Date("2026-11-27T08:00:00Z"));
    expect(await outcomeOf(9951)).toMatchObject({ verdict: "late", daysEarly: -1, lateCause: "warehouse", risk: null });
  });

  it("computes the outcome of orders stored before outcomes existed", async () => {
    await deliver("orders/create", orderPayload(9961));
    await shipped(9961, 5961, "2026-11-21T09:00:00+01:00");
    await scan(7961, 5961, 9961, "delivered", "2026-11-24T14:00:00+01:00");
    await drainJobs();
    await prisma.promiseOutcome.deleteMany({});
    expect(sweepDueOutcomes(getWorkerDb(), new Date("2026-12-01T08:00:00Z"))).toBe(1);
    expect(await outcomeOf(9961)).toMatchObject({ verdict: "kept", daysEarly: 2 });
  });

  it("is erased with its order", async () => {
    await deliver("orders/create", orderPayload(9971));
    await drainJobs();
    await prisma.order.deleteMany({ where: { shop: TEST_SHOP } });
    expect(await prisma.promiseOutcome.count()).toBe(0);
  });
});
