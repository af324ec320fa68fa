import prisma from "~/models/db/prisma.server";
import { elapsedDays, summarizeDays, type DaysSummary } from "~/domain/stats/percentiles";

// The Observed lanes page: orders grouped by shipping method × destination country, from Kept's own orders
// and fulfillments (the page's definitions, unchanged: fulfilled = has a fulfillment; delivered = every
// fulfillment has a delivered date; delivery time = order to its last delivery). PromiseOutcome's arrival
// is a different fact (cancelled parcels left out, every line shipped, inferred arrivals, never going back),
// so this page does not read it. No query binds a list: each has a fixed number of parameters.
//   - The counts cover every order of the shop, grouped in SQL over covering indexes of Order and
//     Fulfillment(shop, orderGid, deliveredAt) (countLanes).
//   - The median and 90th percentile are taken over each lane's newest SAMPLE_PER_LANE delivered orders (by
//     order date, the order the old page read orders in), read newest first down the same Order index, so a
//     lane costs at most that many steps (summarizeLaneDays). A lane with fewer is summarized over all.
//   - The recent orders are the newest RECENT_ORDERS, joined with their fulfillments in the same query.

/** Per lane, how many of the newest delivered orders the median and 90th percentile are taken over. */
const SAMPLE_PER_LANE = 500;
const RECENT_ORDERS = 100;

type ObservedOrder = {
  orderGid: string;
  legacyId: string;
  name: string;
  createdAt: Date;
  laneKey: string;
  fulfilled: boolean;
  deliveredAt: Date | null;
  daysToDelivered: number | null;
};

/** `count` in the summary is the number of delivered orders it was taken over (at most SAMPLE_PER_LANE). */
type ObservedLane = DaysSummary & {
  laneKey: string;
  shippingMethod: string | null;
  country: string | null;
  orders: number;
  fulfilled: number;
  delivered: number;
};

const laneKeyOf = (method: string | null, country: string | null) => `${method ?? "(no method)"} → ${country ?? "(no country)"}`;

// Dates come back as stored (ISO text; MAX over them is chronological) unless the column's declared type
// lets the adapter turn them into Dates: both are accepted.
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * Orders per lane, and how many of them are fulfilled and delivered, over every order of the shop, from
 * indexes only and without a lookup per order (that join cost ~1 µs an order, 110 ms at 100,000):
 * fulfilled = orders − those with no fulfillment, delivered = fulfilled − those with a parcel not delivered.
 * "No fulfillment" is the EXCEPT of two index scans sorted by orderGid, which SQLite merges (the ORDER BY
 * with LIMIT -1 keeps it from sorting them into a temporary B-tree; PostgreSQL needs neither); the few
 * orders in either exception set are then looked up for their lane in Order(shop, orderGid, cancelledAt,
 * shippingMethod, shipCountry), not in their rows.
 */
async function countLanes(shop: string) {
  const rows = await prisma.$queryRaw<
    { method: string | null; country: string | null; orders: bigint | number; fulfilled: bigint | number; delivered: bigint | number }[]
  >`
    WITH "lanes" AS (
      SELECT "shippingMethod" AS "method", "shipCountry" AS "country", COUNT(*) AS "n" FROM "Order" WHERE "shop" = ${shop} AND "cancelledAt" IS NULL GROUP BY 1, 2
    ), "unfulfilled" AS (
      SELECT o."shippingMethod" AS "method", o."shipCountry" AS "country", COUNT(*) AS "n"
      FROM (
        SELECT "orderGid" FROM "Order" WHERE "shop" = ${shop} AND "cancelledAt" IS NULL
        EXCEPT SELECT "orderGid" FROM "Fulfillment" WHERE "shop" = ${shop} ORDER BY 1 LIMIT -1
      ) AS x
      CROSS JOIN "Order" AS o ON o."shop" = ${shop} AND o."orderGid" = x."orderGid"
      WHERE o."cancelledAt" IS NULL GROUP BY 1, 2
    ), "undelivered" AS (
      SELECT o."shippingMethod" AS "method", o."shipCountry" AS "country", COUNT(*) AS "n"
      FROM (SELECT DISTINCT "orderGid" FROM "Fulfillment" WHERE "shop" = ${shop} AND "deliveredAt" IS NULL) AS u
      CROSS JOIN "Order" AS o ON o."shop" = ${shop} AND o."orderGid" = u."orderGid"
      WHERE o."cancelledAt" IS NULL GROUP BY 1, 2
    )
    SELECT l."method", l."country", l."n" AS "orders", l."n" - COALESCE(f."n", 0) AS "fulfilled", l."n" - COALESCE(f."n", 0) - COALESCE(d."n", 0) AS "delivered"
    FROM "lanes" AS l
    LEFT JOIN "unfulfilled" AS f ON f."method" IS l."method" AND f."country" IS l."country"
    LEFT JOIN "undelivered" AS d ON d."method" IS l."method" AND d."country" IS l."country"`;
  return rows.map((row) => ({ ...row, orders: Number(row.orders), fulfilled: Number(row.fulfilled), delivered: Number(row.delivered) }));
}

const DAY_MS = 86_400_000;

/**
 * The median and 90th percentile of days from order to last delivery over the lane's newest delivered
 * orders (at most SAMPLE_PER_LANE), as `summarizeDays` (domain/stats/percentiles.ts) computes them: linear
 * interpolation between the two nearest ranks. SQLite sorts the sample and hands back only the values at
 * those ranks (returning a thousand rows through Prisma cost more than the query). Elapsed time is whole
 * milliseconds from julianday() (exact at that precision; SQLite's, EXTRACT(EPOCH ...) on PostgreSQL);
 * a delivery dated before its order has no delivery time, as in elapsedDays.
 */
async function summarizeLaneDays(shop: string, method: string | null, country: string | null): Promise<DaysSummary> {
  const rows = await prisma.$queryRaw<{ i: bigint | number; n: bigint | number; ms: bigint | number }[]>`
    WITH "sample" AS (
      SELECT CAST(ROUND((julianday(MAX(f."deliveredAt")) - julianday(o."createdAtShopify")) * ${DAY_MS}) AS INTEGER) AS "ms"
      FROM "Order" AS o JOIN "Fulfillment" AS f ON f."shop" = o."shop" AND f."orderGid" = o."orderGid"
      WHERE o."shop" = ${shop} AND o."shippingMethod" IS ${method} AND o."shipCountry" IS ${country} AND o."cancelledAt" IS NULL
      GROUP BY o."createdAtShopify", o."orderGid" HAVING COUNT(f."deliveredAt") = COUNT(*)
      ORDER BY o."createdAtShopify" DESC, o."orderGid" DESC LIMIT ${SAMPLE_PER_LANE}
    ), "ranked" AS (
      SELECT "ms", ROW_NUMBER() OVER (ORDER BY "ms") - 1 AS "i", COUNT(*) OVER () AS "n" FROM "sample" WHERE "ms" >= 0
    )
    SELECT "i", "n", "ms" FROM "ranked"
    WHERE "i" IN (CAST(("n" - 1) * 0.5 AS INTEGER), CAST(("n" - 1) * 0.5 AS INTEGER) + 1, CAST(("n" - 1) * 0.9 AS INTEGER), CAST(("n" - 1) * 0.9 AS INTEGER) + 1)`;
  const count = rows.length > 0 ? Number(rows[0].n) : 0;
  const days = new Map(rows.map((row) => [Number(row.i), Number(row.ms) / DAY_MS]));
  const at = (p: number) => {
    if (count === 0) return null;
    const rank = (p / 100) * (count - 1);
    const lower = days.get(Math.floor(rank)) as number;
    const upper = days.get(Math.ceil(rank)) as number;
    return lower + (upper - lower) * (rank - Math.floor(rank));
  };
  return { count, medianDays: at(50), p90Days: at(90) };
}

async function listRecentOrders(shop: string): Promise<ObservedOrder[]> {
  const rows = await prisma.$queryRaw<
    {
      orderGid: string;
      legacyId: string;
      name: string;
      createdAt: Date | string;
      method: string | null;
      country: string | null;
      parcels: bigint | number;
      delivered: bigint | number;
      lastDeliveredAt: Date | string | null;
    }[]
  >`
    SELECT o."orderGid" AS "orderGid", o."legacyId" AS "legacyId", o."name" AS "name", o."createdAtShopify" AS "createdAt",
      o."shippingMethod" AS "method", o."shipCountry" AS "country",
      COUNT(f."orderGid") AS "parcels", COUNT(f."deliveredAt") AS "delivered", MAX(f."deliveredAt") AS "lastDeliveredAt"
    FROM (SELECT "shop", "orderGid", "legacyId", "name", "createdAtShopify", "shippingMethod", "shipCountry" FROM "Order" WHERE "shop" = ${shop} AND "cancelledAt" IS NULL ORDER BY "createdAtShopify" DESC, "orderGid" DESC LIMIT ${RECENT_ORDERS}) AS o
    LEFT JOIN "Fulfillment" AS f ON f."shop" = o."shop" AND f."orderGid" = o."orderGid"
    GROUP BY o."orderGid" ORDER BY o."createdAtShopify" DESC, o."orderGid" DESC`;
  return rows.map((row) => {
    const createdAt = toDate(row.createdAt);
    const fulfilled = Number(row.parcels) > 0;
    const deliveredAt = fulfilled && Number(row.delivered) === Number(row.parcels) && row.lastDeliveredAt !== null ? toDate(row.lastDeliveredAt) : null;
    return {
      orderGid: row.orderGid,
      legacyId: row.legacyId,
      name: row.name,
      createdAt,
      laneKey: laneKeyOf(row.method, row.country),
      fulfilled,
      deliveredAt,
      daysToDelivered: elapsedDays(createdAt, deliveredAt),
    };
  });
}

/**
 * The lanes Kept has observed: orders grouped by shipping method × destination country. An order is
 * fulfilled when it has at least one fulfillment, and delivered when every fulfillment has a delivered
 * date; its delivery time runs from the order to the last delivery. Counts cover every order; the median
 * and 90th percentile each lane's newest delivered orders (see SAMPLE_PER_LANE). With the newest orders.
 */
export async function listObservedLanes(shop: string) {
  const counts = await countLanes(shop);
  const lanes: ObservedLane[] = [];
  // One bounded query per lane, one after another: SQLite answers them on one connection anyway.
  for (const lane of counts) {
    const summary = lane.delivered > 0 ? await summarizeLaneDays(shop, lane.method, lane.country) : summarizeDays([]);
    lanes.push({
      laneKey: laneKeyOf(lane.method, lane.country),
      shippingMethod: lane.method,
      country: lane.country,
      orders: lane.orders,
      fulfilled: lane.fulfilled,
      delivered: lane.delivered,
      ...summary,
    });
  }
  lanes.sort((a, b) => b.orders - a.orders || a.laneKey.localeCompare(b.laneKey));
  return { lanes, orders: await listRecentOrders(shop) };
}
