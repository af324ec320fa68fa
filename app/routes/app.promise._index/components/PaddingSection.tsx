import { useState } from "react";
import { FormLayout, Text } from "@shopify/polaris";
import { FormTextField, NumberField, parseNumberInput } from "~/components/common/FormTextField";
import type { Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void };

const toPercentText = (rate: Draft["targetKeptRate"]) => (typeof rate === "number" ? String(Math.round(rate * 1000) / 10) : rate);

/** The padding shoppers get on top of the raw estimate, and the kept-rate the padding should reach. */
export function PaddingSection({ draft, onChange }: Props) {
  // The percentage is typed as text ("99.") and stored as a fraction (0.99); keep the text while typing.
  const [percentText, setPercentText] = useState(() => toPercentText(draft.targetKeptRate));
  const setPercent = (text: string) => {
    setPercentText(text);
    const value = parseNumberInput(text);
    onChange({ ...draft, targetKeptRate: typeof value === "number" ? Math.round(value * 10) / 1000 : text });
  };
  return (
    <SectionCard title="Padding" gap="300">
      <Text as="p" tone="subdued">
        Promise a little later, deliver a little earlier: a day of padding turns most carrier delays into a parcel that still arrives on time.
      </Text>
      <FormLayout>
        <FormLayout.Group>
          <NumberField
            label="Padding (carrier delivery days)"
            helpText="Added after the latest raw delivery day, on every lane without its own. Shoppers see the padded date."
            value={draft.paddingDays}
            onChange={(paddingDays) => onChange({ ...draft, paddingDays })}
            path="paddingDays"
          />
          <FormTextField
            label="Target kept-rate (%)"
            helpText="The share of promises to keep, e.g. 95. The Padding tuner proposes each lane's padding to reach it."
            type="number"
            value={percentText}
            onChange={setPercent}
            path="targetKeptRate"
          />
        </FormLayout.Group>
      </FormLayout>
    </SectionCard>
  );
}
