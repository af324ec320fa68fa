import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { tryFollowUpRule } from "~/services/follow-ups/follow-up-trial.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { readJsonField } from "~/utils/form-json";

const madeAtSchema = z.string().datetime().nullable().catch(null);

/** "Try it on recent orders" for an unsaved follow-up rule (the editor posts its document here). */
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  const field = readJsonField(form, "document");
  if (!field.ok) return data(field, { status: 400 });
  const madeAt = madeAtSchema.parse(form.get("madeAt") || null);
  const result = await tryFollowUpRule(shop, field.value, madeAt ? new Date(madeAt) : null, new Date());
  return data(result, { status: result.ok ? 200 : 400 });
}
