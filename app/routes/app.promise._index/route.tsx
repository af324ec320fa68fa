import { FieldErrorsProvider } from "~/components/common/FormTextField";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useState } from "react";
import { BlockStack } from "@shopify/polaris";
import { describeRetry } from "~/components/jobs/retry-form";
import { retryDeadJob } from "~/models/jobs/job.server";
import { requestShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { loadPromiseSettingsPage } from "~/services/promise/load-promise-settings-page.server";
import { savePromiseSettings } from "~/services/promise/save-promise-settings.server";
import { readJsonField, toFieldErrors } from "~/utils/form-json";
import { ActionBanners } from "./components/ActionBanners";
import { CalendarSection } from "./components/CalendarSection";
import { CheckoutSurfaceSection } from "./components/CheckoutSurfaceSection";
import { CheckoutVersionBanner } from "./components/CheckoutVersionBanner";
import { ClosuresSection } from "./components/ClosuresSection";
import { toDraft } from "./components/draft";
import { LanesSection } from "./components/LanesSection";
import { PaddingSection } from "./components/PaddingSection";
import { PreviewCard, type PreviewQuestion } from "./components/PreviewCard";
import { SaveBar } from "./components/SaveBar";
import { ScheduleSection } from "./components/ScheduleSection";
import { ShippingOptionsCard } from "./components/ShippingOptionsCard";
import { PREVIEW_ACTION, useLatestErrors, useLivePreview, usePollWhile } from "./components/use-live-preview";
import { VersionsCard } from "./components/VersionsCard";
import { settingsActionSchema } from "./validator";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return loadPromiseSettingsPage(shop, new Date());
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  const parsed = settingsActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ intent: "invalid" as const, ok: false as const, errors: toFieldErrors(parsed.error) }, { status: 400 });
  const { intent } = parsed.data;
  if (intent === "retry") return { intent, ...describeRetry(parsed.data.jobId, await retryDeadJob(shop, parsed.data.jobId)) };
  if (intent === "refresh-options") return { intent, ok: true as const, jobId: (await requestShippingSnapshot(shop)).id };
  const document = readJsonField(form, "document");
  const result = document.ok ? await savePromiseSettings(shop, document.value, new Date()) : document;
  return data({ intent, ...result }, { status: result.ok ? 200 : 400 });
}

// Each live-preview request is an action on another route; the page's own data does not change with it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === PREVIEW_ACTION ? false : defaultShouldRevalidate;

const isOpen = (state: { state: string }) => ["pending", "running", "retrying"].includes(state.state);

export default function PromiseSettingsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [draft, setDraft] = useState(() => toDraft(page.document));
  const [question, setQuestion] = useState<PreviewQuestion>(() => ({
    at: "",
    region: "",
    postalCode: "",
    city: "",
    country: page.previewRequest.country,
    method: page.previewRequest.method,
  }));
  const shipping = page.preview.ok ? page.preview.options : null;
  const refreshKey = `${shipping?.fetchedAt ?? ""}|${shipping?.refresh.state ?? ""}`;
  const { preview, isBusy } = useLivePreview(draft, question, page.preview, refreshKey);
  const errors = useLatestErrors(preview, result?.intent === "save" && !result.ok ? result.errors : undefined);
  usePollWhile(isOpen(page.sync) || (shipping !== null && isOpen(shipping.refresh)));
  const options = preview.ok ? { ...preview.options, refresh: shipping?.refresh ?? preview.options.refresh } : shipping;
  return (
    <FieldErrorsProvider errors={errors}>
      <BlockStack gap="400">
        <ActionBanners result={result} isFirstDraft={page.isFirstDraft} isDraftFromShop={page.isDraftFromShop} errors={errors} />
        <CheckoutVersionBanner inForce={page.inForce} checkout={page.checkout} />
        <PreviewCard question={question} onChange={setQuestion} preview={preview} isBusy={isBusy} />
        <SaveBar draft={draft} saved={page.document} nextVersion={(page.versions[0]?.version ?? 0) + 1} />
        <CalendarSection draft={draft} onChange={setDraft} errors={errors} calendars={page.calendars} />
        <ScheduleSection draft={draft} onChange={setDraft} errors={errors} />
        <ClosuresSection draft={draft} onChange={setDraft} />
        <LanesSection draft={draft} onChange={setDraft} errors={errors} />
        <PaddingSection draft={draft} onChange={setDraft} />
        <CheckoutSurfaceSection draft={draft} onChange={setDraft} errors={errors} surface={options?.surface ?? null} />
        <SaveBar draft={draft} saved={page.document} nextVersion={(page.versions[0]?.version ?? 0) + 1} />
        <VersionsCard versions={page.versions} inForce={page.inForce} checkoutVersion={page.checkout?.version ?? null} sync={page.sync} />
        {options ? <ShippingOptionsCard options={options} /> : null}
      </BlockStack>
    </FieldErrorsProvider>
  );
}
