import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Checkbox, ChoiceList, FormLayout, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { FieldErrorsProvider, FormTextField, NumberField } from "~/components/common/FormTextField";
import { SectionCard } from "~/components/common/SectionCard";
import { ConditionGroupEditor } from "~/components/rules/ConditionGroupEditor";
import { FOLLOW_UP_TRIGGERS, type FollowUpTrigger } from "~/domain/follow-ups/built-in-messages";
import { describeTiming, TRIGGER_LABELS } from "~/domain/follow-ups/describe-follow-up";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { parseFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import type { loadFollowUpRuleEditor } from "~/services/follow-ups/follow-ups-overview.server";
import type { FieldError } from "~/utils/form-json";
import { DiscountFields } from "./DiscountFields";
import { MessageFields } from "./MessageFields";
import { PreviewCard } from "./PreviewCard";
import { TrialCard } from "./TrialCard";
import { EditorBanners } from "~/components/rules/EditorBanners";

export type EditorData = NonNullable<Awaited<ReturnType<typeof loadFollowUpRuleEditor>>> & { embedded: boolean; savedVersion: number | null };
type SaveFailure = { ok: false; errors: FieldError[] };

const TRIGGER_OPTIONS = FOLLOW_UP_TRIGGERS.map((trigger) => ({ value: trigger, label: TRIGGER_LABELS[trigger].label }));
const AFTER_ARRIVAL: readonly FollowUpTrigger[] = ["arrived", "arrived-early", "care-advice", "review-request"];
const HEEDS_BROKEN_PROMISE: readonly FollowUpTrigger[] = ["care-advice", "review-request"];

const LOOK_BACK_OPTIONS = [
  { value: "0", label: "Leave them out" },
  { value: "7", label: "Include the last 7 days" },
  { value: "14", label: "Include the last 14 days" },
  { value: "30", label: "Include the last 30 days" },
  { value: "60", label: "Include the last 60 days" },
];

const BROKEN_PROMISE_CHOICES = [
  { value: "apology-first", label: "Only after an apology went out", helpText: "Orders that were late get this only if an apology rule wrote to them first." },
  { value: "delay", label: "Wait longer" },
  { value: "skip", label: "Don't send it", helpText: "The log says why: “the promise was broken: arrived 2 days late”." },
  { value: "send", label: "Send it anyway" },
];

/** The follow-up rule editor: the whole rule in state, checked as it changes, saved as JSON. */
export function FollowUpRuleEditor({ data }: { data: EditorData }) {
  const [rule, setRule] = useState<FollowUpRule>(data.rule);
  const [isDirty, setIsDirty] = useState(false);
  const [hasTriedSaving, setHasTriedSaving] = useState(false);
  const [submittedJson, setSubmittedJson] = useState<string | null>(null);
  const submit = useSubmit();
  const isSaving = useNavigation().state === "submitting";
  const failure = useActionData<SaveFailure>();

  const json = useMemo(() => JSON.stringify(rule), [rule]);
  const check = useMemo(() => parseFollowUpRule(rule), [rule]);
  const checkErrors = check.ok ? [] : check.errors;
  const serverErrors = failure && !failure.ok && submittedJson === json ? failure.errors : [];
  const errors = [...(isDirty || hasTriedSaving ? checkErrors : []), ...serverErrors.filter((error) => error.path !== "")];
  const update = (patch: Partial<FollowUpRule>) => {
    setRule((current) => ({ ...current, ...patch }));
    setIsDirty(true);
  };
  const save = () => {
    setHasTriedSaving(true);
    if (checkErrors.length > 0) return;
    setSubmittedJson(json);
    submit({ document: json, baseVersion: String(data.baseVersion) }, { method: "post" });
  };
  // A trial or preview needs no name yet; any other problem would make its answer meaningless.
  const draft = useMemo(() => JSON.stringify({ ...rule, name: rule.name.trim() || "This rule" }), [rule]);
  const canTry = checkErrors.every((error) => error.path === "name");
  const trigger = TRIGGER_LABELS[rule.trigger];

  return (
    <FieldErrorsProvider errors={errors}>
      <Page
        title={data.rule.name || "New follow-up"}
        backAction={{ content: "Follow-ups", url: "/app/follow-ups" }}
        primaryAction={{ content: "Save", onAction: save, loading: isSaving }}
      >
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <EditorBanners
                saved={data.savedVersion && !isDirty ? { version: data.savedVersion } : null}
                formErrors={serverErrors.filter((error) => error.path === "").map((error) => error.message)}
                fieldProblems={hasTriedSaving ? checkErrors.length : 0}
                archivedText={data.archivedAt ? `This rule was archived on ${data.archivedAt} and sends nothing. Restore it from the rules list.` : null}
              />
              {!data.emailReady ? (
                <Banner tone="warning">
                  <p>Email sending is not switched on for this installation yet: the rule plans its messages, and they wait until it is.</p>
                </Banner>
              ) : null}
              <SectionCard title="Rule" gap="300">
                <FormLayout>
                  <FormTextField
                    label="Name"
                    placeholder="Review request a week after arrival"
                    value={rule.name}
                    onChange={(name) => update({ name })}
                    path="name"
                  />
                  <Checkbox
                    label="Active"
                    helpText="Switch off to pause the rule: what it planned is not sent while it is off."
                    checked={rule.active}
                    onChange={(active) => update({ active })}
                  />
                  <FormLayout.Group condensed>
                    <FormTextField
                      label="Sequence (optional)"
                      placeholder="After arrival"
                      value={rule.sequence?.name ?? ""}
                      onChange={(name) => update({ sequence: name.trim() === "" ? null : { name, step: rule.sequence?.step ?? 1 } })}
                      helpText="Rules with the same sequence are steps of one conversation: a step is not sent once a later step went out."
                      path="sequence.name"
                    />
                    <NumberField
                      label="Step"
                      range={[1, 20]}
                      value={rule.sequence?.step ?? 1}
                      disabled={!rule.sequence}
                      onChange={(step) => rule.sequence && update({ sequence: { ...rule.sequence, step } })}
                      path="sequence.step"
                    />
                  </FormLayout.Group>
                </FormLayout>
              </SectionCard>
              <SectionCard title="When" gap="300">
                <FormLayout>
                  <Select
                    label="Goes out"
                    options={TRIGGER_OPTIONS}
                    value={rule.trigger}
                    onChange={(value) => update({ trigger: value as FollowUpTrigger, ...(value === "apology" ? {} : { discount: undefined }) })}
                    helpText={trigger.help}
                  />
                  <FormLayout.Group condensed>
                    <NumberField
                      label="Days later"
                      range={[0, 90]}
                      value={rule.delay.days}
                      onChange={(days) => update({ delay: { ...rule.delay, days } })}
                      path="delay.days"
                    />
                    <NumberField
                      label="Hours later"
                      range={[0, 23]}
                      value={rule.delay.hours}
                      onChange={(hours) => update({ delay: { ...rule.delay, hours } })}
                      path="delay.hours"
                    />
                  </FormLayout.Group>
                  <Text as="p" tone="subdued">
                    {`${describeTiming(rule)}, in the customer's send window (Email settings). ${data.since ? `The rule was made ${data.since}.` : ""}`}
                  </Text>
                  <Select
                    label="Orders from before the rule"
                    options={LOOK_BACK_OPTIONS}
                    value={String(rule.lookBackDays)}
                    onChange={(value) => update({ lookBackDays: Number(value) })}
                    helpText={
                      rule.lookBackDays > 0
                        ? `Orders whose moment came in the ${rule.lookBackDays} days before the rule was ${data.since ? "made" : "saved"} get it too: when you save, their emails are planned and go out in the customer's send window (anything due goes out right away).`
                        : "Only what happens from now on."
                    }
                  />
                  {AFTER_ARRIVAL.includes(rule.trigger) ? (
                    <Checkbox
                      label="Count an arrival Kept inferred"
                      helpText="When the carrier never confirms delivery, Kept infers arrival from the lane's usual transit time. Off: only a confirmed delivery counts."
                      checked={rule.inferredArrivalCounts}
                      onChange={(inferredArrivalCounts) => update({ inferredArrivalCounts })}
                    />
                  ) : null}
                </FormLayout>
                {HEEDS_BROKEN_PROMISE.includes(rule.trigger) ? (
                  <BlockStack gap="200">
                    <ChoiceList
                      title="When the delivery promise was broken"
                      choices={BROKEN_PROMISE_CHOICES}
                      selected={[rule.afterBrokenPromise.action]}
                      onChange={([action]) =>
                        update({ afterBrokenPromise: { ...rule.afterBrokenPromise, action: action as FollowUpRule["afterBrokenPromise"]["action"] } })
                      }
                    />
                    {rule.afterBrokenPromise.action === "delay" ? (
                      <InlineStack>
                        <NumberField
                          label="More days to wait"
                          range={[1, 30]}
                          value={rule.afterBrokenPromise.delayDays}
                          onChange={(delayDays) => update({ afterBrokenPromise: { ...rule.afterBrokenPromise, delayDays } })}
                          path="afterBrokenPromise.delayDays"
                        />
                      </InlineStack>
                    ) : null}
                  </BlockStack>
                ) : null}
              </SectionCard>
              <SectionCard title="Which orders" gap="300">
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
              </SectionCard>
              {rule.trigger === "apology" ? (
                <DiscountFields discount={rule.discount} currency={data.currency} onChange={(discount) => update({ discount })} />
              ) : null}
              <MessageFields rule={rule} reviewUrlSet={data.reviewUrlSet} onChange={(message) => update({ message })} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <PreviewCard document={draft} disabled={!canTry} orders={data.orders} testAddress={data.testAddress} emailReady={data.emailReady} />
          </Layout.Section>
          <Layout.Section>
            <TrialCard document={draft} madeAt={data.madeAt} disabled={!canTry} />
          </Layout.Section>
        </Layout>
      </Page>
    </FieldErrorsProvider>
  );
}
