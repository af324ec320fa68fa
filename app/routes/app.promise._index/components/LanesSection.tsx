import { BlockStack, Box, Button, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { errorAt, type FieldError } from "~/utils/form-json";
import { optionalText, removeAt, replaceAt, type Draft, type DraftLane } from "./draft";
import { parseNumberInput } from "~/components/common/FormTextField";
import { SectionCard } from "~/components/common/SectionCard";

type Props = { draft: Draft; onChange: (next: Draft) => void; errors: FieldError[] };

const NEW_LANE: DraftLane = { id: "", label: "", method: {}, destination: { country: "" }, transitDays: { min: 1, max: 3 } };

/** The lane with its own padding as typed, or without one when the field is emptied (the shop's applies). */
function withPadding(lane: DraftLane, text: string): DraftLane {
  if (text.trim() !== "") return { ...lane, paddingDays: parseNumberInput(text) };
  const { paddingDays: _ignored, ...rest } = lane;
  return rest;
}

function LaneFields({
  lane,
  index,
  errors,
  shopPadding,
  onChange,
  onRemove,
}: {
  lane: DraftLane;
  index: number;
  errors: FieldError[];
  shopPadding: Draft["paddingDays"];
  onChange: (lane: DraftLane) => void;
  onRemove: () => void;
}) {
  const at = (path: string) => errorAt(errors, `lanes.${index}.${path}`);
  const name = `Lane ${index + 1}`;
  return (
    <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200">
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {lane.label || name}
          </Text>
          <Button tone="critical" variant="plain" onClick={onRemove} accessibilityLabel={`Remove ${name}`}>
            Remove
          </Button>
        </InlineStack>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="200">
          <TextField label={`${name} id`} autoComplete="off" value={lane.id} onChange={(id) => onChange({ ...lane, id })} error={at("id")} />
          <TextField label={`${name} label`} autoComplete="off" value={lane.label} onChange={(label) => onChange({ ...lane, label })} error={at("label")} />
          <TextField
            label={`${name} method handle`}
            autoComplete="off"
            value={lane.method.handle ?? ""}
            onChange={(handle) => onChange({ ...lane, method: { ...lane.method, handle: optionalText(handle) } })}
            error={at("method.handle") ?? at("method")}
          />
          <TextField
            label={`${name} method title pattern`}
            autoComplete="off"
            value={lane.method.titlePattern ?? ""}
            onChange={(titlePattern) => onChange({ ...lane, method: { ...lane.method, titlePattern: optionalText(titlePattern) } })}
            error={at("method.titlePattern")}
          />
        </InlineGrid>
        <InlineGrid columns={{ xs: 2, md: 6 }} gap="200">
          <TextField
            label={`${name} country`}
            autoComplete="off"
            value={lane.destination.country}
            onChange={(country) => onChange({ ...lane, destination: { ...lane.destination, country: country.toUpperCase() } })}
            error={at("destination.country")}
          />
          <TextField
            label={`${name} region`}
            autoComplete="off"
            value={lane.destination.region ?? ""}
            onChange={(region) => onChange({ ...lane, destination: { ...lane.destination, region: optionalText(region.toUpperCase()) } })}
            error={at("destination.region")}
          />
          <TextField
            label={`${name} postal prefix`}
            autoComplete="off"
            value={lane.destination.postalPrefix ?? ""}
            onChange={(postalPrefix) => onChange({ ...lane, destination: { ...lane.destination, postalPrefix: optionalText(postalPrefix.toUpperCase()) } })}
            error={at("destination.postalPrefix")}
          />
          <TextField
            label={`${name} transit min (days)`}
            type="number"
            autoComplete="off"
            value={String(lane.transitDays.min)}
            onChange={(text) => onChange({ ...lane, transitDays: { ...lane.transitDays, min: parseNumberInput(text) } })}
            error={at("transitDays.min")}
          />
          <TextField
            label={`${name} transit max (days)`}
            type="number"
            autoComplete="off"
            value={String(lane.transitDays.max)}
            onChange={(text) => onChange({ ...lane, transitDays: { ...lane.transitDays, max: parseNumberInput(text) } })}
            error={at("transitDays.max")}
          />
          <TextField
            label={`${name} padding (days)`}
            type="number"
            autoComplete="off"
            placeholder={`${shopPadding}`}
            helpText="Blank: the shop's padding"
            value={lane.paddingDays === undefined ? "" : String(lane.paddingDays)}
            onChange={(text) => onChange(withPadding(lane, text))}
            error={at("paddingDays")}
          />
        </InlineGrid>
      </BlockStack>
    </Box>
  );
}

/** Lanes: shipping method (handle or title pattern) × destination (country, region or postal prefix) → transit days. */
export function LanesSection({ draft, onChange, errors }: Props) {
  const lanes = draft.lanes;
  return (
    <SectionCard title="Lanes" gap="300">
      <Text as="p" tone="subdued">
        Carrier transit time per shipping method and destination, in carrier delivery days, and a lane's own padding when it needs more or less than the shop's
        (the Padding tuner tab proposes one from your deliveries). The id (e.g. se-standard) is stored with every promise. A method matches by its exact handle,
        or by a title pattern: part of the title ("postnord") or a glob over the whole title ("*express*"). The country is a two-letter code, or "*" for the
        rest of the world. The most specific destination wins: postal prefix, then region, then country, then "*". No lane, no promise.
      </Text>
      {errorAt(errors, "lanes") ? (
        <Text as="p" tone="critical">
          {errorAt(errors, "lanes")}
        </Text>
      ) : null}
      {lanes.map((lane, index) => (
        <LaneFields
          key={index}
          lane={lane}
          index={index}
          errors={errors}
          shopPadding={draft.paddingDays}
          onChange={(next) => onChange({ ...draft, lanes: replaceAt(lanes, index, next) })}
          onRemove={() => onChange({ ...draft, lanes: removeAt(lanes, index) })}
        />
      ))}
      <InlineStack>
        <Button onClick={() => onChange({ ...draft, lanes: [...lanes, NEW_LANE] })}>Add a lane</Button>
      </InlineStack>
    </SectionCard>
  );
}
