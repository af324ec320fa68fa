import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { loader as detailLoader } from "~/routes/app.webhooks.$id";
import { loader as logLoader } from "~/routes/app.webhooks._index";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

beforeEach(async () => {
  await resetDatabase();
  await storeOfflineSession(TEST_SHOP);
  await storeOfflineSession(OTHER_SHOP);
});

type LogPage = Awaited<ReturnType<typeof logLoader>>;

const openLog = async (query: string, shop = TEST_SHOP) =>
  (await logLoader({ request: await adminRequest(shop, `/app/webhooks${query}`), params: {}, context: {} })) as LogPage;

/**
 * 130 deliveries received three to a millisecond (ties on receivedAt, broken by id): #0 is the oldest.
 * Every tenth failed, the rest processed; every fifth is fulfillments/create, the rest orders/create.
 */
async function storeDeliveries(shop = TEST_SHOP, count = 130, prefix = "d") {
  const base = Date.parse("2026-11-20T10:00:00Z");
  await prisma.webhookDelivery.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      id: `${prefix}-${String(index).padStart(4, "0")}`,
      shop,
      webhookId: `wh-${index}`,
      topic: index % 5 === 0 ? "fulfillments/create" : "orders/create",
      status: index % 10 === 0 ? "failed" : "processed",
      error: index % 10 === 0 ? "invalid JSON" : null,
      receivedAt: new Date(base + Math.floor(index / 3)),
      body: "{}",
      bodyBytes: 2,
    })),
  });
}

/** Pages through the log from the first page with `next`, returning every page. */
async function walk(query: string, next: (page: LogPage) => string | null) {
  const pages = [await openLog(query)];
  for (let link = next(pages[0]!); link !== null; link = next(pages.at(-1)!)) pages.push(await openLog(link));
  return pages;
}

const ids = (page: LogPage) => page.deliveries.map((delivery) => delivery.id);
const newestFirst = (count: number, keep: (index: number) => boolean = () => true, prefix = "d") =>
  Array.from({ length: count }, (_, index) => count - 1 - index)
    .filter(keep)
    .map((index) => `${prefix}-${String(index).padStart(4, "0")}`);

describe("Webhook log paging", () => {
  it("pages through every delivery once, newest first, and back again", async () => {
    // GIVEN 130 deliveries, more than two pages of 50
    await storeDeliveries();
    // WHEN the merchant follows "Older deliveries" to the end
    const pages = await walk("", (page) => (page.hasOlder ? `?after=${page.deliveries.at(-1)!.id}` : null));
    // THEN three pages hold all 130 in order, each with its position and the shop's totals per status
    expect(pages.map((page) => [page.firstIndex, page.deliveries.length, page.hasNewer, page.hasOlder])).toEqual([
      [0, 50, false, true],
      [50, 50, true, true],
      [100, 30, true, false],
    ]);
    expect(pages.flatMap(ids)).toEqual(newestFirst(130));
    expect(pages[0]!.counts).toEqual({ processed: 117, failed: 13 });
    // AND "Newer deliveries" from the last page gives back the same pages
    const back = await openLog(`?before=${pages[2]!.deliveries[0]!.id}`);
    expect([ids(back), back.firstIndex, back.hasNewer, back.hasOlder]).toEqual([ids(pages[1]!), 50, true, true]);
    const first = await openLog(`?before=${back.deliveries[0]!.id}`);
    expect([ids(first), first.firstIndex, first.hasNewer, first.hasOlder]).toEqual([ids(pages[0]!), 0, false, true]);
  });

  it("keeps the filters while paging and counts per status within the topic", async () => {
    await storeDeliveries();
    // WHEN the log is filtered by status and topic THEN it holds exactly those, counted per status within the topic
    const failedFulfillments = await walk("?status=failed&topic=fulfillments/create", () => null);
    expect(ids(failedFulfillments[0]!)).toEqual(newestFirst(130, (index) => index % 10 === 0));
    expect(failedFulfillments[0]!.filterCounts).toEqual({ processed: 13, failed: 13 });
    expect(failedFulfillments[0]!.filter).toEqual({ status: "failed", topic: "fulfillments/create" });
    // WHEN orders/create (104 deliveries) is paged with the topic kept in each link
    const orders = await walk("?topic=orders/create", (page) => (page.hasOlder ? `?topic=orders/create&after=${page.deliveries.at(-1)!.id}` : null));
    // THEN the pages hold exactly the orders/create deliveries, and the counts are those of that topic
    expect(orders.map((page) => page.firstIndex)).toEqual([0, 50, 100]);
    expect(orders.flatMap(ids)).toEqual(newestFirst(130, (index) => index % 5 !== 0));
    expect(orders[0]!.filterCounts).toEqual({ processed: 104 });
    expect(orders[0]!.counts).toEqual({ processed: 117, failed: 13 });
  });

  it("loses no row when the cursor's delivery left the filter, and ignores cursors of another shop", async () => {
    await storeDeliveries();
    await storeDeliveries(OTHER_SHOP, 10, "o");
    const first = await openLog("?status=processed");
    const last = first.deliveries.at(-1)!;
    // GIVEN the last row of the page is retried and fails meanwhile (no longer "processed")
    await prisma.webhookDelivery.update({ where: { id: last.id }, data: { status: "failed" } });
    // WHEN the merchant pages on from it THEN the next page starts right after it
    const second = await openLog(`?status=processed&after=${last.id}`);
    const processed = newestFirst(130, (index) => index % 10 !== 0);
    expect(ids(second)).toEqual(processed.slice(50, 100));
    // AND a cursor that is not this shop's gives the first page, never the other shop's rows
    const foreign = await openLog("?after=d-0005", OTHER_SHOP);
    expect(ids(foreign)).toEqual(newestFirst(10, () => true, "o"));
    const unknown = await openLog("?after=no-such-id");
    expect([ids(unknown), unknown.firstIndex]).toEqual([ids(await openLog("")), 0]);
  });

  it("names the order a delivery concerns when Kept has it", async () => {
    const config = { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 64 * 1024 };
    await receiveWebhook(webhookRequest("orders/create", orderPayload(7001, { name: "#7001" })), config);
    await receiveWebhook(webhookRequest("orders/create", '{"id": 7004,'), config);
    await drainJobs();
    const page = await openLog("");
    expect(page.deliveries.map((delivery) => [delivery.status, delivery.order])).toEqual(
      expect.arrayContaining([
        ["processed", { name: "#7001", legacyId: "7001" }],
        ["failed", null],
      ]),
    );
  });
});

describe("delivery detail", () => {
  it("shows ids above 2^53 with every digit", async () => {
    // GIVEN an order whose numeric ids are beyond 2^53 (JSON.parse would round ...993 to ...992)
    const body = JSON.stringify(orderPayload("ID", { line_items: [] }))
      .replace('"id":"ID"', '"id":9007199254740993')
      .replace('"customer":{"id":501', '"customer":{"id":820982911946154508');
    const config = { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 64 * 1024 };
    expect((await receiveWebhook(webhookRequest("orders/create", body), config)).status).toBe(200);
    const { id } = await prisma.webhookDelivery.findFirstOrThrow({ select: { id: true } });
    // WHEN the merchant opens the delivery
    const detail = await detailLoader({ request: await adminRequest(TEST_SHOP, `/app/webhooks/${id}`), params: { id }, context: {} });
    // THEN the body is pretty JSON with the exact numbers, still numbers
    expect(detail.body.isJson).toBe(true);
    expect(detail.body.text).toContain('\n  "id": 9007199254740993,\n');
    expect(detail.body.text).toContain('"id": 820982911946154508,');
    expect(detail.body.text).not.toContain("9007199254740992");
  });
});
