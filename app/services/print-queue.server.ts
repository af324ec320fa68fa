import { ensureInsertSettings } from "~/models/insert-settings.server";
import { listPrintQueue, listStockOuts } from "~/models/insert-print.server";
import { PAPER_SIZES, type PaperSize } from "~/schemas/insert-template";
import { legacyIdOf } from "~/utils/format";

export type QueueCode = { code: string; status: string; error: string | null };
export type QueueRow = { orderGid: string; orderId: string; name: string; plan: string; codes: QueueCode[]; papers: PaperSize[]; printedAt: Date | null; ready: boolean };

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
 * The Print queue: unfulfilled, not cancelled orders whose decision put something in the parcel, not yet
 * printed (or, with `printed`, the printed ones for an undo), with their plan, code states and paper, and the
 * physical inserts that ran out.
 */
export async function loadPrintQueue(shop: string, printed: boolean) {
  const [settings, queue, stockOuts] = await Promise.all([ensureInsertSettings(shop), listPrintQueue(shop, { printed }), listStockOuts(shop)]);
  const documents = new Map(queue.templates.map((row) => [`${row.templateId}:${row.version}`, row.document]));
  const rows = queue.rows.map((row): QueueRow => {
    const codes = row.assignments.flatMap((assignment) =>
      assignment.discountStatus ? [{ code: assignment.discountCode ?? "(erased)", status: assignment.discountStatus, error: assignment.discountError }] : [],
    );
    const papers = row.assignments
      .filter((assignment) => assignment.templateId)
      .map((assignment) => paperOf(documents.get(`${assignment.templateId}:${assignment.templateVersion}`)) ?? settings.paperSize);
    return {
      orderGid: row.orderGid, orderId: legacyIdOf(row.orderGid), name: row.order.name, plan: row.packingPlan, codes,
      papers: [...new Set(papers)], printedAt: row.printedAt, ready: codes.every((code) => code.status !== "pending"),
    };
  });
  return { rows, stockOuts, defaultPaper: settings.paperSize };
}
