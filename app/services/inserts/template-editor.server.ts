import { randomBytes } from "node:crypto";
import { z } from "zod";
import { formatDateForLocale } from "~/domain/templates/format-date-for-locale";
import { renderInsert, type InsertTemplateData, type RenderInsertResult } from "~/domain/templates/render-insert";
import { ensureInsertSettings } from "~/models/inserts/insert-settings.server";
import { getRuleOrder, listRecentRuleOrders } from "~/models/inserts/insert-rule-orders.server";
import { getInsertTemplate } from "~/models/inserts/insert-template.server";
import { getShopInfo } from "~/models/shop/shop.server";
import { PAPER_SIZES, parseInsertTemplate, type InsertTemplateDocument } from "~/schemas/inserts/insert-template";
import type { FieldError } from "~/utils/form-json";

/** Days a sample personal code stays valid in previews. */
const SAMPLE_CODE_DAYS = 30;
const SAMPLE_CODE = "ANNA-7KQ2";

const STARTER = `<article class="kept-insert">\n  <h1>{% if customer.first_name %}Thank you, {{ customer.first_name }}!{% else %}Thank you!{% endif %}</h1>\n  <p>Your order {{ order.name }} was packed with care.</p>\n</article>\n`;

/** Everything the template editor needs for template `id` ("new" for a starter one); null when there is no such template. */
export async function loadTemplateEditor(shop: string, id: string) {
  const [stored, orders, settings] = await Promise.all([
    id === "new" ? null : getInsertTemplate(shop, id),
    listRecentRuleOrders(shop, 20),
    ensureInsertSettings(shop),
  ]);
  if (id !== "new" && !stored?.document) return null;
  const starter: InsertTemplateDocument = {
    id: `insert-${randomBytes(4).toString("hex")}`,
    name: "New insert",
    paperSize: null,
    fallbackLocale: settings.fallbackLocale,
    variants: { [settings.fallbackLocale]: STARTER },
  };
  return {
    document: stored?.document ?? starter,
    baseVersion: stored?.version ?? 0,
    versions: stored?.versions ?? [],
    shopPaperSize: settings.paperSize,
    paperSizes: PAPER_SIZES,
    orders: orders.map((order) => ({ orderGid: order.orderGid, name: order.name, createdAt: order.createdAt, locale: order.customerLocale })),
  };
}

/** What a preview is rendered against: the sample order, or one of the shop's recent orders. */
export type PreviewRequest = { document?: unknown; orderGid: string | null; locale: string | null };

const renderable = z.object({ fallbackLocale: z.string(), variants: z.record(z.string()) });

/**
 * Renders the template as edited (unsaved) in the sandbox, and checks the whole document (Liquid errors
 * with line and column). A real order lends its name, language and date, never its customer's name (the
 * editor is no place to show personal data), so `customer.first_name` is empty for real orders. The personal
 * code is always a sample.
 */
export async function previewTemplate(shop: string, request: PreviewRequest, now: Date) {
  const checked = parseInsertTemplate(request.document);
  const errors: FieldError[] = checked.ok ? [] : checked.errors;
  const document = renderable.safeParse(request.document);
  if (!document.success) return { errors, preview: null, data: null };
  const [order, info] = await Promise.all([request.orderGid ? getRuleOrder(shop, request.orderGid) : null, getShopInfo(shop)]);
  const locale = request.locale ?? order?.customerLocale ?? document.data.fallbackLocale;
  const start = order ? new Date(order.createdAt) : now;
  const expires = new Date(start.getTime() + SAMPLE_CODE_DAYS * 86_400_000).toISOString();
  const data: InsertTemplateData = {
    customer: { first_name: order ? null : "Anna" },
    order: { name: order?.name ?? "#1001" },
    shop: { name: shop.replace(/\.myshopify\.com$/, "") },
    code: SAMPLE_CODE,
    code_expires_on: formatDateForLocale(expires, locale, info?.timezone ?? "UTC"),
  };
  const preview: RenderInsertResult = await renderInsert({ templates: document.data.variants, fallbackLocale: document.data.fallbackLocale, locale, data });
  return { errors, preview, data };
}
