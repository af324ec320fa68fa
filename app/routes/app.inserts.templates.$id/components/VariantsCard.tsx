import { Button, InlineStack, Tabs, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { InsertTemplateDocument } from "~/schemas/inserts/insert-template";
import { errorsUnder, type FieldError } from "~/utils/form-json";
import { SectionCard } from "~/components/common/SectionCard";

type Props = {
  document: InsertTemplateDocument;
  selected: string;
  errors: FieldError[];
  onSelect: (locale: string) => void;
  onChange: (variants: Record<string, string>) => void;
};

/** One Liquid source per language, in tabs; a new language starts as a copy of the fallback's text. */
export function VariantsCard({ document, selected, errors, onSelect, onChange }: Props) {
  const [newLocale, setNewLocale] = useState("");
  const locales = Object.keys(document.variants);
  const current = locales.includes(selected) ? selected : locales[0];
  const tabs = locales.map((locale) => ({
    id: `variant-${locale}`,
    content: `${locale}${locale === document.fallbackLocale ? " (fallback)" : ""}${errorsUnder(errors, `variants.${locale}`).length > 0 ? " ⚠" : ""}`,
    accessibilityLabel: `Language ${locale}`,
  }));
  const add = () => {
    const locale = newLocale.trim();
    if (locale === "" || locale in document.variants) return;
    onChange({ ...document.variants, [locale]: document.variants[document.fallbackLocale] ?? "" });
    onSelect(locale);
    setNewLocale("");
  };
  const remove = () => onChange(Object.fromEntries(Object.entries(document.variants).filter(([locale]) => locale !== current)));
  const problems = current ? errorsUnder(errors, `variants.${current}`).map((error) => error.message) : [];
  return (
    <SectionCard title="Languages" gap="300">
      <Tabs tabs={tabs} selected={Math.max(0, locales.indexOf(current ?? ""))} onSelect={(index) => onSelect(locales[index])} />
      {current !== undefined ? (
        <TextField
          label={`Liquid for ${current}`}
          multiline={14}
          monospaced
          value={document.variants[current]}
          autoComplete="off"
          onChange={(source) => onChange({ ...document.variants, [current]: source })}
          error={problems.length > 0 ? problems : undefined}
        />
      ) : null}
      <InlineStack gap="200" blockAlign="end" align="space-between">
        <InlineStack gap="200" blockAlign="end">
          <TextField label="Add a language" value={newLocale} onChange={setNewLocale} autoComplete="off" placeholder="de-CH" />
          <Button onClick={add}>Add language</Button>
        </InlineStack>
        {locales.length > 1 && current !== undefined ? <Button tone="critical" variant="plain" onClick={remove}>{`Remove ${current}`}</Button> : null}
      </InlineStack>
      {errorsUnder(errors, "variants")
        .filter((error) => error.path === "variants")
        .map((error) => (
          <Text as="p" tone="critical" key={error.message}>
            {error.message}
          </Text>
        ))}
    </SectionCard>
  );
}
