import prisma, { inTransaction } from "~/models/db/prisma.server";
import type { CodeStatus } from "~/domain/inserts/packing-plan";
import { cardState, isOrderPrinted, type PrintCard } from "~/domain/inserts/print-state";
import { Prisma } from "~/generated/prisma/client";

/** Orders per page of the Print queue. */
export const PRINT_QUEUE_PAGE_SIZE = 50;

// Still to pack: not cancelled, nothing or only part shipped (Shopify's fulfillment_status is null before the
// first shipment, "partial" in between, "fulfilled" or "restocked" after).
const STILL_TO_PACK = Prisma.sql`o."cancelledAt" IS NULL AND (o."fulfillmentStatus" IS NULL OR o."fulfillmentStatus" IN ('partial', 'unfulfilled'))`;

// The queue's orders are chosen in SQL, joined with the order, so fulfilled or cancelled orders never take
// a place on a page (the evaluation has no Prisma relation to Order, hence the plain join).
const queueFrom = (shop: string, printed: boolean) => Prisma.sql`
  FROM "InsertEvaluation" AS e JOIN "Order" AS o ON o."shop" = e."shop" AND o."orderGid" = e."orderGid"
  WHERE e."shop" = ${shop} AND e."packingPlan" <> '' AND e."printedAt" ${printed ? Prisma.sql`IS NOT NULL` : Prisma.sql`IS NULL`} AND ${STILL_TO_PACK}`;

const CODE_STATUSES: readonly CodeStatus[] = ["pending", "created", "failed"];
const toCodeStatus = (status: string | null) => CODE_STATUSES.find((known) => known === status) ?? null;
const toCard = (row: { printedAt: Date | null; discountStatus: string | null; discountCode: string | null }): PrintCard => ({
  printed: row.printedAt !== null,
  codeStatus: row.discountCode ? (toCodeStatus(row.discountStatus) ?? "pending") : null,
});

export type PrintQueueQuery = { printed: boolean; page: number };

/**
 * One page of the Print queue: orders still to pack whose decision put something in the parcel, not yet
 * printed (oldest first, the packing order) or, with `printed`, the printed ones (latest print first, for an
 * undo). A page past the end shows the last page.
 */
export async function listPrintQueue(shop: string, query: PrintQueueQuery) {
  const from = queueFrom(shop, query.printed);
  const [{ total }] = await prisma.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS "total" ${from}`;
  const pages = Math.max(1, Math.ceil(Number(total) / PRINT_QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const order = query.printed ? Prisma.sql`e."printedAt" DESC, e."orderGid" DESC` : Prisma.sql`e."evaluatedFor" ASC, e."orderGid" ASC`;
  const keys = await prisma.$queryRaw<{ orderGid: string }[]>`
    SELECT e."orderGid" AS "orderGid" ${from} ORDER BY ${order} LIMIT ${PRINT_QUEUE_PAGE_SIZE} OFFSET ${(page - 1) * PRINT_QUEUE_PAGE_SIZE}`;
  const gids = keys.map((key) => key.orderGid);
  const [evaluations, orders, assignments] = await Promise.all([
    prisma.insertEvaluation.findMany({ where: { shop, orderGid: { in: gids } }, select: { orderGid: true, packingPlan: true, printedAt: true } }),
    prisma.order.findMany({ where: { shop, orderGid: { in: gids } }, select: { orderGid: true, name: true } }),
    prisma.insertAssignment.findMany({
      where: { shop, orderGid: { in: gids }, holdout: false },
      orderBy: { createdAt: "asc" },
      select: { orderGid: true, templateId: true, templateVersion: true, discountCode: true, discountStatus: true, discountError: true, printedAt: true },
    }),
  ]);
  const versionKeys = assignments.flatMap((row) =>
    row.templateId && row.templateVersion ? [{ templateId: row.templateId, version: row.templateVersion }] : [],
  );
  const templates = versionKeys.length
    ? await prisma.insertTemplateVersion.findMany({ where: { shop, OR: versionKeys }, select: { templateId: true, version: true, document: true } })
    : [];
  const evaluationOf = new Map(evaluations.map((row) => [row.orderGid, row]));
  const nameOf = new Map(orders.map((row) => [row.orderGid, row.name]));
  const rows = gids.flatMap((orderGid) => {
    const evaluation = evaluationOf.get(orderGid);
    if (!evaluation) return [];
    const own = assignments.filter((row) => row.orderGid === orderGid);
    const cards = own.filter((row) => row.templateId).map((row) => ({ ...row, state: cardState(toCard(row)) }));
    return [{ ...evaluation, name: nameOf.get(orderGid) ?? orderGid, assignments: own, cards }];
  });
  return { rows, templates, total: Number(total), page, pages };
}

export type MarkPrintedResult = {
  /** The cards (assignment ids) this call marked printed. */
  cardIds: string[];
  /** Orders with nothing left to print: they left the queue. */
  doneOrderGids: string[];
  /** Orders that stay in the queue, with what keeps them there. */
  waiting: { orderGid: string; name: string; waitingForCode: number; notPrinted: number }[];
};

/**
 * Records a print. `cardIds` are the cards the print sheet actually printed; null means "every card that can
 * print now" (the merchant printed the orders elsewhere, e.g. from Shopify's order page). Cards that did not
 * print (a code still being created, a template that failed) stay unprinted, and so does their order: it
 * leaves the queue only when nothing is left to print (`isOrderPrinted`).
 */
export async function markPrinted(shop: string, input: { orderGids: string[]; cardIds: readonly string[] | null }, at: Date): Promise<MarkPrintedResult> {
  return inTransaction(async (tx) => {
    // Only orders this shop has decided count; any other id is ignored.
    const decided = await tx.insertEvaluation.findMany({ where: { shop, orderGid: { in: input.orderGids } }, select: { orderGid: true } });
    const orderGids = input.orderGids.filter((orderGid) => decided.some((row) => row.orderGid === orderGid));
    const cards = await tx.insertAssignment.findMany({
      where: { shop, orderGid: { in: orderGids }, holdout: false, templateId: { not: null } },
      select: { id: true, orderGid: true, printedAt: true, discountCode: true, discountStatus: true },
    });
    const wanted = input.cardIds ? new Set(input.cardIds) : null;
    const marked = cards.filter((card) => cardState(toCard(card)) === "ready" && (wanted ? wanted.has(card.id) : true)).map((card) => card.id);
    if (marked.length > 0) await tx.insertAssignment.updateMany({ where: { shop, id: { in: marked } }, data: { printedAt: at } });
    const after = cards.map((card) => (marked.includes(card.id) ? { ...card, printedAt: at } : card));
    const cardsOf = (orderGid: string) => after.filter((card) => card.orderGid === orderGid).map(toCard);
    const done = orderGids.filter((orderGid) => isOrderPrinted(cardsOf(orderGid)));
    await tx.insertEvaluation.updateMany({ where: { shop, orderGid: { in: done }, printedAt: null }, data: { printedAt: at } });
    const left = orderGids.filter((orderGid) => !done.includes(orderGid));
    const names = new Map(
      (await tx.order.findMany({ where: { shop, orderGid: { in: left } }, select: { orderGid: true, name: true } })).map((row) => [row.orderGid, row.name]),
    );
    const waiting = left.map((orderGid) => {
      const states = cardsOf(orderGid).map(cardState);
      return {
        orderGid,
        name: names.get(orderGid) ?? orderGid,
        waitingForCode: states.filter((state) => state === "waiting-for-code").length,
        notPrinted: states.filter((state) => state === "ready").length,
      };
    });
    return { cardIds: marked, doneOrderGids: done, waiting };
  });
}

/**
 * Puts orders back in the queue: their evaluation, and the given cards (an undo of one print), or, with
 * `cardIds` null, every card of those orders. Only this shop's rows change. Returns how many orders changed.
 */
export async function markUnprinted(shop: string, input: { orderGids: string[]; cardIds: readonly string[] | null }): Promise<number> {
  return inTransaction(async (tx) => {
    const cards = input.cardIds ? { id: { in: [...input.cardIds] } } : {};
    await tx.insertAssignment.updateMany({ where: { shop, orderGid: { in: input.orderGids }, holdout: false, ...cards }, data: { printedAt: null } });
    const { count } = await tx.insertEvaluation.updateMany({ where: { shop, orderGid: { in: input.orderGids } }, data: { printedAt: null } });
    return count;
  });
}
