import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { orderSearchTerms } from "~/domain/orders/search-terms";
import { markVersionPublished, saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { loader as exportLoader } from "~/routes/app.orders.export";
import { loader as listLoader } from "~/routes/app.orders._index/route";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { drainJobs } from "~/services/jobs/all-jobs.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { adminRequest, storeOfflineSession } from "../support/session-token";
import { OTHER_SHOP, TEST_ENV, TEST_SHOP } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

// The Orders page: search by order name, customer name or email; filters by outcome, lane, cause and dates
// (placed, in the shop's calendar, or promised); keyset paging; the CSV export of what the filters select.

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;

type ListPage = Awaited<ReturnType<typeof listLoader>>;
const openList = async (query: string, shop = TEST_SHOP) =>
  (await listLoader({ request: await adminRequest(shop, `/app/orders${query}`), params: {}, context: {} })) as ListPage;
const names = (page: ListPage) => page.rows.map((row) => row.name);

type Seed = {
  verdict: string;
  laneKey?: string;
  lateCause?: string;
  risk?: string;
  promisedDate?: string;
  orderedAt: string;
  name?: string;
  customer?: string;
};
let next = 1;

/** An order with its outcome as the worker stores them, placed at `orderedAt`. */
async function seed(row: Seed, shop = TEST_SHOP) {
  const id = next++;
  const orderGid = `gid://shopify/Order/${id}`;
  const at = new Date(row.orderedAt);
  const name = row.name ?? `#${1000 + id}`;
  const customerName = row.customer ?? null;
  await prisma.order.create({
    data: {
      shop,
      orderGid,
      legacyId: String(id),
      name,
      currency: "SEK",
      totalPrice: "1",
      customerName,
      createdAtShopify: at,
      updatedAtShopify: at,
      searchTerms: { create: orderSearchTerms({ name, customerName, email: null }) },
    },
  });
  const laneKey = row.laneKey ?? "se-standard";
  await prisma.promiseOutcome.create({
    data: {
      shop,
      orderGid,
      verdict: row.verdict,
      lateCause: row.lateCause ?? null,
      risk: row.risk ?? null,
      daysEarly: row.verdict === "late" ? -2 : row.verdict === "kept" ? 1 : null,
      laneKey,
      promisedDate: row.promisedDate ?? "2026-11-25",
      destinationZone: "Europe/Stockholm",
      orderedAt: at,
      updatedAt: at,
    },
  });
  return id;
}

beforeEach(async () => {
  await resetDatabase();
  await storeOfflineSession(TEST_SHOP);
  await storeOfflineSession(OTHER_SHOP);
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-01-01T00:00:00Z"));
});

describe("searching orders", () => {
  it("finds an order by its name, the customer's full name in any case (å too) or email, from the order's webhook", async () => {
    await markVersionPublished(TEST_SHOP, 1, new Date("2026-01-01T00:00:00Z"));
    const orders = [
      orderPayload(7001, { name: "#7001", email: "asa@example.se", customer: { id: 1, first_name: "Åsa", last_name: "Lindqvist", email: "asa@example.se" } }),
      orderPayload(7002, { name: "#7002", email: "bo@example.de", customer: null, billing_address: { first_name: "Bo", last_name: "Berg" } }),
    ];
    for (const [index, order] of orders.entries()) {
      await receiveWebhook(webhookRequest("orders/create", order, { webhookId: `w-${index}` }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    }
    await drainJobs();
    expect(names(await openList("?q=%C3%A5sa"))).toEqual(["#7001"]);
    expect(names(await openList("?q=LINDQ"))).toEqual(["#7001"]);
    expect(names(await openList("?q=bo%20berg"))).toEqual(["#7002"]);
    expect(names(await openList("?q=example.de"))).toEqual(["#7002"]);
    expect(names(await openList("?q=7002"))).toEqual(["#7002"]);
    expect(names(await openList("?q=%237001"))).toEqual(["#7001"]);
    expect(names(await openList("?q=nobody"))).toEqual([]);
    // Every word must begin one of the order's words: "700" begins both numbers, "berg åsa" fits neither order
    expect(names(await openList("?q=700"))).toEqual(["#7002", "#7001"]);
    expect(names(await openList("?q=berg%20%C3%A5sa"))).toEqual([]);
    expect(names(await openList("?q=qvist"))).toEqual([]);
    const row = (await openList("?q=7001")).rows[0];
    expect(row).toMatchObject({ customer: "Åsa Lindqvist", email: "asa@example.se", placed: "Fri 20 Nov, 10:00", lane: "PostNord, Sweden" });
    // Another shop's orders are never found
    expect(names(await openList("?q=7001", OTHER_SHOP))).toEqual([]);
  });

  it("forgets the customer's name and email for search when the customer is redacted", async () => {
    const order = orderPayload(7003, { name: "#7003", customer: { id: 77, first_name: "Eva", last_name: "Strand", email: "eva@example.se" } });
    await receiveWebhook(webhookRequest("orders/create", order, { webhookId: "w-eva" }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    await drainJobs();
    expect(names(await openList("?q=strand"))).toEqual(["#7003"]);
    const redact = { shop_id: 1, shop_domain: TEST_SHOP, customer: { id: 77, email: "eva@example.se" }, orders_to_redact: [7003] };
    await receiveWebhook(webhookRequest("customers/redact", redact, { webhookId: "w-redact" }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    await drainJobs();
    expect(names(await openList("?q=strand"))).toEqual([]);
    expect(names(await openList("?q=7003"))).toEqual(["#7003"]);
  });

  it("finds an order by its new email once orders/updated changes it, and no longer by the old one", async () => {
    const placed = orderPayload(7004, { name: "#7004", email: "old@example.se", customer: { id: 5, first_name: "Anna-Lena", last_name: "O'Brien" } });
    await receiveWebhook(webhookRequest("orders/create", placed, { webhookId: "w-create" }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    const updated = { ...placed, email: "new@example.de", updated_at: "2026-11-21T10:00:00Z" };
    await receiveWebhook(webhookRequest("orders/updated", updated, { webhookId: "w-update" }), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    await drainJobs();
    expect(names(await openList("?q=new%40example"))).toEqual(["#7004"]);
    expect(names(await openList("?q=old"))).toEqual([]);
    // A hyphenated or apostrophed name is found whole and by its parts
    expect(names(await openList("?q=lena"))).toEqual(["#7004"]);
    expect(names(await openList("?q=anna-lena%20brien"))).toEqual(["#7004"]);
    expect(names(await openList("?q=o%27brien"))).toEqual(["#7004"]);
  });
});

describe("filtering orders", () => {
  beforeEach(async () => {
    await seed({ verdict: "kept", orderedAt: "2026-11-20T09:00:00Z", name: "#kept-1" });
    await seed({
      verdict: "late",
      lateCause: "carrier",
      laneKey: "se-north",
      orderedAt: "2026-11-21T09:00:00Z",
      promisedDate: "2026-11-26",
      name: "#late-north",
    });
    await seed({ verdict: "late", lateCause: "warehouse", orderedAt: "2026-11-22T09:00:00Z", promisedDate: "2026-11-27", name: "#late-wh" });
    await seed({ verdict: "open", risk: "not-shipped", orderedAt: "2026-11-23T09:00:00Z", name: "#risk" });
    await seed({ verdict: "open", orderedAt: "2026-11-24T09:00:00Z", name: "#open" });
    await seed({ verdict: "not_applicable", orderedAt: "2026-11-24T10:00:00Z", name: "#na" });
    await seed({ verdict: "excluded", orderedAt: "2026-11-24T11:00:00Z", name: "#cancelled" });
    // 23:30 UTC on 24 Nov is 00:30 on 25 Nov in Stockholm
    await seed({ verdict: "kept", orderedAt: "2026-11-24T23:30:00Z", name: "#after-midnight" });
    await seed({ verdict: "late", lateCause: "carrier", orderedAt: "2026-11-21T09:00:00Z", name: "#other-shop" }, OTHER_SHOP);
  });

  it("by outcome, lane and cause, each on its own and together", async () => {
    expect(names(await openList("?outcome=late"))).toEqual(["#late-wh", "#late-north"]);
    expect(names(await openList("?outcome=late&cause=carrier"))).toEqual(["#late-north"]);
    expect(names(await openList("?outcome=late&lane=se-north"))).toEqual(["#late-north"]);
    expect(names(await openList("?lane=se-north&cause=warehouse"))).toEqual([]);
    expect(names(await openList("?outcome=at-risk"))).toEqual(["#risk"]);
    expect(names(await openList("?outcome=on-its-way"))).toEqual(["#open"]);
    expect(names(await openList("?outcome=not-counted"))).toEqual(["#cancelled", "#na"]);
    expect(names(await openList("?outcome=kept"))).toEqual(["#after-midnight", "#kept-1"]);
    const page = await openList("?outcome=late");
    expect(page.total).toBe(2);
    expect(page.lanes).toEqual([
      { laneKey: "se-north", label: "PostNord, Norrland (postal codes 9xxxx)", orders: 1 },
      { laneKey: "se-standard", label: "PostNord, Sweden", orders: 7 },
    ]);
    expect(page.rows[0].verdict).toMatchObject({ label: "Late", tone: "critical" });
  });

  it("by the day placed in the shop's calendar, or by promised date", async () => {
    expect(names(await openList("?from=2026-11-25&to=2026-11-25"))).toEqual(["#after-midnight"]);
    expect(names(await openList("?from=2026-11-24&to=2026-11-24"))).toEqual(["#cancelled", "#na", "#open"]);
    expect(names(await openList("?dates=promised&from=2026-11-26&to=2026-11-27"))).toEqual(["#late-wh", "#late-north"]);
    expect(names(await openList("?dates=promised&to=2026-11-26&outcome=late"))).toEqual(["#late-north"]);
  });

  it("ignores unreadable filters instead of failing the page", async () => {
    const page = await openList("?outcome=lost&cause=x&from=2026-13-45&after=abc");
    expect(page.total).toBe(8);
    expect(page.query).toMatchObject({ outcome: undefined, cause: undefined, from: undefined, after: undefined, dates: "ordered" });
  });
});

describe("paging through orders", () => {
  it("pages newest first by keyset, forward and back, with ties on the instant broken by order", async () => {
    // 120 orders, two to a minute: ties on orderedAt, broken by the order's id
    const ids: { id: number; at: number }[] = [];
    for (let index = 0; index < 120; index += 1) {
      const at = Date.parse("2026-11-20T00:00:00Z") + Math.floor(index / 2) * 60_000;
      ids.push({ id: next, at });
      await seed({
        verdict: index % 4 === 0 ? "late" : "kept",
        lateCause: "carrier",
        orderedAt: new Date(at).toISOString(),
      });
    }
    const seen: string[] = [];
    let page = await openList("");
    expect([page.total, page.firstIndex, page.hasNewer, page.hasOlder, page.rows.length]).toEqual([120, 0, false, true, 50]);
    seen.push(...names(page));
    page = await openList(`?after=${page.rows.at(-1)!.legacyId}`);
    expect([page.firstIndex, page.hasNewer, page.hasOlder]).toEqual([50, true, true]);
    seen.push(...names(page));
    const second = page;
    page = await openList(`?after=${page.rows.at(-1)!.legacyId}`);
    expect([page.firstIndex, page.hasOlder, page.rows.length]).toEqual([100, false, 20]);
    seen.push(...names(page));
    // Every order once, newest first
    expect(new Set(seen).size).toBe(120);
    const gid = (id: number) => `gid://shopify/Order/${id}`;
    ids.sort((a, b) => b.at - a.at || (gid(b.id) > gid(a.id) ? 1 : -1));
    expect(seen).toEqual(ids.map(({ id }) => `#${1000 + id}`));
    // Back from the third page: the second again
    const back = await openList(`?before=${page.rows[0].legacyId}`);
    expect(names(back)).toEqual(names(second));
    expect([back.firstIndex, back.hasNewer, back.hasOlder]).toEqual([50, true, true]);
    // Filters page too: 30 late ones, 50 then 0 more
    const late = await openList("?outcome=late");
    expect([late.total, late.rows.length, late.hasOlder]).toEqual([30, 30, false]);
  });
});

describe("exporting orders", () => {
  it("streams every matching order as CSV, in the backtest's column names, with text a spreadsheet would run defused", async () => {
    await seed({ verdict: "kept", orderedAt: "2026-11-20T09:00:00Z", name: "#1", customer: "=HYPERLINK(evil)" });
    await seed({ verdict: "late", lateCause: "carrier", orderedAt: "2026-11-21T09:00:00Z", name: "#2", customer: 'Anna "Annie", Berg' });
    for (let index = 0; index < 11; index += 1) await seed({ verdict: "late", lateCause: "warehouse", orderedAt: "2026-11-19T09:00:00Z" });
    const response = (await exportLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/export?outcome=late"), params: {}, context: {} })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="kept-orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0].split(",").slice(0, 3)).toEqual(["order", "ordered_at", "customer"]);
    expect(lines[0]).toContain("promised_date");
    expect(lines[0]).toContain("delivered_at");
    expect(lines[1]).toContain('#2,2026-11-21T09:00:00.000Z,"Anna ""Annie"", Berg"');
    expect(lines[1]).toContain(",late,-2,carrier,");
    expect(lines.filter((line) => line !== "").length).toBe(1 + 1 + 11);
    const all = await (
      (await exportLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/export?q=hyperlink"), params: {}, context: {} })) as Response
    ).text();
    expect(all.split("\r\n")[1]).toContain(",'=HYPERLINK(evil),");
  });

  it("streams in batches without holding every order, so a large shop's export ends and counts every row", async () => {
    const at = Date.parse("2026-11-01T00:00:00Z");
    const orders = Array.from({ length: 1234 }, (_, index) => ({
      shop: TEST_SHOP,
      orderGid: `gid://shopify/Order/${90000 + index}`,
      legacyId: String(90000 + index),
      name: `#${90000 + index}`,
      currency: "SEK",
      totalPrice: "1",
      createdAtShopify: new Date(at + index * 60_000),
      updatedAtShopify: new Date(at + index * 60_000),
    }));
    await prisma.order.createMany({ data: orders });
    await prisma.promiseOutcome.createMany({
      data: orders.map((order) => ({
        shop: TEST_SHOP,
        orderGid: order.orderGid,
        verdict: "kept",
        daysEarly: 1,
        laneKey: "se-standard",
        promisedDate: "2026-11-25",
        destinationZone: "Europe/Stockholm",
        orderedAt: order.createdAtShopify,
        updatedAt: order.createdAtShopify,
      })),
    });
    const response = (await exportLoader({ request: await adminRequest(TEST_SHOP, "/app/orders/export"), params: {}, context: {} })) as Response;
    const lines = (await response.text()).split("\r\n").filter((line) => line !== "");
    expect(lines.length).toBe(1 + 1234);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(1234);
    expect(lines[1].startsWith("#91233,")).toBe(true);
  });
});
