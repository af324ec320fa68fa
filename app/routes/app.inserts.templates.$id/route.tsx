import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { saveInsertTemplate } from "~/models/inserts/insert-template.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { loadTemplateEditor } from "~/services/inserts/template-editor.server";
import { savedVersionParam } from "~/utils/editor-form";
import { toFieldErrors } from "~/utils/form-json";
import { TemplateEditor } from "./components/TemplateEditor";
import { saveTemplateFormSchema, templateParamsSchema } from "./validator";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = templateParamsSchema.safeParse(params);
  const editor = parsed.success ? await loadTemplateEditor(shop, parsed.data.id) : null;
  if (!editor) throw new Response("Template not found", { status: 404 });
  return { ...editor, savedVersion: savedVersionParam.parse(new URL(request.url).searchParams.get("saved")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = saveTemplateFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, errors: toFieldErrors(form.error) }, { status: 400 });
  const result = await saveInsertTemplate(shop, form.data);
  if (!result.ok) return data(result, { status: result.conflict ? 409 : 400 });
  return redirect(`/app/inserts/templates/${result.id}?saved=${result.version}`);
}

// The editor keeps its document in state. A template preview reads only, and a refused save (4xx) changed
// nothing: reloading would only cost time.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, actionStatus, defaultShouldRevalidate }) =>
  formAction === "/app/inserts/template-preview" || (actionStatus ?? 0) >= 400 ? false : defaultShouldRevalidate;

export default function TemplateEditorPage() {
  const editor = useLoaderData<typeof loader>();
  // Keyed by the URL's id, not the document's: a "new" page keeps what was typed even if its data reloads.
  return <TemplateEditor key={`${useParams().id}:${editor.baseVersion}`} data={editor} />;
}
