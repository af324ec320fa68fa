import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { saveInsertRule } from "~/models/inserts/insert-rule-save.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { loadRuleEditor } from "~/services/inserts/rule-editor.server";
import { savedVersionParam } from "~/utils/editor-form";
import { toFieldErrors } from "~/utils/form-json";
import { RuleEditor } from "./components/RuleEditor";
import { ruleParamsSchema, saveRuleFormSchema } from "./validator";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop, embedded } = await requireAdmin(request);
  const parsed = ruleParamsSchema.safeParse(params);
  const editor = parsed.success ? await loadRuleEditor(shop, parsed.data.id) : null;
  if (!editor) throw new Response("Rule not found", { status: 404 });
  return { ...editor, embedded, savedVersion: savedVersionParam.parse(new URL(request.url).searchParams.get("saved")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = saveRuleFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, errors: toFieldErrors(form.error) }, { status: 400 });
  const result = await saveInsertRule(shop, form.data);
  if (!result.ok) return data(result, { status: result.conflict ? 409 : 400 });
  return redirect(`/app/inserts/rules/${result.id}?saved=${result.version}`);
}

// The editor keeps its document in state. A rule trial reads only, and a refused save (4xx) changed
// nothing: reloading would only cost time.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, actionStatus, defaultShouldRevalidate }) =>
  formAction === "/app/inserts/rule-trial" || (actionStatus ?? 0) >= 400 ? false : defaultShouldRevalidate;

export default function RuleEditorPage() {
  const editor = useLoaderData<typeof loader>();
  // Keyed by the URL's id, not the document's: a "new" page keeps what was typed even if its data reloads.
  return <RuleEditor key={`${useParams().id}:${editor.baseVersion}`} data={editor} />;
}
