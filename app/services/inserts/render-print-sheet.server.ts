import QRCode from "qrcode";
import { formatDateForLocale } from "~/domain/templates/format-date-for-locale";
import { renderInsert, resolveTemplateLocale } from "~/domain/templates/render-insert";
import { loadPrintOrders } from "~/models/inserts/insert-print.server";
import { insertTemplateSchema, PAPER_SIZES, type PaperSize } from "~/schemas/inserts/insert-template";
import { buildPrintSheet, type PrintPage } from "../../domain/inserts/print-sheet-html";

/** `cards`: the inserts (assignment ids) on the sheet's pages, in page order. */
export type PrintSheetResult = { ok: true; html: string; pages: number; cards: string[] } | { ok: false; status: 404; message: string };

/**
 * What the QR code on a personal-code insert encodes: the shop's discount link, which applies the code to
 * the customer's cart and opens the store (https://{shop}/discount/{code}). The myshopify domain always
 * resolves and redirects to the shop's primary domain.
 */
function discountUrl(shop: string, code: string): string {
  return `https://${shop}/discount/${encodeURIComponent(code)}`;
}

function toPaper(value: string | null | undefined): PaperSize | null {
  return PAPER_SIZES.find((paper) => paper === value) ?? null;
}

/** Dates print in the customer's own locale when the template is in their language ("de-CH" reads a "de" card). */
function dateLocale(customerLocale: string | null, templateLocale: string): string {
  if (customerLocale && customerLocale.toLowerCase().replace(/_/g, "-").split("-")[0] === templateLocale.toLowerCase().split(/[-_]/)[0]) return customerLocale;
  return templateLocale;
}

/**
 * Renders the inserts of the given orders as one print document: one page per insert, in the customer's
 * language (with the template's fallback), on the paper chosen by `paper`, else the template's, else the
 * shop's default. A card whose code is not created (pending or failed) is not printed; the merchant's
 * screen says why. With `unprintedOnly` (the Print queue) cards already printed are left out. Orders the
 * shop does not have are refused as a whole. Printing records nothing: a GET of this sheet is also the
 * admin print action's preview, so only the Print queue, which knows the sheet was opened, marks prints.
 */
export async function renderPrintSheet(
  shop: string,
  request: { orderGids: string[]; paper: PaperSize | null; unprintedOnly?: boolean },
): Promise<PrintSheetResult> {
  const data = await loadPrintOrders(shop, request.orderGids);
  if (data.missing.length > 0) return { ok: false, status: 404, message: `No such order in this shop: ${data.missing.join(", ")}` };
  const templates = new Map(data.templates.map((row) => [`${row.templateId}:${row.version}`, row.document]));
  const decided = new Set(data.evaluations.map((row) => row.orderGid));
  const pages: PrintPage[] = [];
  const cards: string[] = [];
  const notices: string[] = [];
  for (const order of [...data.orders].sort((a, b) => request.orderGids.indexOf(a.orderGid) - request.orderGids.indexOf(b.orderGid))) {
    const all = data.assignments.filter((row) => row.orderGid === order.orderGid);
    const rows = request.unprintedOnly ? all.filter((row) => row.printedAt === null) : all;
    if (!decided.has(order.orderGid) || all.length === 0) notices.push(`${order.name}: no inserts to print.`);
    else if (rows.length === 0) notices.push(`${order.name}: its inserts were printed already.`);
    for (const row of rows) {
      const parsed = insertTemplateSchema.safeParse(JSON.parse(templates.get(`${row.templateId}:${row.templateVersion}`) ?? "null"));
      if (!parsed.success) {
        notices.push(`${order.name}: template "${row.templateId}" (version ${row.templateVersion}) could not be read; nothing printed for it.`);
        continue;
      }
      if (row.discountStatus === "erased") {
        notices.push(`${order.name}: "${parsed.data.name}" not printed, its code was erased with the customer's data.`);
        continue;
      }
      if (row.discountCode && row.discountStatus !== "created") {
        notices.push(
          `${order.name}: "${parsed.data.name}" not printed, its code ${row.discountCode} is ${row.discountStatus === "failed" ? "failed" : "still being created"}.`,
        );
        continue;
      }
      const template = parsed.data;
      const fallbackLocale = template.fallbackLocale || data.fallbackLocale;
      const localeUsed = resolveTemplateLocale(Object.keys(template.variants), order.customerLocale, fallbackLocale) ?? fallbackLocale;
      const expires = row.discountExpiresAt
        ? formatDateForLocale(row.discountExpiresAt.toISOString(), dateLocale(order.customerLocale, localeUsed), data.timeZone)
        : null;
      const rendered = await renderInsert({
        templates: template.variants,
        fallbackLocale,
        locale: order.customerLocale,
        data: { customer: { first_name: order.customerFirstName }, order: { name: order.name }, code: row.discountCode, code_expires_on: expires },
      });
      if (!rendered.ok) {
        notices.push(`${order.name}: "${template.name}" could not be rendered: ${rendered.error}`);
        continue;
      }
      const code = row.discountCode
        ? { text: row.discountCode, qrSvg: await QRCode.toString(discountUrl(shop, row.discountCode), { type: "svg", margin: 1, errorCorrectionLevel: "M" }) }
        : null;
      cards.push(row.id);
      pages.push({
        paper: request.paper ?? toPaper(template.paperSize) ?? toPaper(data.paperSize) ?? "A6",
        html: rendered.html,
        lang: rendered.localeUsed,
        code,
      });
    }
  }
  const title = `Inserts for ${data.orders.map((order) => order.name).join(", ")}`;
  return { ok: true, html: buildPrintSheet({ title, pages, notices }), pages: pages.length, cards };
}
