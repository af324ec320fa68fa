import { BlockStack, Button, ChoiceList, InlineStack, Select, Tabs, Text } from "@shopify/polaris";
import { useState } from "react";
import { FormTextField } from "~/components/common/FormTextField";
import { SectionCard } from "~/components/common/SectionCard";
import { BUILT_IN_MESSAGES, FOLLOW_UP_LOCALES, type FollowUpLocale } from "~/domain/follow-ups/built-in-messages";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";

type Message = FollowUpRule["message"];
type Custom = Extract<Message, { kind: "custom" }>;

const LANGUAGE_NAMES: Record<FollowUpLocale, string> = { en: "English", de: "German", sv: "Swedish", ru: "Russian", fr: "French", es: "Spanish" };
const languageName = (locale: string) => LANGUAGE_NAMES[locale as FollowUpLocale] ?? locale;

const VARIABLES =
  "customer.first_name, order.name, shop.name, shop.email, promised_on, shipped_on, arrived_on, days_early, late, tracking_url, tracking_number, carrier, products (title, review_url), review_url, code, code_expires_on, unsubscribe_url";

/** What the message says: Kept's built-in one in the customer's language, or the merchant's own Liquid per language. */
export function MessageFields({ rule, reviewUrlSet, onChange }: { rule: FollowUpRule; reviewUrlSet: boolean; onChange: (message: Message) => void }) {
  const message = rule.message;
  const builtIn = BUILT_IN_MESSAGES[rule.trigger];
  const startCustom = (): Custom => ({ kind: "custom", fallbackLocale: "en", sources: { en: { ...builtIn.sources.en } } });
  return (
    <SectionCard title="Message" gap="300">
      <ChoiceList
        title="What the email says"
        titleHidden
        choices={[
          {
            value: "built-in",
            label: `Kept's "${builtIn.name}" email`,
            helpText: "Written for this moment, in the customer's language: English, German, Swedish, Russian, French or Spanish (English otherwise).",
          },
          { value: "custom", label: "Your own words", helpText: "Liquid templates per language, starting from Kept's." },
        ]}
        selected={[message.kind]}
        onChange={([kind]) => onChange(kind === "custom" ? (message.kind === "custom" ? message : startCustom()) : { kind: "built-in" })}
      />
      {rule.trigger === "review-request" && !reviewUrlSet ? (
        <Text as="p" tone="caution">
          Set your review page in Email settings: without it the review request has no button to press.
        </Text>
      ) : null}
      {message.kind === "custom" ? <CustomMessage message={message} rule={rule} onChange={onChange} /> : null}
    </SectionCard>
  );
}

function CustomMessage({ message, rule, onChange }: { message: Custom; rule: FollowUpRule; onChange: (message: Message) => void }) {
  const locales = Object.keys(message.sources);
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, locales.length - 1);
  const locale = locales[index];
  const source = message.sources[locale];
  const missing = FOLLOW_UP_LOCALES.filter((candidate) => !locales.includes(candidate));
  const [adding, setAdding] = useState<string>(missing[0] ?? "");
  const path = `message.sources.${locale}`;
  const setSource = (patch: Partial<typeof source>) => onChange({ ...message, sources: { ...message.sources, [locale]: { ...source, ...patch } } });
  const add = () => {
    if (!adding) return;
    const built = BUILT_IN_MESSAGES[rule.trigger].sources[adding as FollowUpLocale];
    onChange({ ...message, sources: { ...message.sources, [adding]: { ...built } } });
    setSelected(locales.length);
    setAdding(missing.find((candidate) => candidate !== adding) ?? "");
  };
  const remove = () => {
    const { [locale]: _removed, ...rest } = message.sources;
    onChange({
      ...message,
      sources: rest,
      fallbackLocale: message.fallbackLocale === locale ? ((Object.keys(rest)[0] as FollowUpLocale) ?? "en") : message.fallbackLocale,
    });
    setSelected(0);
  };
  return (
    <BlockStack gap="300">
      <InlineStack gap="300" blockAlign="end" wrap>
        <Select
          label="When the customer's language has no version, use"
          options={locales.filter((code) => FOLLOW_UP_LOCALES.includes(code as FollowUpLocale)).map((code) => ({ value: code, label: languageName(code) }))}
          value={message.fallbackLocale}
          onChange={(fallbackLocale) => onChange({ ...message, fallbackLocale: fallbackLocale as FollowUpLocale })}
        />
        {missing.length > 0 ? (
          <InlineStack gap="200" blockAlign="end">
            <Select label="Add a language" options={missing.map((code) => ({ value: code, label: languageName(code) }))} value={adding} onChange={setAdding} />
            <Button onClick={add}>Add</Button>
          </InlineStack>
        ) : null}
      </InlineStack>
      <Tabs tabs={locales.map((code) => ({ id: `message-${code}`, content: languageName(code) }))} selected={index} onSelect={setSelected} />
      <FormTextField label="Subject" value={source.subject} onChange={(subject) => setSource({ subject })} path={`${path}.subject`} />
      <FormTextField
        label="Email (HTML)"
        value={source.html}
        onChange={(html) => setSource({ html })}
        multiline={10}
        monospaced
        path={`${path}.html`}
        helpText="Every {{ value }} is escaped for HTML."
      />
      <FormTextField label="Plain-text version" value={source.text} onChange={(text) => setSource({ text })} multiline={6} monospaced path={`${path}.text`} />
      <Text as="p" variant="bodySm" tone="subdued">
        {`You can use: ${VARIABLES}. Dates arrive written in the customer's language and time zone.`}
      </Text>
      {locales.length > 1 ? (
        <InlineStack>
          <Button variant="plain" tone="critical" onClick={remove}>
            {`Remove the ${languageName(locale)} version`}
          </Button>
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}
