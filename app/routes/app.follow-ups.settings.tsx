import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Checkbox, FormLayout, InlineStack } from "@shopify/polaris";
import { useState } from "react";
import { ActionResultBanner } from "~/components/common/ActionResultBanner";
import { FieldErrorsProvider, FormTextField } from "~/components/common/FormTextField";
import { getFollowUpSettings, saveFollowUpSettings } from "~/models/follow-ups/follow-up-settings.server";
import { clockText, parseFollowUpSettingsForm } from "~/schemas/follow-ups/follow-up-settings";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { SectionCard } from "~/components/common/SectionCard";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const settings = await getFollowUpSettings(shop);
  return { ...settings, windowStart: clockText(settings.windowStartMinute), windowEnd: clockText(settings.windowEndMinute) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = parseFollowUpSettingsForm(Object.fromEntries(await request.formData()));
  // A form the merchant can correct answers 200 with the errors beside the fields (nothing was saved).
  if (!parsed.ok) return data({ ok: false, message: "Not saved: fix the fields marked below.", errors: parsed.errors });
  await saveFollowUpSettings(shop, parsed.settings);
  return { ok: true, message: "Email settings saved. Messages sent from now on use them.", errors: [] };
}

export default function FollowUpSettingsPage() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const isSaving = useNavigation().state !== "idle";
  const [senderName, setSenderName] = useState(settings.senderName ?? "");
  const [senderEmail, setSenderEmail] = useState(settings.senderEmail ?? "");
  const [replyTo, setReplyTo] = useState(settings.replyTo ?? "");
  const [strict, setStrict] = useState(settings.strictConsent);
  const [cap, setCap] = useState(String(settings.marketingCapDays));
  const [windowStart, setWindowStart] = useState(settings.windowStart);
  const [windowEnd, setWindowEnd] = useState(settings.windowEnd);
  const [reviewUrl, setReviewUrl] = useState(settings.reviewUrlTemplate ?? "");
  return (
    <FieldErrorsProvider errors={result?.errors ?? []}>
      <Form method="post">
        <BlockStack gap="400">
          <ActionResultBanner result={result} />
          <SectionCard title="Sender" gap="300">
            <FormLayout>
              <FormTextField
                label="From name"
                name="senderName"
                value={senderName}
                onChange={setSenderName}
                placeholder="Your shop's name"
                helpText="What customers see as the sender. Your shop's name when left empty."
                path="senderName"
              />
              <FormLayout.Group>
                <FormTextField
                  label="From address"
                  name="senderEmail"
                  type="email"
                  value={senderEmail}
                  onChange={setSenderEmail}
                  helpText="An address of a domain your mail server may send for, so the emails are not marked as spam."
                  path="senderEmail"
                />
                <FormTextField
                  label="Replies go to"
                  name="replyTo"
                  type="email"
                  value={replyTo}
                  onChange={setReplyTo}
                  helpText="Where a customer's answer lands, e.g. your support inbox."
                  path="replyTo"
                />
              </FormLayout.Group>
            </FormLayout>
          </SectionCard>
          <SectionCard title="Timing and consent" gap="300">
            <FormLayout>
              <FormLayout.Group>
                <FormTextField
                  label="Send from"
                  name="windowStart"
                  value={windowStart}
                  onChange={setWindowStart}
                  helpText="In the customer's own time zone (from the shipping address)."
                  path="windowStart"
                />
                <FormTextField
                  label="Until"
                  name="windowEnd"
                  value={windowEnd}
                  onChange={setWindowEnd}
                  helpText="Nothing goes out at night."
                  path="windowEnd"
                />
              </FormLayout.Group>
              <FormTextField
                label="At most one marketing email per address every"
                name="marketingCapDays"
                type="number"
                min={0}
                max={60}
                suffix="days"
                value={cap}
                onChange={setCap}
                helpText="Review requests and apologies with a discount code are marketing; a later one waits until this has passed. Shipping news and care advice are not counted."
                path="marketingCapDays"
              />
              <Checkbox
                label="Marketing only with a confirmed opt-in (double opt-in)"
                checked={strict}
                onChange={setStrict}
                helpText="As German and EU practice asks. Without it, the customer's consent at checkout is enough."
              />
              {strict ? <input type="hidden" name="strictConsent" value="on" /> : null}
            </FormLayout>
          </SectionCard>
          <SectionCard title="Review page" gap="300">
            <FormTextField
              label="Review page address"
              name="reviewUrlTemplate"
              value={reviewUrl}
              onChange={setReviewUrl}
              placeholder="https://yourshop.com/pages/review?order={{ order.legacy_id }}"
              helpText="Where a review request's button leads: Judge.me, Yotpo, Shopify's own reviews or your page. {{ order.legacy_id }} and {{ product.legacy_id }} are filled in per order and product."
              path="reviewUrlTemplate"
            />
          </SectionCard>
          <InlineStack align="end">
            <Button submit variant="primary" loading={isSaving}>
              Save email settings
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </FieldErrorsProvider>
  );
}
