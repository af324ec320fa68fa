import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Checkbox, FormLayout, Layout, Page } from "@shopify/polaris";
import { FormTextField, NumberField, FieldErrorsProvider } from "~/components/common/FormTextField";
import { useMemo, useState } from "react";
import { VersionsCard } from "~/components/inserts/VersionsCard";
import type { Rule } from "~/domain/rules/rule-model";
import type { loadRuleEditor } from "~/services/inserts/rule-editor.server";
import type { FieldError } from "~/utils/form-json";
import { ActionsFields } from "./ActionsFields";
import { checkDraft } from "./check-draft";
import { ChecksCard } from "./ChecksCard";
import { ConditionGroupEditor } from "~/components/rules/ConditionGroupEditor";
import { ScheduleFields } from "./ScheduleFields";
import { TrialCard } from "./TrialCard";
import { SectionCard } from "~/components/common/SectionCard";
import { EditorBanners } from "~/components/rules/EditorBanners";

export type RuleEditorData = NonNullable<Awaited<ReturnType<typeof loadRuleEditor>>> & { embedded: boolean; savedVersion: number | null };
type SaveFailure = { ok: false; errors: FieldError[] };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <SectionCard title={title} gap="300">
      {children}
    </SectionCard>
  );
}

/** The rule editor: the whole rule document in state, checked as it changes, submitted as JSON. */
export function RuleEditor({ data }: { data: RuleEditorData }) {
  const [rule, setRule] = useState<Rule>(data.rule);
  const [stockEdited, setStockEdited] = useState(false);
  const [isDirty, setIsDirty] = useState(false);
  const [hasTriedSaving, setHasTriedSaving] = useState(false);
  const [submittedJson, setSubmittedJson] = useState<string | null>(null);
  const submit = useSubmit();
  const isSaving = useNavigation().state !== "idle";
  const failure = useActionData<SaveFailure>();

  const json = useMemo(() => JSON.stringify(rule), [rule]);
  const check = useMemo(() => checkDraft(json, data.otherRules), [json, data.otherRules]);
  const serverErrors = failure && !failure.ok && submittedJson === json ? failure.errors : [];
  const errors = [...(isDirty || hasTriedSaving ? check.errors : []), ...serverErrors.filter((error) => error.path !== "")];
  const ruleNames = Object.fromEntries(data.otherRules.map((other) => [other.id, other.name]));
  const update = (patch: Partial<Rule>) => {
    setRule((current) => ({ ...current, ...patch }));
    setIsDirty(true);
  };
  const save = () => {
    setHasTriedSaving(true);
    if (check.errors.length > 0) return;
    setSubmittedJson(json);
    submit({ document: json, baseVersion: String(data.baseVersion), stockEdited: String(stockEdited) }, { method: "post" });
  };
  // A trial needs no name yet; every other problem would make its answer meaningless.
  const trialDocument = useMemo(() => JSON.stringify({ ...rule, name: rule.name.trim() || "This rule" }), [rule]);
  const canTry = check.errors.every((error) => error.path === "name");
  const warnings = check.issues.filter((issue) => issue.level === "warning").length;

  return (
    <FieldErrorsProvider errors={errors}>
      <Page
        title={data.rule.name || "New rule"}
        backAction={{ content: "Inserts", url: "/app/inserts" }}
        primaryAction={{ content: "Save", onAction: save, loading: isSaving }}
      >
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <EditorBanners
                saved={
                  data.savedVersion && !isDirty
                    ? {
                        version: data.savedVersion,
                        note: warnings > 0 ? `It has ${warnings} warning${warnings === 1 ? "" : "s"} (see Checks). It works exactly as described there.` : null,
                      }
                    : null
                }
                formErrors={serverErrors.filter((error) => error.path === "").map((error) => error.message)}
                fieldProblems={hasTriedSaving ? check.errors.length : 0}
                archivedText={data.archivedAt ? "This rule is archived and never runs. Restore it from the rules list." : null}
              />
              <Section title="Rule">
                <FormLayout>
                  <FormTextField
                    label="Name"
                    placeholder="Thank-you card for first orders"
                    value={rule.name}
                    onChange={(name) => update({ name })}
                    path="name"
                  />
                  <NumberField
                    label="Priority"
                    range={[0, 9999]}
                    value={rule.priority}
                    onChange={(priority) => update({ priority })}
                    helpText="Lower numbers run first."
                    path="priority"
                  />
                  <Checkbox
                    label="Active"
                    helpText="Switch off to pause the rule without losing it."
                    checked={rule.active}
                    onChange={(active) => update({ active })}
                  />
                  <Checkbox
                    label="Stop after this rule"
                    helpText="When this rule applies to an order, rules with a higher priority number don't run for it."
                    checked={rule.stopAfter}
                    onChange={(stopAfter) => update({ stopAfter })}
                  />
                </FormLayout>
              </Section>
              <Section title="Which orders">
                <ConditionGroupEditor
                  group={rule.conditions}
                  path="conditions"
                  label=""
                  depth={1}
                  currency={data.currency}
                  onChange={(conditions) => update({ conditions })}
                  errors={errors}
                  products={data.products}
                  embedded={data.embedded}
                />
              </Section>
              <Section title="When">
                <ScheduleFields rule={rule} timeZone={data.timeZone} onChange={update} />
              </Section>
              <Section title="What goes in the parcel">
                <ActionsFields
                  actions={rule.actions}
                  templates={data.templates}
                  errors={errors}
                  onChange={(actions) => update({ actions })}
                  stock={{ hadPhysicalItem: data.hadPhysicalItem, stockOutAt: data.stockOutAt, edited: stockEdited }}
                  onStockEdited={() => setStockEdited(true)}
                />
              </Section>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <ChecksCard errors={check.errors} issues={check.issues} ruleId={rule.id} ruleNames={ruleNames} />
              <VersionsCard versions={data.versions} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section>
            <TrialCard document={trialDocument} disabled={!canTry} />
          </Layout.Section>
        </Layout>
      </Page>
    </FieldErrorsProvider>
  );
}
