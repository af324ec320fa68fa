import type { LoaderFunctionArgs } from "@remix-run/node";
import { PRINTED_CARDS_HEADER, UNPRINTED_ONLY } from "~/domain/inserts/print-url";
import { requirePrintAccess } from "~/services/inserts/print-context.server";
import { PRINT_SHEET_CSP } from "~/domain/inserts/print-sheet-html";
import { renderPrintSheet } from "~/services/inserts/render-print-sheet.server";
import { printQuerySchema } from "./validator";

// Print-ready inserts for one order or many: static HTML, no scripts (the CSP, in this header and in the
// document's own <meta>, forbids them even if a template contains one), opened by the admin print actions
// and the Print queue. Read-only: the admin previews with the same GET. docs/inserts.md.
const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": PRINT_SHEET_CSP,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, respond } = await requirePrintAccess(request);
  const query = printQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return respond(new Response(query.error.issues.map((issue) => issue.message).join("\n"), { status: 400 }));
  const sheet = await renderPrintSheet(shop, {
    orderGids: query.data.orders,
    paper: query.data.paper ?? null,
    unprintedOnly: query.data.only === UNPRINTED_ONLY,
  });
  if (!sheet.ok) return respond(new Response(sheet.message, { status: sheet.status }));
  return respond(new Response(sheet.html, { headers: { ...HEADERS, [PRINTED_CARDS_HEADER]: sheet.cards.join(",") } }));
}
