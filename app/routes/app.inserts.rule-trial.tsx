import { data, type ActionFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { tryRuleOnRecentOrders } from "~/services/inserts/rule-editor.server";
import { readJsonField } from "~/utils/form-json";

/** "Test against the last 100 orders" for an unsaved rule document (the rule editor posts it here). */
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const field = readJsonField(await request.formData(), "document");
  if (!field.ok) return data(field, { status: 400 });
  const result = await tryRuleOnRecentOrders(shop, field.value);
  return data(result, { status: result.ok ? 200 : 400 });
}
