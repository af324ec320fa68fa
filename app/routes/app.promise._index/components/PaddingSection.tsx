import { useState } from "react";
import { FormLayout } from "@shopify/polaris";
import { FormTextField } from "~/components/common/FormTextField";
import type { FieldError } from "~/utils/form-json";
import { parseNumberInput, type Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void; errors: FieldError[] };

const toPercentText = (rate: Draft["targetKeptRate"]) => (typeof rate === "number" ? String(Math.round(rate * 1000) / 10) : rate);

/** The padding shoppers get on top of the raw estimate, and the kept-rate the padding should reach. */
export function PaddingSection({ draft, onChange, errors }: Props) {
  // The percentage is typed as text ("99.") and stored as a fraction (0.99); keep the text while typing.
  const [percentText, setPercentText] = useState(() => toPercentText(draft.targetKeptRate));
  const setPercent = (text: string) => {
    setPercentText(text);
    const value = parseNumberInput(text);
    onChange({ ...draft, targetKeptRate: typeof value === "number" ? Math.round(value * 10) / 1000 : text });
  };
  return (
    <SectionCard title="Padding" gap="300">
      <FormLayout>
        <FormLayout.Group>
          <FormTextField
            label="Padding (carrier delivery days)"
            helpText="Added after the latest raw delivery day. Shoppers see the padded date."
            type="number"
            value={String(draft.paddingDays)}
            onChange={(text) => onChange({ ...draft, paddingDays: parseNumberInput(text) })}
            errors={errors}
            path="paddingDays"
          />
          <FormTextField
            label="Target kept-rate (%)"
            helpText="The share of promises to keep, e.g. 95. Stored for the padding auto-tuner (a later release)."
            type="number"
            value={percentText}
            onChange={setPercent}
            errors={errors}
            path="targetKeptRate"
          />
        </FormLayout.Group>
      </FormLayout>
    </SectionCard>
  );
}
