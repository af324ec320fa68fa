import prisma from "~/models/db/prisma.server";
import { Prisma } from "~/generated/prisma/client";
import type { CauseFilter, OutcomeFilter } from "~/domain/outcomes/outcome-filters";
import { searchWords } from "~/domain/orders/search-terms";

// The Orders page's rows: each order with the verdict on its promise (PromiseOutcome, one row per order),
// filtered and searched, newest first, paged by keyset on (orderedAt, orderGid) so an order whose outcome
// changes meanwhile neither repeats nor vanishes. Every query is bounded by `take`; nothing binds a list.

export type OrderListFilter = {
  /** Words that each begin the order's number ("104", "#1042"), or the customer's name, email or email domain, any case. */
  search?: string;
  outcome?: OutcomeFilter;
  laneKey?: string;
  cause?: CauseFilter;
  /** Placed in [orderedFrom, orderedBefore). */
  orderedFrom?: Date;
  orderedBefore?: Date;
  /** Promised date in [promisedFrom, promisedTo], civil dates. */
  promisedFrom?: string;
  promisedTo?: string;
};

// The filters as SQL: the search needs `IN (SELECT ...)` over OrderSearchTerm, which SQLite plans as one
// index range per word, materialized once; Prisma's relation filter is a correlated EXISTS that probed the
// terms once per order (over a minute at 100,000 orders). Plain SQL, portable to PostgreSQL.

const VERDICTS: Record<OutcomeFilter, Prisma.Sql> = {
  kept: Prisma.sql`o."verdict" = 'kept'`,
  late: Prisma.sql`o."verdict" = 'late'`,
  "at-risk": Prisma.sql`o."verdict" = 'open' AND o."risk" IS NOT NULL`,
  "on-its-way": Prisma.sql`o."verdict" = 'open' AND o."risk" IS NULL`,
  "not-counted": Prisma.sql`o."verdict" IN ('not_applicable', 'excluded')`,
};

/** The highest code point: every term that begins with `word` sorts in [word, word + HIGHEST). */
const HIGHEST = "\u{10FFFF}";

function conditionsOf(shop: string, filter: OrderListFilter): Prisma.Sql[] {
  const conditions = [Prisma.sql`o."shop" = ${shop}`];
  if (filter.outcome) conditions.push(VERDICTS[filter.outcome]);
  if (filter.laneKey !== undefined) conditions.push(Prisma.sql`o."laneKey" = ${filter.laneKey}`);
  if (filter.cause !== undefined) conditions.push(Prisma.sql`o."lateCause" = ${filter.cause}`);
  if (filter.orderedFrom) conditions.push(Prisma.sql`o."orderedAt" >= ${filter.orderedFrom}`);
  if (filter.orderedBefore) conditions.push(Prisma.sql`o."orderedAt" < ${filter.orderedBefore}`);
  if (filter.promisedFrom !== undefined) conditions.push(Prisma.sql`o."promisedDate" >= ${filter.promisedFrom}`);
  if (filter.promisedTo !== undefined) conditions.push(Prisma.sql`o."promisedDate" <= ${filter.promisedTo}`);
  // Each word must begin one of the order's search terms (model OrderSearchTerm).
  for (const word of searchWords(filter.search ?? "")) {
    conditions.push(
      Prisma.sql`o."orderGid" IN (SELECT t."orderGid" FROM "OrderSearchTerm" AS t WHERE t."shop" = ${shop} AND t."term" >= ${word} AND t."term" < ${word + HIGHEST})`,
    );
  }
  return conditions;
}

type Key = { orderedAt: Date; orderGid: string };
const olderThan = (key: Key) => Prisma.sql`(o."orderedAt" < ${key.orderedAt} OR (o."orderedAt" = ${key.orderedAt} AND o."orderGid" < ${key.orderGid}))`;
const newerThan = (key: Key) => Prisma.sql`(o."orderedAt" > ${key.orderedAt} OR (o."orderedAt" = ${key.orderedAt} AND o."orderGid" > ${key.orderGid}))`;
const NEWEST_FIRST = Prisma.sql`o."orderedAt" DESC, o."orderGid" DESC`;
const OLDEST_FIRST = Prisma.sql`o."orderedAt" ASC, o."orderGid" ASC`;

const whereSql = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

/** The keys of up to `take` matching outcomes in `order`. */
async function findKeys(conditions: Prisma.Sql[], order: Prisma.Sql, take: number): Promise<Key[]> {
  const rows = await prisma.$queryRaw<{ orderedAt: Date | string; orderGid: string }[]>`
    SELECT o."orderedAt", o."orderGid" FROM "PromiseOutcome" AS o WHERE ${whereSql(conditions)} ORDER BY ${order} LIMIT ${take}`;
  return rows.map((row) => ({ orderedAt: row.orderedAt instanceof Date ? row.orderedAt : new Date(row.orderedAt), orderGid: row.orderGid }));
}

async function countMatching(conditions: Prisma.Sql[]): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "PromiseOutcome" AS o WHERE ${whereSql(conditions)}`;
  return Number(row?.n ?? 0);
}

const ROW = {
  orderGid: true,
  verdict: true,
  daysEarly: true,
  lateCause: true,
  risk: true,
  reason: true,
  arrivalKind: true,
  arrivalAt: true,
  arrivalBy: true,
  arrivalHow: true,
  arrivalDate: true,
  promisedDate: true,
  laneKey: true,
  shipped: true,
  shippedAt: true,
  orderedAt: true,
  order: {
    select: {
      name: true,
      legacyId: true,
      customerName: true,
      email: true,
      shipCountry: true,
      shippingMethod: true,
      promise: { select: { shipBy: true, rawLatest: true, laneLabel: true } },
    },
  },
} as const satisfies Prisma.PromiseOutcomeSelect;

type Row = Prisma.PromiseOutcomeGetPayload<{ select: typeof ROW }>;

function flatten({ order, ...outcome }: Row) {
  const { promise, ...rest } = order;
  return { ...outcome, ...rest, shipBy: promise?.shipBy ?? null, rawLatest: promise?.rawLatest ?? null, laneLabel: promise?.laneLabel ?? null };
}

export type OrderListRow = ReturnType<typeof flatten>;

/** The rows of `keys`, in their order: one bounded read (a page or an export batch). */
async function rowsOf(shop: string, keys: Key[]): Promise<OrderListRow[]> {
  if (keys.length === 0) return [];
  const found = await prisma.promiseOutcome.findMany({ where: { shop, orderGid: { in: keys.map((key) => key.orderGid) } }, select: ROW });
  const byGid = new Map(found.map((row) => [row.orderGid, row]));
  return keys.flatMap((key) => {
    const row = byGid.get(key.orderGid);
    return row ? [flatten(row)] : [];
  });
}

/** The sort key of the order the merchant pages on from (its legacy id is in the URL); null when it is gone. */
async function keyOf(shop: string, legacyId: string | undefined): Promise<Key | null> {
  if (!legacyId) return null;
  const order = await prisma.order.findFirst({ where: { shop, legacyId }, select: { outcome: { select: { orderedAt: true, orderGid: true } } } });
  return order?.outcome ?? null;
}

/**
 * One page of the shop's orders matching `filter`, newest first: after the order `after` (older ones), or
 * before `before` (newer ones), by legacy id. A cursor whose order is gone starts again at the newest.
 */
export async function listOrderPage(shop: string, filter: OrderListFilter, page: { after?: string; before?: string; take: number }) {
  const conditions = conditionsOf(shop, filter);
  const key = await keyOf(shop, page.before ?? page.after);
  const backward = key !== null && page.before !== undefined;
  const bounded = key ? [...conditions, backward ? newerThan(key) : olderThan(key)] : conditions;
  const found = await findKeys(bounded, backward ? OLDEST_FIRST : NEWEST_FIRST, page.take + 1);
  const more = found.length > page.take;
  const keys = backward ? found.slice(0, page.take).reverse() : found.slice(0, page.take);
  const [first, last] = [keys[0], keys.at(-1)];
  if (!first || !last) return { rows: [], total: await countMatching(conditions), firstIndex: 0, hasNewer: false, hasOlder: false };
  const [rows, total, firstIndex, older] = await Promise.all([
    rowsOf(shop, keys),
    countMatching(conditions),
    // The first page needs no count of newer orders: there are none.
    key ? countMatching([...conditions, newerThan(first)]) : 0,
    backward ? findKeys([...conditions, olderThan(last)], NEWEST_FIRST, 1) : [],
  ]);
  return { rows, total, firstIndex, hasNewer: firstIndex > 0, hasOlder: backward ? older.length > 0 : more };
}

/** Every order matching `filter`, newest first, `batch` at a time: for the CSV export, which never holds them all. */
export async function* eachOrderMatching(shop: string, filter: OrderListFilter, batch = 500): AsyncGenerator<OrderListRow[]> {
  const conditions = conditionsOf(shop, filter);
  let key: Key | null = null;
  for (;;) {
    const keys: Key[] = await findKeys(key ? [...conditions, olderThan(key)] : conditions, NEWEST_FIRST, batch);
    if (keys.length === 0) return;
    yield await rowsOf(shop, keys);
    if (keys.length < batch) return;
    key = keys[keys.length - 1];
  }
}

/** The lanes the shop's outcomes name, for the Lane filter. Grouped in the database: one row per lane. */
export async function listOutcomeLanes(shop: string) {
  const rows = await prisma.promiseOutcome.groupBy({ by: ["laneKey"], where: { shop, laneKey: { not: null } }, _count: { _all: true } });
  return rows.map((row) => ({ laneKey: row.laneKey as string, orders: row._count._all }));
}
