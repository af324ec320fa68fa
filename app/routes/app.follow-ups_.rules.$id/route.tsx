import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { loadFollowUpRuleEditor } from "~/services/follow-ups/follow-ups-overview.server";
import { saveFollowUpRuleVersion } from "~/services/follow-ups/save-follow-up-rule.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { jsonText, savedVersionParam } from "~/utils/editor-form";
import { toFieldErrors } from "~/utils/form-json";
import { FollowUpRuleEditor } from "./components/FollowUpRuleEditor";

const paramsSchema = z.object({ id: z.string().regex(/^(new|[a-z0-9-]{1,64})$/) });
const saveSchema = z.object({ document: jsonText, baseVersion: z.coerce.number().int().min(0) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop, embedded } = await requireAdmin(request);
  const parsed = paramsSchema.safeParse(params);
  const editor = parsed.success ? await loadFollowUpRuleEditor(shop, parsed.data.id) : null;
  if (!editor) throw new Response("Rule not found", { status: 404 });
  return { ...editor, embedded, savedVersion: savedVersionParam.parse(new URL(request.url).searchParams.get("saved")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = saveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, errors: toFieldErrors(form.error) }, { status: 400 });
  const result = await saveFollowUpRuleVersion(shop, form.data.document, form.data.baseVersion, new Date());
  if (!result.ok) return data(result, { status: result.conflict ? 409 : 400 });
  return redirect(`/app/follow-ups/rules/${result.id}?saved=${result.version}`);
}

// The editor keeps its document in state: a trial or a preview reads only, and a refused save changed nothing.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, actionStatus, defaultShouldRevalidate }) =>
  formAction === "/app/follow-ups/rule-trial" || formAction === "/app/follow-ups/rule-preview" || (actionStatus ?? 0) >= 400 ? false : defaultShouldRevalidate;

export default function FollowUpRuleEditorPage() {
  const editor = useLoaderData<typeof loader>();
  return <FollowUpRuleEditor key={`${useParams().id}:${editor.baseVersion}`} data={editor} />;
}
