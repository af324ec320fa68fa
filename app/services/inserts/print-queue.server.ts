import type { CardState } from "~/domain/inserts/print-state";
import { listPrintQueue, markPrinted, markUnprinted, type MarkPrintedResult } from "~/models/inserts/insert-print-queue.server";
import { listStockOuts } from "~/models/inserts/insert-print.server";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { PAPER_SIZES, type PaperSize } from "~/schemas/inserts/insert-template";
import { legacyIdOf } from "~/domain/shopify/gid";

type QueueCode = { code: string; status: string; error: string | null };
export type QueueRow = {
  orderGid: string;
  orderId: string;
  name: string;
  plan: string;
  codes: QueueCode[];
  papers: PaperSize[];
  printedAt: Date | null;
  /** The order's printed inserts by state (see `cardState`). */
  cards: Record<CardState, number>;
};

/** The paper a template version prints on (null = the shop's default), read from its stored document. */
function paperOf(document: string | undefined): PaperSize | null {
  try {
    const value: unknown = document ? (JSON.parse(document) as { paperSize?: unknown }).paperSize : null;
    return PAPER_SIZES.find((paper) => paper === value) ?? null;
  } catch {
    return null;
  }
}

/**
 * The Print queue, one page of it: orders still to pack whose decision put something in the parcel, not yet
 * printed (or, with `printed`, the printed ones for an undo), with their plan, code states, cards and paper,
 * and the physical inserts that ran out.
 */
export async function loadPrintQueue(shop: string, query: { printed: boolean; page: number }) {
  const [settings, queue, stockOuts] = await Promise.all([ensureInsertSettings(shop), listPrintQueue(shop, query), listStockOuts(shop)]);
  const documents = new Map(queue.templates.map((row) => [`${row.templateId}:${row.version}`, row.document]));
  const rows = queue.rows.map((row): QueueRow => {
    const codes = row.assignments.flatMap((assignment) =>
      assignment.discountStatus ? [{ code: assignment.discountCode ?? "(erased)", status: assignment.discountStatus, error: assignment.discountError }] : [],
    );
    const papers = row.cards.map((card) => paperOf(documents.get(`${card.templateId}:${card.templateVersion}`)) ?? settings.paperSize);
    const cards: Record<CardState, number> = { printed: 0, ready: 0, "waiting-for-code": 0, never: 0 };
    for (const card of row.cards) cards[card.state] += 1;
    return {
      orderGid: row.orderGid,
      orderId: legacyIdOf(row.orderGid),
      name: row.name,
      plan: row.packingPlan,
      codes,
      papers: [...new Set(papers)],
      printedAt: row.printedAt,
      cards,
    };
  });
  return { rows, stockOuts, defaultPaper: settings.paperSize, total: queue.total, page: queue.page, pages: queue.pages };
}

export type PrintQueueChange = { intent: "mark-printed" | "mark-unprinted"; orders: string[]; cards: string[] | null };
/** `waiting`: how many of the orders stay in the queue with something left to print. */
export type PrintQueueOutcome = {
  ok: true;
  intent: PrintQueueChange["intent"];
  orders: string[];
  cards: string[];
  message: string;
  waiting: number;
  undoable: boolean;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function describePrint(result: MarkPrintedResult): string {
  const parts = [
    `Marked ${plural(result.cardIds.length, "insert", "inserts")} printed; ${plural(result.doneOrderGids.length, "order", "orders")} left the queue.`,
  ];
  const waiting = result.waiting.map((order) => {
    const reasons = [
      order.waitingForCode ? `${plural(order.waitingForCode, "insert waits", "inserts wait")} for its code, which is still being created` : null,
      order.notPrinted ? `${plural(order.notPrinted, "insert was", "inserts were")} not printed (see the notes on the print sheet)` : null,
    ].filter(Boolean);
    return `${order.name} (${reasons.join("; ") || "nothing printed"})`;
  });
  if (waiting.length > 0) parts.push(`Still in the queue: ${waiting.join(", ")}.`);
  return parts.join(" ");
}

/**
 * Applies the queue's change: records a print (only the cards that printed; orders with anything left to
 * print stay, with the reason), or puts orders back (an undo, or "Mark as not printed").
 */
export async function changePrintQueue(shop: string, change: PrintQueueChange, now: Date): Promise<PrintQueueOutcome> {
  if (change.intent === "mark-unprinted") {
    const count = await markUnprinted(shop, { orderGids: change.orders, cardIds: change.cards });
    return {
      ok: true,
      intent: change.intent,
      orders: change.orders,
      cards: change.cards ?? [],
      message: `${plural(count, "order", "orders")} back in the queue.`,
      waiting: 0,
      undoable: false,
    };
  }
  const result = await markPrinted(shop, { orderGids: change.orders, cardIds: change.cards }, now);
  const undoable = result.cardIds.length > 0 || result.doneOrderGids.length > 0;
  return {
    ok: true,
    intent: change.intent,
    orders: change.orders,
    cards: result.cardIds,
    message: describePrint(result),
    waiting: result.waiting.length,
    undoable,
  };
}
