import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePrintAccess } from "~/services/print-context.server";
import { renderPrintSheet } from "~/services/render-print-sheet.server";
import { printQuerySchema } from "./validator";

// Print-ready inserts for one order or many: static HTML, no scripts (the CSP forbids them even if a
// template contains one), opened by the admin print actions and the Print queue. docs/inserts.md.
const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, respond } = await requirePrintAccess(request);
  const query = printQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return respond(new Response(query.error.issues.map((issue) => issue.message).join("\n"), { status: 400 }));
  const sheet = await renderPrintSheet(shop, { orderGids: query.data.orders, paper: query.data.paper ?? null });
  if (!sheet.ok) return respond(new Response(sheet.message, { status: sheet.status }));
  return respond(new Response(sheet.html, { headers: HEADERS }));
}
