import { data, type ActionFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { previewPromiseSettings } from "~/services/promise/preview-promise-settings.server";
import { readJsonField, toFieldErrors } from "~/utils/form-json";
import { previewRequestSchema } from "./validator";

// The live preview of the settings page (a resource route: JSON only). Holidays need date-holidays,
// which runs on the server, so the draft comes here; the clock is read here, at the edge. A draft with
// invalid fields is a normal answer while typing ({ ok: false, errors }, 200); saving it answers 400.
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  const parsed = previewRequestSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { ok: false as const, errors: toFieldErrors(parsed.error).map((error) => ({ ...error, path: `preview.${error.path}` })) };
  }
  const document = readJsonField(form, "document");
  if (!document.ok) return data(document, { status: 400 });
  const { document: _json, ...question } = parsed.data;
  return previewPromiseSettings(shop, document.value, question, Date.now());
}
