import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CauseFilter, OutcomeFilter } from "~/domain/outcomes/outcome-filters";

// The Orders page's rows: each order with the verdict on its promise (PromiseOutcome, one row per order),
// filtered and searched, newest first, paged by keyset on (orderedAt, orderGid) so an order whose outcome
// changes meanwhile neither repeats nor vanishes. Every query is bounded by `take`; nothing binds a list.

export type OrderListFilter = {
  /** Part of the order's name ("1042", "#1042"), or of the customer's name or email, any case. */
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

const VERDICTS: Record<OutcomeFilter, Prisma.PromiseOutcomeWhereInput> = {
  kept: { verdict: "kept" },
  late: { verdict: "late" },
  "at-risk": { verdict: "open", risk: { not: null } },
  "on-its-way": { verdict: "open", risk: null },
  "not-counted": { verdict: { in: ["not_applicable", "excluded"] } },
};

function whereOf(shop: string, filter: OrderListFilter): Prisma.PromiseOutcomeWhereInput {
  const search = filter.search?.trim();
  const orderedAt = filter.orderedFrom || filter.orderedBefore ? { gte: filter.orderedFrom, lt: filter.orderedBefore } : undefined;
  const promisedDate = filter.promisedFrom || filter.promisedTo ? { gte: filter.promisedFrom, lte: filter.promisedTo } : undefined;
  return {
    shop,
    ...(filter.outcome ? VERDICTS[filter.outcome] : {}),
    laneKey: filter.laneKey,
    lateCause: filter.cause,
    orderedAt,
    promisedDate,
    order: search ? { OR: [{ name: { contains: search } }, { customerSearch: { contains: search.toLowerCase() } }] } : undefined,
  };
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

type Key = { orderedAt: Date; orderGid: string };
const olderThan = (key: Key): Prisma.PromiseOutcomeWhereInput => ({
  OR: [{ orderedAt: { lt: key.orderedAt } }, { orderedAt: key.orderedAt, orderGid: { lt: key.orderGid } }],
});
const newerThan = (key: Key): Prisma.PromiseOutcomeWhereInput => ({
  OR: [{ orderedAt: { gt: key.orderedAt } }, { orderedAt: key.orderedAt, orderGid: { gt: key.orderGid } }],
});
const NEWEST_FIRST = [{ orderedAt: "desc" }, { orderGid: "desc" }] as const satisfies Prisma.PromiseOutcomeOrderByWithRelationInput[];
const OLDEST_FIRST = [{ orderedAt: "asc" }, { orderGid: "asc" }] as const satisfies Prisma.PromiseOutcomeOrderByWithRelationInput[];

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
  const where = whereOf(shop, filter);
  const key = await keyOf(shop, page.before ?? page.after);
  const backward = key !== null && page.before !== undefined;
  const bounded = key ? { AND: [where, backward ? newerThan(key) : olderThan(key)] } : where;
  const found = await prisma.promiseOutcome.findMany({ where: bounded, orderBy: backward ? OLDEST_FIRST : NEWEST_FIRST, take: page.take + 1, select: ROW });
  const more = found.length > page.take;
  const rows = (backward ? found.slice(0, page.take).reverse() : found.slice(0, page.take)).map(flatten);
  const [first, last] = [rows[0], rows.at(-1)];
  if (!first || !last) return { rows, total: await prisma.promiseOutcome.count({ where }), firstIndex: 0, hasNewer: false, hasOlder: false };
  const [total, firstIndex, older] = await Promise.all([
    prisma.promiseOutcome.count({ where }),
    // The first page needs no count of newer orders: there are none.
    key ? prisma.promiseOutcome.count({ where: { AND: [where, newerThan(first)] } }) : 0,
    backward ? prisma.promiseOutcome.findFirst({ where: { AND: [where, olderThan(last)] }, select: { orderGid: true } }) : null,
  ]);
  return { rows, total, firstIndex, hasNewer: firstIndex > 0, hasOlder: backward ? older !== null : more };
}

/** Every order matching `filter`, newest first, `batch` at a time: for the CSV export, which never holds them all. */
export async function* eachOrderMatching(shop: string, filter: OrderListFilter, batch = 500): AsyncGenerator<OrderListRow[]> {
  const where = whereOf(shop, filter);
  let key: Key | null = null;
  for (;;) {
    const rows: Row[] = await prisma.promiseOutcome.findMany({
      where: key ? { AND: [where, olderThan(key)] } : where,
      orderBy: NEWEST_FIRST,
      take: batch,
      select: ROW,
    });
    if (rows.length === 0) return;
    yield rows.map(flatten);
    if (rows.length < batch) return;
    const last: Row = rows[rows.length - 1];
    key = { orderedAt: last.orderedAt, orderGid: last.orderGid };
  }
}

/** The lanes the shop's outcomes name, for the Lane filter. Grouped in the database: one row per lane. */
export async function listOutcomeLanes(shop: string) {
  const rows = await prisma.promiseOutcome.groupBy({ by: ["laneKey"], where: { shop, laneKey: { not: null } }, _count: { _all: true } });
  return rows.map((row) => ({ laneKey: row.laneKey as string, orders: row._count._all }));
}
