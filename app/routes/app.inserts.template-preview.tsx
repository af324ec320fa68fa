import { data, type ActionFunctionArgs } from "@remix-run/node";
import { previewFormSchema } from "~/routes/app.inserts.templates.$id/validator";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { previewTemplate } from "~/services/inserts/template-editor.server";
import { toFieldErrors } from "~/utils/form-json";

/** Live preview for the template editor: checks the unsaved document and renders it in the sandbox. */
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = previewFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ errors: toFieldErrors(form.error), preview: null, data: null }, { status: 400 });
  return previewTemplate(shop, form.data, new Date());
}
