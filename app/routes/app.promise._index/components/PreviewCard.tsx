import { Badge, BlockStack, Box, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import type { PromisePreview, SettingsPreview } from "~/services/promise/preview-promise-settings.server";
import { FormTextField } from "~/components/common/FormTextField";

/** The preview question as typed: `at` empty means "now". */
export type PreviewQuestion = { at: string; country: string; region: string; postalCode: string; city: string; method: string };

type Props = {
  question: PreviewQuestion;
  onChange: (question: PreviewQuestion) => void;
  preview: SettingsPreview | undefined;
  isBusy: boolean;
};

function Sentence({ preview }: { preview: PromisePreview }) {
  const { outcome } = preview;
  const order = `An order placed ${preview.isNow ? "now, " : ""}${preview.orderedAtLabel}, by a shopper in ${preview.shopper} choosing ${preview.method}`;
  if (!outcome.ok) {
    return (
      <BlockStack gap="100">
        <Text as="p" variant="headingMd">
          {order} gets no promise ({outcome.reason}).
        </Text>
        <Text as="p" tone="subdued">
          {outcome.details.join("; ")}
        </Text>
      </BlockStack>
    );
  }
  return (
    <BlockStack gap="100">
      <Text as="p" variant="headingMd">
        {order} is promised{" "}
        <Text as="span" fontWeight="bold">
          {outcome.labels.promised}
        </Text>
        ; raw estimate {outcome.labels.earliest} – {outcome.labels.latest}.
      </Text>
      <Text as="p" tone="subdued">
        Ships by {outcome.labels.shipBy} · lane {outcome.laneLabel} ({outcome.laneId}) · padding {outcome.paddingDays} carrier{" "}
        {outcome.paddingDays === 1 ? "day" : "days"}
      </Text>
    </BlockStack>
  );
}

/** The live preview: moves as the merchant edits, before anything is saved. */
export function PreviewCard({ question, onChange, preview, isBusy }: Props) {
  const set = (patch: Partial<PreviewQuestion>) => onChange({ ...question, ...patch });
  const outcome = preview?.ok ? preview.preview.outcome : null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Live preview
          </Text>
          {isBusy ? <Badge tone="info">Updating…</Badge> : null}
        </InlineStack>
        <div
          role="status"
          aria-label="Promise preview"
          data-ordered-at={preview?.ok ? preview.preview.orderedAt : ""}
          data-promised={outcome?.ok ? outcome.promised : ""}
          data-earliest={outcome?.ok ? outcome.earliest : ""}
          data-latest={outcome?.ok ? outcome.latest : ""}
        >
          <Box background="bg-surface-secondary" padding="300" borderRadius="200">
            {preview?.ok ? (
              <Sentence preview={preview.preview} />
            ) : (
              <Text as="p" tone="critical">
                Fix the fields marked in red to see the preview.
              </Text>
            )}
          </Box>
        </div>
        <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="200">
          <FormTextField
            label="Ordered at (shop time)"
            type="datetime-local"
            value={question.at}
            helpText="Empty: now"
            onChange={(at) => set({ at })}
            path="preview.at"
          />
          <FormTextField label="Shopper's city" value={question.city} onChange={(city) => set({ city })} path="preview.city" />
          <FormTextField
            label="Shopper's country"
            value={question.country}
            onChange={(country) => set({ country: country.toUpperCase() })}
            path="preview.country"
          />
          <TextField label="Shopper's region" autoComplete="off" value={question.region} onChange={(region) => set({ region: region.toUpperCase() })} />
          <TextField label="Shopper's postal code" autoComplete="off" value={question.postalCode} onChange={(postalCode) => set({ postalCode })} />
          <FormTextField label="Shipping method chosen" value={question.method} onChange={(method) => set({ method })} path="preview.method" />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
