import { useActionData, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, FormLayout, Layout, Page, Select } from "@shopify/polaris";
import { FormTextField, FieldErrorsProvider } from "~/components/common/FormTextField";
import { useEffect, useMemo, useRef, useState } from "react";
import { VersionsCard } from "~/components/inserts/VersionsCard";
import type { action as previewAction } from "~/routes/app.inserts.template-preview";
import type { InsertTemplateDocument } from "~/schemas/inserts/insert-template";
import type { loadTemplateEditor } from "~/services/inserts/template-editor.server";
import { errorAt, type FieldError } from "~/utils/form-json";
import { PreviewCard } from "./PreviewCard";
import { VariantsCard } from "./VariantsCard";
import { SectionCard } from "~/components/common/SectionCard";

type EditorData = NonNullable<Awaited<ReturnType<typeof loadTemplateEditor>>> & { savedVersion: number | null };

/** Time the merchant may keep typing before the preview is rendered again. */
const PREVIEW_DELAY_MS = 300;

/** The template editor: languages in tabs, Liquid checked and previewed by the server's sandbox as you type. */
export function TemplateEditor({ data }: { data: EditorData }) {
  const [document, setDocument] = useState<InsertTemplateDocument>(data.document);
  const [selected, setSelected] = useState(data.document.fallbackLocale);
  const [orderGid, setOrderGid] = useState("");
  const [locale, setLocale] = useState("");
  const [isDirty, setIsDirty] = useState(false);
  const [submittedJson, setSubmittedJson] = useState<string | null>(null);
  const preview = useFetcher<typeof previewAction>();
  const submit = useSubmit();
  const isSaving = useNavigation().state !== "idle";
  const failure = useActionData<{ ok: false; errors: FieldError[] }>();
  const json = useMemo(() => JSON.stringify(document), [document]);

  const previewSubmit = useRef(preview.submit);
  previewSubmit.current = preview.submit;
  useEffect(() => {
    const timer = setTimeout(
      () => previewSubmit.current({ document: json, orderGid, locale }, { method: "post", action: "/app/inserts/template-preview" }),
      PREVIEW_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [json, orderGid, locale]);

  const serverErrors = failure && !failure.ok && submittedJson === json ? failure.errors : [];
  // The preview's check is the save's check, so Liquid errors (with line and column) show before saving.
  const errors = [...(preview.data?.errors ?? []), ...serverErrors];
  const update = (patch: Partial<InsertTemplateDocument>) => {
    setDocument((current) => ({ ...current, ...patch }));
    setIsDirty(true);
  };
  const save = () => {
    setSubmittedJson(json);
    submit({ document: json, baseVersion: String(data.baseVersion) }, { method: "post" });
  };
  const locales = Object.keys(document.variants);
  const paperOptions = [{ value: "", label: `Shop default (${data.shopPaperSize})` }, ...data.paperSizes.map((size) => ({ value: size, label: size }))];

  return (
    <FieldErrorsProvider errors={errors}>
      <Page
        fullWidth
        title={data.document.name}
        backAction={{ content: "Inserts", url: "/app/inserts" }}
        primaryAction={{ content: "Save", onAction: save, loading: isSaving }}
      >
        <Layout>
          <Layout.Section variant="oneHalf">
            <BlockStack gap="400">
              {data.savedVersion && !isDirty ? <Banner tone="success" title={`Saved as version ${data.savedVersion}.`} /> : null}
              {serverErrors.length > 0 ? (
                <Banner tone="critical" title="Not saved">
                  <p>{serverErrors.map((error) => error.message).join(" ")}</p>
                </Banner>
              ) : null}
              <SectionCard title="Template" gap="300">
                <FormLayout>
                  <FormTextField label="Name" value={document.name} onChange={(name) => update({ name })} path="name" />
                  <FormLayout.Group>
                    <Select
                      label="Paper"
                      options={paperOptions}
                      value={document.paperSize ?? ""}
                      onChange={(size) => update({ paperSize: size === "" ? null : (size as InsertTemplateDocument["paperSize"]) })}
                    />
                    <Select
                      label="Fallback language"
                      options={locales.map((each) => ({ value: each, label: each }))}
                      value={document.fallbackLocale}
                      onChange={(fallbackLocale) => update({ fallbackLocale })}
                      helpText="Used when the customer's language has no variant."
                      error={errorAt(errors, "fallbackLocale")}
                    />
                  </FormLayout.Group>
                </FormLayout>
              </SectionCard>
              <VariantsCard document={document} selected={selected} errors={errors} onSelect={setSelected} onChange={(variants) => update({ variants })} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <BlockStack gap="400">
              <PreviewCard
                result={preview.data}
                orders={data.orders}
                locales={locales}
                orderGid={orderGid}
                locale={locale}
                paper={document.paperSize ?? data.shopPaperSize}
                onOrder={setOrderGid}
                onLocale={setLocale}
              />
              <VersionsCard versions={data.versions} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
    </FieldErrorsProvider>
  );
}
