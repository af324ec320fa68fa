import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma, { inTransaction } from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { receiveFlowLifecycle } from "~/services/flow/flow-lifecycle.server";
import { queueApologyCodeIssued } from "~/services/flow/queue-flow-triggers.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { listDeadJobs, retryDeadJob } from "~/models/jobs/job.server";
import { drainJobs, runDueJobs } from "~/services/jobs/all-jobs.server";
import { sweepDueOutcomes } from "~/services/outcomes/sweep-outcomes.server";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../factories/payloads";
import { installAdminApiDouble, type AdminCall } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { lifecycleRequest } from "../support/flow-lifecycle";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

// Flow triggers end to end: the lifecycle callback turns triggers on, signed webhooks go through the intake
// and the worker, and Shopify's Admin API is a double at the wire that answers flowTriggerReceive by name.

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
const ORDER_TRIGGERS = ["Delivery promise kept", "Delivery promise missed", "Order arrived", "Order shipped early"];
let hook = 0;

const accepted = () => ({ data: { flowTriggerReceive: { userErrors: [] } } });

async function deliver(topic: string, payload: unknown) {
  hook += 1;
  const response = await receiveWebhook(webhookRequest(topic, payload, { webhookId: `flow-${hook}` }), {
    secret: TEST_ENV.SHOPIFY_API_SECRET,
    maxBytes: 1 << 20,
  });
  expect(response.status).toBe(200);
}

/** Flow says the shop's workflows use (or stopped using) these triggers, at `at`. */
async function flowUses(triggers: string[], enabled: boolean, at = "2026-11-01T09:00:00.000Z") {
  for (const trigger of triggers) {
    const request = lifecycleRequest({ flow_trigger_definition_id: trigger, has_enabled_flow: enabled, timestamp: at });
    expect((await receiveFlowLifecycle(request, { secret: TEST_ENV.SHOPIFY_API_SECRET })).status).toBe(200);
  }
}

const order = (id: number) =>
  orderPayload(id, {
    name: `#${id}`,
    created_at: "2026-11-16T10:00:00+01:00",
    updated_at: "2026-11-16T10:00:00+01:00",
    processed_at: "2026-11-16T10:00:00+01:00",
  });
const shipped = (id: number, at: string) => fulfillmentPayload(id * 10, id, { created_at: at, updated_at: at });
const delivered = (id: number, at: string) =>
  fulfillmentEventPayload(id * 100, id * 10, id, { status: "delivered", happened_at: at, created_at: at, updated_at: at });

const flowCalls = (calls: AdminCall[]) => calls.filter((call) => call.operationName === "FlowTriggerReceive").map((call) => call.variables);

/** The worker's clock (time is an input): every delivery is processed at the instant given. */
const at = (instant: string) => vi.setSystemTime(new Date(instant));

/** Delivers each webhook at `instant` and lets the worker run. */
async function deliverAt(instant: string, ...deliveries: [string, unknown][]) {
  at(instant);
  for (const [topic, payload] of deliveries) await deliver(topic, payload);
  await drainJobs();
}

const flowJobs = () => prisma.job.findMany({ where: { shop: TEST_SHOP, type: "flow.trigger" }, orderBy: { createdAt: "asc" } });

afterEach(() => vi.useRealTimers());

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  at("2026-11-01T08:00:00Z");
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "installed", scope: TEST_ENV.SCOPES, accessToken: "shpat_test" } });
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
  await markVersionPublished(TEST_SHOP, 1, new Date("2026-01-01T00:00:00Z"));
  // Publishing queues the checkout sync and the shipping snapshot; they are not this test's.
  await prisma.job.deleteMany();
});

// Order 60xx: placed Mon 16 Nov 10:00 in Stockholm, promised for Fri 20 Nov, ship-by Tue 17 Nov (the example
// settings' se-standard lane); shipped Mon 16 Nov 15:00 and delivered Wed 18 Nov 14:00 (Stockholm time).
const PLACED = "2026-11-16T09:05:00Z";
const SHIPPED = "2026-11-16T15:00:00+01:00";
const DELIVERED = "2026-11-18T14:00:00+01:00";

const expectedOnTime = (orderId: number) => [
  {
    handle: "kept-order-shipped-early",
    payload: { order_id: orderId, "Ship by date": "2026-11-17", "Shipped at": "2026-11-16T14:00:00.000Z", "Days early": 1 },
  },
  {
    handle: "kept-promise-kept",
    payload: { order_id: orderId, "Promised date": "2026-11-20", "Arrival date": "2026-11-18", "Arrival kind": "confirmed", "Days early": 2 },
  },
  {
    handle: "kept-order-arrived",
    payload: {
      order_id: orderId,
      "Arrival kind": "confirmed",
      "Arrived at": "2026-11-18T13:00:00.000Z",
      "Arrival date": "2026-11-18",
      "Promised date": "2026-11-20",
    },
  },
];
const byHandle = (calls: Record<string, unknown>[]) => [...calls].sort((a, b) => expectedOrder(a) - expectedOrder(b));
const expectedOrder = (call: Record<string, unknown>) =>
  ["kept-order-shipped-early", "kept-promise-kept", "kept-order-arrived", "kept-promise-late"].indexOf(String(call.handle));

describe("a shop whose workflows use Kept's triggers", () => {
  it("gets exactly one flowTriggerReceive per order and trigger, with the order and the promise's facts, across duplicate webhooks", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(ORDER_TRIGGERS, true);
    await deliverAt(PLACED, ["orders/create", order(6001)]);
    expect(flowCalls(double.calls)).toEqual([]);
    await deliverAt("2026-11-16T14:05:00Z", ["fulfillments/create", shipped(6001, SHIPPED)]);
    expect(flowCalls(double.calls)).toEqual([expectedOnTime(6001)[0]]);
    await deliverAt("2026-11-18T13:05:00Z", ["fulfillment_events/create", delivered(6001, DELIVERED)]);
    // Shopify delivers again (new deliveries of the same events), and an orders/updated comes
    await deliverAt(
      "2026-11-18T15:00:00Z",
      ["fulfillment_events/create", delivered(6001, DELIVERED)],
      ["fulfillments/update", shipped(6001, SHIPPED)],
      ["orders/updated", { ...order(6001), updated_at: "2026-11-18T16:00:00+01:00" }],
    );
    expect(double.unexpected).toEqual([]);
    expect(flowCalls(double.calls)).toEqual(expectedOnTime(6001));
    expect((await flowJobs()).map((job) => [job.status, job.dedupeKey])).toEqual([
      ["done", "flow:kept-order-shipped-early:gid://shopify/Order/6001"],
      ["done", "flow:kept-promise-kept:gid://shopify/Order/6001"],
      ["done", "flow:kept-order-arrived:gid://shopify/Order/6001"],
    ]);
  });

  it("gets the same events once when the webhooks come out of order (the scan first, the order last) and then again", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(ORDER_TRIGGERS, true);
    const all: [string, unknown][] = [
      ["fulfillment_events/create", delivered(6002, DELIVERED)],
      ["fulfillments/create", shipped(6002, SHIPPED)],
      ["orders/create", order(6002)],
    ];
    await deliverAt("2026-11-18T13:05:00Z", ...all);
    await deliverAt("2026-11-18T13:10:00Z", ...all);
    expect(byHandle(flowCalls(double.calls))).toEqual(expectedOnTime(6002));
  });

  it("gets a missed promise with its cause when the promised day ends without an arrival (the worker's sweep)", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(ORDER_TRIGGERS, true);
    await deliverAt(PLACED, ["orders/create", order(6004)]);
    await deliverAt("2026-11-16T14:05:00Z", ["fulfillments/create", shipped(6004, SHIPPED)]);
    // Sat 21 Nov 00:30 in Stockholm: the promised Friday is over; shipped in time, so the carrier is late
    at("2026-11-20T23:30:00Z");
    sweepDueOutcomes(getWorkerDb(), new Date());
    sweepDueOutcomes(getWorkerDb(), new Date());
    await drainJobs();
    expect(flowCalls(double.calls).slice(1)).toEqual([
      { handle: "kept-promise-late", payload: { order_id: 6004, "Promised date": "2026-11-20", Cause: "carrier", "Days late": 1, Arrived: false } },
    ]);
    // It arrives on Monday: an arrival, and no second "missed"
    await deliverAt("2026-11-23T12:05:00Z", ["fulfillment_events/create", delivered(6004, "2026-11-23T13:00:00+01:00")]);
    expect(flowCalls(double.calls).slice(2)).toEqual([
      {
        handle: "kept-order-arrived",
        payload: {
          order_id: 6004,
          "Arrival kind": "confirmed",
          "Arrived at": "2026-11-23T12:00:00.000Z",
          "Arrival date": "2026-11-23",
          "Promised date": "2026-11-20",
        },
      },
    ]);
  });

  it("follows a miss with 'kept' when an inferred arrival later dates the parcel in time (the carrier never confirmed), each once", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(ORDER_TRIGGERS, true);
    await deliverAt(PLACED, ["orders/create", order(6011)]);
    await deliverAt("2026-11-16T14:05:00Z", ["fulfillments/create", shipped(6011, SHIPPED)]);
    // The promised day ends with no scan: missed. 48 h after the lane's expected arrival (Thu 19 Nov 15:00), Kept
    // infers the arrival at that time, before the promised Friday: the verdict becomes kept.
    for (const instant of ["2026-11-20T23:30:00Z", "2026-11-21T15:00:00Z", "2026-11-24T15:00:00Z"]) {
      at(instant);
      sweepDueOutcomes(getWorkerDb(), new Date());
      await drainJobs();
    }
    expect(flowCalls(double.calls).map((call) => [call.handle, (call.payload as Record<string, unknown>)["Arrival kind"] ?? null])).toEqual([
      ["kept-order-shipped-early", null],
      ["kept-promise-late", null],
      ["kept-promise-kept", "inferred"],
      ["kept-order-arrived", "inferred"],
    ]);
  });

  it("gets only the triggers its workflows use", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(["Order arrived"], true);
    await deliverAt(PLACED, ["orders/create", order(6008)], ["fulfillments/create", shipped(6008, SHIPPED)]);
    await deliverAt("2026-11-18T13:05:00Z", ["fulfillment_events/create", delivered(6008, DELIVERED)]);
    expect(flowCalls(double.calls).map((call) => call.handle)).toEqual(["kept-order-arrived"]);
  });

  it("is not sent what happened before it enabled the trigger (a delayed webhook of an earlier arrival)", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(["Order arrived"], true, "2026-11-19T08:00:00.000Z");
    await deliverAt(PLACED, ["orders/create", order(6007)], ["fulfillments/create", shipped(6007, SHIPPED)]);
    await deliverAt("2026-11-19T09:00:00Z", ["fulfillment_events/create", delivered(6007, DELIVERED)]);
    expect(await prisma.promiseOutcome.findFirst({ select: { arrivalKind: true } })).toEqual({ arrivalKind: "confirmed" });
    expect(flowCalls(double.calls)).toEqual([]);
  });
});

describe("a shop with no enabled workflow", () => {
  it("gets no flowTriggerReceive and no job: never enabled, or enabled and then disabled", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await deliverAt(PLACED, ["orders/create", order(6003)], ["fulfillments/create", shipped(6003, SHIPPED)]);
    await deliverAt("2026-11-18T13:05:00Z", ["fulfillment_events/create", delivered(6003, DELIVERED)]);
    await flowUses(ORDER_TRIGGERS, true, "2026-11-19T08:00:00.000Z");
    await flowUses(ORDER_TRIGGERS, false, "2026-11-19T09:00:00.000Z");
    await deliverAt(PLACED, ["orders/create", order(6013)], ["fulfillments/create", shipped(6013, SHIPPED)]);
    await deliverAt("2026-11-20T13:05:00Z", ["fulfillment_events/create", delivered(6013, DELIVERED)]);
    expect(await prisma.promiseOutcome.count({ where: { verdict: "kept" } })).toBe(2);
    expect(double.calls).toEqual([]);
    expect(await flowJobs()).toEqual([]);
  });

  it("sends nothing for an event queued before the merchant turned the workflow off", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(["Order arrived"], true);
    at(PLACED);
    await deliver("orders/create", order(6009));
    await deliver("fulfillments/create", shipped(6009, SHIPPED));
    await deliver("fulfillment_events/create", delivered(6009, DELIVERED));
    // The webhooks are applied (the arrival is queued) and Flow says "off" before the job runs
    await runDueJobs();
    await flowUses(["Order arrived"], false, "2026-11-16T09:06:00.000Z");
    await drainJobs();
    expect(double.calls).toEqual([]);
    expect((await flowJobs()).map((job) => job.status)).toEqual(["done"]);
  });
});

describe("a refusal from Shopify", () => {
  it("is retried boundedly, then the job is dead with Shopify's message, listed for Settings, and a retry there sends it", async () => {
    let refuse = true;
    const double = installAdminApiDouble({
      FlowTriggerReceive: () =>
        refuse ? { data: { flowTriggerReceive: { userErrors: [{ field: ["body"], message: "Errors validating schema" }] } } } : accepted(),
    });
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    await flowUses(["Order arrived"], true);
    await deliverAt(PLACED, ["orders/create", order(6005)], ["fulfillments/create", shipped(6005, SHIPPED)]);
    await deliverAt("2026-11-18T13:05:00Z", ["fulfillment_events/create", delivered(6005, DELIVERED)]);
    // Let each retry (2 s, 4 s, ... of backoff) fall due now
    for (let round = 0; round < 20; round += 1) {
      await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });
      if ((await runDueJobs()) === 0) break;
    }
    const [job] = await flowJobs();
    expect(job).toMatchObject({ status: "dead", attempts: 8, maxAttempts: 8 });
    expect(job.lastError).toBe("Error: Shopify refused the Flow trigger kept-order-arrived: body: Errors validating schema");
    expect(flowCalls(double.calls)).toHaveLength(8);
    expect(warnings.mock.calls.map(([line]) => String(line).replace(/job \S+ /, "job ")).at(-1)).toBe(
      "[worker] job (flow.trigger) failed, dead: Error: Shopify refused the Flow trigger kept-order-arrived: body: Errors validating schema",
    );
    warnings.mockRestore();
    expect((await listDeadJobs(TEST_SHOP)).map((dead) => dead.type)).toEqual(["flow.trigger"]);
    refuse = false;
    expect(await retryDeadJob(TEST_SHOP, job.id)).toBe(true);
    await drainJobs();
    expect(flowCalls(double.calls)).toHaveLength(9);
    expect((await flowJobs())[0]).toMatchObject({ status: "done" });
  });
});

describe("the apology code event (for the apology code work)", () => {
  it("queues one 'Apology code issued' per order, on the worker's connection or in a Prisma transaction, with the code and the promise it apologises for", async () => {
    const double = installAdminApiDouble({ FlowTriggerReceive: accepted });
    await flowUses(["Apology code issued"], true);
    await deliverAt(PLACED, ["orders/create", order(6006)], ["orders/create", order(6016)], ["fulfillments/create", shipped(6006, SHIPPED)]);
    at("2026-11-20T23:30:00Z");
    sweepDueOutcomes(getWorkerDb(), new Date());
    const now = new Date();
    const worker = getWorkerDb();
    expect(await queueApologyCodeIssued(worker, TEST_SHOP, { orderGid: "gid://shopify/Order/6006", code: "SORRY-7Q2P" }, now)).toBe(true);
    // Twice (a retried job, a second code): still one event
    expect(await queueApologyCodeIssued(worker, TEST_SHOP, { orderGid: "gid://shopify/Order/6006", code: "SORRY-8R3Q" }, now)).toBe(false);
    expect(await inTransaction((tx) => queueApologyCodeIssued(tx, TEST_SHOP, { orderGid: "gid://shopify/Order/6016", code: "SORRY-9S4R" }, now))).toBe(true);
    await drainJobs();
    expect(flowCalls(double.calls)).toEqual([
      { handle: "kept-apology-code-issued", payload: { order_id: 6006, Code: "SORRY-7Q2P", "Promised date": "2026-11-20", Cause: "carrier" } },
      { handle: "kept-apology-code-issued", payload: { order_id: 6016, Code: "SORRY-9S4R", "Promised date": "2026-11-20", Cause: "warehouse" } },
    ]);
  });

  it("queues nothing when no workflow uses it, or for an order Kept does not have", async () => {
    const now = new Date("2026-11-21T08:00:00Z");
    await deliverAt(PLACED, ["orders/create", order(6010)]);
    expect(await queueApologyCodeIssued(getWorkerDb(), TEST_SHOP, { orderGid: "gid://shopify/Order/6010", code: "SORRY-1" }, now)).toBe(false);
    await flowUses(["Apology code issued"], true);
    expect(await queueApologyCodeIssued(getWorkerDb(), TEST_SHOP, { orderGid: "gid://shopify/Order/404", code: "SORRY-2" }, now)).toBe(false);
    expect(await flowJobs()).toEqual([]);
  });
});
