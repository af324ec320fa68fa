import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOrderListQuery } from "~/schemas/orders/order-list-query";
import { exportOrdersCsv } from "~/services/orders/load-order-list.server";
import { requireAdmin } from "~/services/shop/admin-context.server";

// GET /app/orders/export?<the Orders page's filters>: every matching order as CSV, streamed.
export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const query = readOrderListQuery(new URL(request.url));
  const { stream, fileName } = await exportOrdersCsv(shop, query, new Date());
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
