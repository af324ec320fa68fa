import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDataRequestExport } from "~/models/shop/shop.server";
import { requireAdmin } from "~/services/shop/admin-context.server";

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Resource route: one customers/data_request export as a JSON attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { id } = paramsSchema.parse(params);
  const found = await getDataRequestExport(shop, id);
  if (!found) throw new Response("Export not found", { status: 404 });
  // The request id comes from Shopify; keep the file name to safe characters.
  const filename = `data-request-${found.requestId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
  return new Response(found.data, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename=${filename}`,
      "Cache-Control": "private, no-store",
    },
  });
}
