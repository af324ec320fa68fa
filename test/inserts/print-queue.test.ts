import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { PRINTED_CARDS_HEADER } from "~/domain/inserts/print-url";
import { PRINT_QUEUE_PAGE_SIZE } from "~/models/inserts/insert-print-queue.server";
import { loader as orderLoader } from "~/routes/app.orders.$id";
import { action as queueAction, loader as queueLoader } from "~/routes/app.print-queue/route";
import { loader as printLoader } from "~/routes/print.inserts/route";
import { runDueJobs, drainJobs } from "~/services/jobs/all-jobs.server";
import { installAdminApiDouble } from "../support/admin-api-double";
import { resetDatabase } from "../support/database";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { THROTTLED, discountCreated, discountRefused, healthyInsertAnswers } from "../support/shopify-answers";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";
import { decisionOf, deliver, gid, order, storeDefaultTemplates, storeRule } from "./fixtures";

// The Print queue's bookkeeping through its routes: a print marks exactly the inserts the sheet printed, an
// order stays while anything is left to print (a code card waiting for its code), and the queue pages
// through every unfulfilled order, chosen in SQL.

beforeEach(async () => {
  await resetDatabase();
  await storeOfflineSession(TEST_SHOP);
  await storeOfflineSession(OTHER_SHOP);
  await storeDefaultTemplates();
  await storeRule({ id: "thanks", priority: 1, actions: { insertTemplateId: "first-order-thanks" } });
  await storeRule({
    id: "code",
    priority: 2,
    actions: { insertTemplateId: "next-order-code", discount: { kind: "percentage", value: "10", expiresInDays: 30 } },
  });
});

/** Shopify creates every code except the one for `orderName`, which it answers `answer` to. */
function discountsExcept(orderName: string, answer: () => unknown) {
  return installAdminApiDouble({
    ...healthyInsertAnswers(),
    DiscountCodeBasicCreate: (variables) => (JSON.stringify(variables).includes(`${orderName} (`) ? answer() : discountCreated()),
  });
}

async function decide(...ids: number[]) {
  for (const id of ids) await deliver("orders/create", order(id));
  await drainJobs();
}

async function printSheet(orderIds: string, shop = TEST_SHOP) {
  const response = (await printLoader({
    request: await adminRequest(shop, `/print/inserts?orders=${orderIds}&only=unprinted`),
    params: {},
    context: {},
  })) as Response;
  const html = await response.text();
  return {
    status: response.status,
    html,
    pages: html.match(/<section class="kept-page/g)?.length ?? 0,
    cards: response.headers.get(PRINTED_CARDS_HEADER) ?? "",
  };
}

type Outcome = { ok: boolean; message: string; cards: string[]; orders: string[]; waiting: number };
const change = async (form: Record<string, string>, shop = TEST_SHOP) =>
  (await queueAction({ request: await adminRequest(shop, "/app/print-queue", form), params: {}, context: {} })) as unknown as Outcome;
const queue = async (query = "", shop = TEST_SHOP) => queueLoader({ request: await adminRequest(shop, `/app/print-queue${query}`), params: {}, context: {} });
const names = async (query = "") => (await queue(query)).rows.map((row) => row.name);

describe("marking prints in the Print queue", () => {
  it("marks only the inserts the sheet printed and keeps the code card waiting for its code in the queue", async () => {
    // GIVEN #7001's code cannot be created yet (Shopify throttles), #7002's is created
    const double = discountsExcept("#7001", () => THROTTLED);
    await decide(7001, 7002);
    const [pending, ready] = [await decisionOf(7001), await decisionOf(7002)];
    expect(pending.assignments.map((row) => row.discountStatus)).toEqual([null, "pending"]);
    expect((await queue()).rows.find((row) => row.name === "#7001")?.cards).toEqual({ printed: 0, ready: 1, "waiting-for-code": 1, never: 0 });

    // WHEN the merchant prints both from the queue
    const sheet = await printSheet("7001,7002");
    // THEN the sheet leaves #7001's code card out and says which three cards it printed
    expect(sheet.pages).toBe(3);
    expect(sheet.html).toContain("#7001: &#34;Next-order code card&#34; not printed, its code");
    expect(sheet.cards.split(",").sort()).toEqual([pending.assignments[0].id, ...ready.assignments.map((row) => row.id)].sort());
    const outcome = await change({ intent: "mark-printed", orders: [gid(7001), gid(7002)].join(","), cards: sheet.cards });
    expect(outcome).toMatchObject({
      ok: true,
      waiting: 1,
      message: "Marked 3 inserts printed; 1 order left the queue. Still in the queue: #7001 (1 insert waits for its code, which is still being created).",
    });
    // AND #7002 left the queue; #7001 stays with its thank-you card printed and its code card to come
    expect(await names()).toEqual(["#7001"]);
    expect((await queue()).rows[0].cards).toEqual({ printed: 1, ready: 0, "waiting-for-code": 1, never: 0 });
    expect(await names("?show=printed")).toEqual(["#7002"]);

    // WHEN the code is created and the queue prints #7001 again
    double.calls.length = 0;
    installAdminApiDouble(healthyInsertAnswers());
    await prisma.job.updateMany({ where: { status: "pending" }, data: { runAt: new Date(0) } });
    await runDueJobs();
    await drainJobs();
    const second = await printSheet("7001");
    // THEN only the code card prints, and #7001 leaves the queue
    expect(second.pages).toBe(1);
    expect(second.cards).toBe(pending.assignments[1].id);
    expect(second.html).not.toContain("Thank you");
    expect(await change({ intent: "mark-printed", orders: gid(7001), cards: second.cards })).toMatchObject({
      waiting: 0,
      message: "Marked 1 insert printed; 1 order left the queue.",
    });
    expect(await names()).toEqual([]);

    // WHEN that print is undone THEN #7001 is back with only its code card to print
    await change({ intent: "mark-unprinted", orders: gid(7001), cards: second.cards });
    expect((await queue()).rows.map((row) => [row.name, row.cards])).toEqual([["#7001", { printed: 1, ready: 1, "waiting-for-code": 0, never: 0 }]]);
  });

  it("'Mark printed' without a sheet takes only the inserts that can print now", async () => {
    discountsExcept("#7003", () => THROTTLED);
    await decide(7003);
    const outcome = await change({ intent: "mark-printed", orders: gid(7003) });
    expect(outcome).toMatchObject({
      waiting: 1,
      message: "Marked 1 insert printed; 0 orders left the queue. Still in the queue: #7003 (1 insert waits for its code, which is still being created).",
    });
    expect((await decisionOf(7003)).assignments.map((row) => row.printedAt !== null)).toEqual([true, false]);
  });

  it("lets an order go once its code card can never print (Shopify refused the code)", async () => {
    discountsExcept("#7004", () => discountRefused([{ field: ["basicCodeDiscount", "code"], code: "INVALID", message: "Code is invalid" }]));
    await decide(7004);
    expect((await queue()).rows[0].cards).toEqual({ printed: 0, ready: 1, "waiting-for-code": 0, never: 1 });
    const sheet = await printSheet("7004");
    expect(sheet.pages).toBe(1);
    expect(await change({ intent: "mark-printed", orders: gid(7004), cards: sheet.cards })).toMatchObject({ waiting: 0 });
    expect(await names()).toEqual([]);
  });

  it("changes only the shop's own orders, and refuses a bad form", async () => {
    installAdminApiDouble(healthyInsertAnswers());
    await decide(7005);
    const cards = (await decisionOf(7005)).assignments.map((row) => row.id).join(",");
    expect(await change({ intent: "mark-printed", orders: gid(7005), cards }, OTHER_SHOP)).toMatchObject({
      message: "Marked 0 inserts printed; 0 orders left the queue.",
      waiting: 0,
    });
    expect(await names()).toEqual(["#7005"]);
    const bad = (await queueAction({
      request: await adminRequest(TEST_SHOP, "/app/print-queue", { intent: "mark-printed", orders: gid(7005), cards: "x y" }),
      params: {},
      context: {},
    })) as unknown as { init: { status: number }; data: unknown };
    expect(bad.init.status).toBe(400);
    expect(bad.data).toEqual({ ok: false, message: "Not an insert" });
  });

  it("shows the order's insert jobs and cards on the order page", async () => {
    installAdminApiDouble(healthyInsertAnswers());
    await decide(7006, 7007);
    const page = await orderLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/7006"), params: { id: "7006" }, context: {} });
    expect(page.inserts.jobs.map((job) => [job.type, job.status])).toEqual([
      ["inserts.assign", "done"],
      ["inserts.discount", "done"],
      ["inserts.tag", "done"],
      ["inserts.metafield", "done"],
    ]);
    expect(page.inserts.assignments.map((row) => [row.ruleName, row.discountStatus])).toEqual([
      ["Rule thanks", null],
      ["Rule code", "created"],
    ]);
  });
});

describe("the queue's pages", () => {
  /** Orders with a decided plan, written directly: `count` from `first`, created a minute apart. */
  async function storeDecided(shop: string, first: number, count: number, order: { fulfillmentStatus?: string | null; cancelledAt?: Date | null } = {}) {
    const at = (index: number) => new Date(Date.UTC(2026, 10, 1, 8, index));
    const ids = Array.from({ length: count }, (_, index) => first + index);
    await prisma.order.createMany({
      data: ids.map((id, index) => ({
        shop,
        orderGid: gid(id),
        legacyId: String(id),
        name: `#${id}`,
        currency: "SEK",
        totalPrice: "100.00",
        createdAtShopify: at(first + index),
        updatedAtShopify: at(first + index),
        fulfillmentStatus: order.fulfillmentStatus ?? null,
        cancelledAt: order.cancelledAt ?? null,
      })),
    });
    await prisma.insertEvaluation.createMany({
      data: ids.map((id, index) => ({ shop, orderGid: gid(id), evaluatedFor: at(first + index), packingPlan: "Include: Care guide." })),
    });
  }

  it("pages through every unfulfilled order, oldest first, however many newer ones were fulfilled or cancelled", async () => {
    // GIVEN 60 unfulfilled or partly fulfilled orders, then 230 newer fulfilled, 5 cancelled and another shop's 10
    await storeDecided(TEST_SHOP, 100, 55);
    await storeDecided(TEST_SHOP, 155, 5, { fulfillmentStatus: "partial" });
    await storeDecided(TEST_SHOP, 400, 230, { fulfillmentStatus: "fulfilled" });
    await storeDecided(TEST_SHOP, 700, 5, { cancelledAt: new Date("2026-11-02T00:00:00Z") });
    await storeDecided(OTHER_SHOP, 800, 10);
    // WHEN the queue is opened THEN page 1 holds the 50 oldest, page 2 the other 10, and a page past the end shows the last
    const first = await queue();
    expect({ total: first.total, page: first.page, pages: first.pages, rows: first.rows.length }).toEqual({
      total: 60,
      page: 1,
      pages: 2,
      rows: PRINT_QUEUE_PAGE_SIZE,
    });
    expect(first.rows[0].name).toBe("#100");
    const second = await queue("?page=2");
    expect(second.rows.map((row) => row.name)).toEqual(Array.from({ length: 10 }, (_, index) => `#${150 + index}`));
    expect((await queue("?page=9")).page).toBe(2);
    expect((await queue("?page=abc")).page).toBe(1);
  });
});
