import { BlockStack, Button, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { FormTextField } from "~/components/common/FormTextField";
import { optionalText, removeAt, replaceAt, type Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void };

function DateList({ title, dates, path, onChange }: { title: string; dates: string[]; path: string; onChange: (dates: string[]) => void }) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {dates.length === 0 ? (
        <Text as="p" tone="subdued">
          None.
        </Text>
      ) : null}
      {dates.map((date, index) => (
        <InlineStack key={index} gap="200" blockAlign="end">
          <FormTextField
            label={`${title}, date ${index + 1}`}
            type="date"
            value={date}
            onChange={(value) => onChange(replaceAt(dates, index, value))}
            path={`${path}.${index}`}
          />
          <Button onClick={() => onChange(removeAt(dates, index))} accessibilityLabel={`Remove ${title.toLowerCase()} ${index + 1}`}>
            Remove
          </Button>
        </InlineStack>
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...dates, ""])}>Add a date</Button>
      </InlineStack>
    </BlockStack>
  );
}

/** Days the warehouse or the carrier is closed beyond public holidays: single dates and ranges. */
export function ClosuresSection({ draft, onChange }: Props) {
  const ranges = draft.closedRanges;
  const setRange = (index: number, patch: Partial<Draft["closedRanges"][number]>) =>
    onChange({ ...draft, closedRanges: replaceAt(ranges, index, { ...ranges[index], ...patch }) });
  return (
    <SectionCard title="Closed days" gap="400">
      <DateList title="Warehouse closed" dates={draft.closedDates} path="closedDates" onChange={(closedDates) => onChange({ ...draft, closedDates })} />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Closures over several days (both ends included)
        </Text>
        {ranges.length === 0 ? (
          <Text as="p" tone="subdued">
            None.
          </Text>
        ) : null}
        {ranges.map((range, index) => (
          <InlineGrid key={index} columns={4} gap="200" alignItems="end">
            <FormTextField
              label={`Closure ${index + 1} from`}
              type="date"
              value={range.from}
              onChange={(from) => setRange(index, { from })}
              path={`closedRanges.${index}.from`}
            />
            <FormTextField
              label={`Closure ${index + 1} to`}
              type="date"
              value={range.to}
              onChange={(to) => setRange(index, { to })}
              path={`closedRanges.${index}.to`}
            />
            <FormTextField
              label={`Closure ${index + 1} label`}
              value={range.label ?? ""}
              placeholder="Summer closure"
              onChange={(label) => setRange(index, { label: optionalText(label) })}
              path={`closedRanges.${index}.label`}
            />
            <Button onClick={() => onChange({ ...draft, closedRanges: removeAt(ranges, index) })} accessibilityLabel={`Remove closure ${index + 1}`}>
              Remove
            </Button>
          </InlineGrid>
        ))}
        <InlineStack>
          <Button onClick={() => onChange({ ...draft, closedRanges: [...ranges, { from: "", to: "" }] })}>Add a closure</Button>
        </InlineStack>
      </BlockStack>
      <DateList
        title="Carrier closed"
        dates={draft.carrier.closedDates}
        path="carrier.closedDates"
        onChange={(closedDates) => onChange({ ...draft, carrier: { ...draft.carrier, closedDates } })}
      />
    </SectionCard>
  );
}
