import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormTextField, FieldErrorsProvider } from "~/components/common/FormTextField";
import { Button, Card, FormLayout, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { ensureInsertSettings, reshuffleHoldouts, updateInsertSettings } from "~/models/inserts/insert-settings.server";
import { PAPER_SIZES } from "~/schemas/inserts/insert-template";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { errorAt, toFieldErrors } from "~/utils/form-json";
import { insertSettingsActionSchema } from "./validator";
import { SectionCard } from "~/components/common/SectionCard";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";
import { AppPage } from "~/components/common/AppPage";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { maxInsertsPerParcel, fallbackLocale, paperSize } = await ensureInsertSettings(shop);
  return { maxInsertsPerParcel, fallbackLocale, paperSize, paperSizes: PAPER_SIZES };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = insertSettingsActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return data({ ok: false as const, message: "Please fix the fields marked below.", errors: toFieldErrors(form.error) }, { status: 400 });
  if (form.data.intent === "reshuffle") {
    await reshuffleHoldouts(shop);
    return { ok: true as const, message: "Holdouts reshuffled: new orders fall into each rule's holdout differently from now on.", errors: [] };
  }
  const { intent: _intent, ...changes } = form.data;
  await updateInsertSettings(shop, changes);
  return { ok: true as const, message: "Insert settings saved.", errors: [] };
}

export default function InsertSettings() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [max, setMax] = useState(String(settings.maxInsertsPerParcel));
  const [fallbackLocale, setFallbackLocale] = useState(settings.fallbackLocale);
  const [paperSize, setPaperSize] = useState<string>(settings.paperSize);
  const errors = result?.errors;
  return (
    <FieldErrorsProvider errors={errors ?? []}>
      <AppPage title="Insert settings" backAction={{ content: "Inserts", url: "/app/inserts" }}>
        <ActionResultBanner result={result} />
        <Card>
          <Form method="post">
            <input type="hidden" name="intent" value="save" />
            <FormLayout>
              <FormTextField
                label="Most inserts per parcel"
                name="maxInsertsPerParcel"
                type="number"
                min={1}
                max={10}
                value={max}
                onChange={setMax}
                helpText="Rules run by priority; once a parcel has this many, further matching rules are skipped (held-out orders count too)."
                path="maxInsertsPerParcel"
              />
              <FormTextField
                label="Fallback language"
                name="fallbackLocale"
                value={fallbackLocale}
                onChange={setFallbackLocale}
                helpText="The language new templates fall back to when a customer's language has no variant. Each template keeps its own fallback, chosen in the template editor."
                path="fallbackLocale"
              />
              <Select
                label="Default paper"
                name="paperSize"
                options={settings.paperSizes.map((size) => ({ label: size, value: size }))}
                value={paperSize}
                onChange={setPaperSize}
                helpText="Templates print on this unless they choose their own paper."
                error={errorAt(errors, "paperSize")}
              />
              <Button submit variant="primary">
                Save settings
              </Button>
            </FormLayout>
          </Form>
        </Card>
        <SectionCard title="Holdouts" gap="300">
          <Text as="p">
            A rule with a holdout gives nothing to a fixed share of the orders it matches, so you can compare those customers with the ones who got the insert.
            Which orders fall into the holdout is decided by a secret of your shop, the same way every time: a webhook retry never changes it.
          </Text>
          <Text as="p">
            Reshuffling replaces that secret. Orders already decided keep their outcome; new orders are split differently. Do it when you start a fresh
            experiment, not in the middle of one.
          </Text>
          <Form method="post">
            <input type="hidden" name="intent" value="reshuffle" />
            <Button submit>Reshuffle holdouts</Button>
          </Form>
        </SectionCard>
      </AppPage>
    </FieldErrorsProvider>
  );
}
