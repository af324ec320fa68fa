import { BlockStack, Checkbox, FormLayout, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { errorAt, type FieldError } from "~/utils/form-json";
import { FormTextField, NumberField } from "~/components/common/FormTextField";
import { WEEKDAYS, WEEKDAY_NAMES, toggleDay, type Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void; errors: FieldError[] };

/** Working days with their cut-offs, processing time, and the carrier's delivery days. */
export function ScheduleSection({ draft, onChange, errors }: Props) {
  const setCutoff = (day: string, time: string) => {
    const { [day]: _previous, ...rest } = draft.cutoffs;
    onChange({ ...draft, cutoffs: time.trim() === "" ? rest : { ...rest, [day]: time.trim() } });
  };
  // A processing-days bound's value, change and path (the maximum also shows the error about the pair).
  const processingField = (key: "min" | "max") => ({
    value: draft.processingDays[key],
    onChange: (days: number) => onChange({ ...draft, processingDays: { ...draft.processingDays, [key]: days } }),
    path: `processingDays.${key}`,
  });
  return (
    <SectionCard title="Warehouse days and cut-offs" gap="300">
      <Text as="p" tone="subdued">
        An order placed strictly before a working day's cut-off (shop time) starts processing that day; at or after it, the next working day.
      </Text>
      <BlockStack gap="200">
        {WEEKDAYS.map((day) => (
          <InlineGrid key={day} columns={["oneThird", "twoThirds"]} gap="300" alignItems="center">
            <Checkbox
              label={`Ships on ${WEEKDAY_NAMES[day]}`}
              checked={draft.workingDays.includes(day)}
              onChange={(isOn) => onChange({ ...draft, workingDays: toggleDay(draft.workingDays, day, isOn) })}
            />
            <FormTextField
              label={`Cut-off ${WEEKDAY_NAMES[day]}`}
              placeholder="HH:MM, e.g. 14:00"
              value={draft.cutoffs[day] ?? ""}
              onChange={(time) => setCutoff(day, time)}
              path={`cutoffs.${day}`}
            />
          </InlineGrid>
        ))}
        {errorAt(errors, "workingDays") ? (
          <Text as="p" tone="critical">
            {errorAt(errors, "workingDays")}
          </Text>
        ) : null}
      </BlockStack>
      <FormLayout>
        <FormLayout.Group>
          <NumberField label="Processing time, minimum (business days)" {...processingField("min")} />
          <NumberField label="Processing time, maximum (business days)" {...processingField("max")} path={["processingDays.max", "processingDays"]} />
        </FormLayout.Group>
      </FormLayout>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          Carrier delivery days
        </Text>
        <InlineStack gap="400">
          {WEEKDAYS.map((day) => (
            <Checkbox
              key={day}
              label={`${WEEKDAY_NAMES[day].slice(0, 3)}`}
              checked={draft.carrier.deliveryDays.includes(day)}
              onChange={(isOn) => onChange({ ...draft, carrier: { ...draft.carrier, deliveryDays: toggleDay(draft.carrier.deliveryDays, day, isOn) } })}
            />
          ))}
        </InlineStack>
        {errorAt(errors, "carrier.deliveryDays") ? (
          <Text as="p" tone="critical">
            {errorAt(errors, "carrier.deliveryDays")}
          </Text>
        ) : null}
      </BlockStack>
    </SectionCard>
  );
}
