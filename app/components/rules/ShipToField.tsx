import { BlockStack, Button, InlineError, InlineStack, Tag, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { ShippingZone } from "~/domain/rules/rule-model";

const describeZone = (zone: ShippingZone) => (zone.provinces?.length ? `${zone.country}: ${zone.provinces.join(", ")}` : zone.country);

/** Destinations: a country code, optionally with some of its provinces or states. */
export function ShipToField({ zones, onChange, error }: { zones: ShippingZone[]; onChange: (zones: ShippingZone[]) => void; error?: string }) {
  const [country, setCountry] = useState("");
  const [provinces, setProvinces] = useState("");
  const add = () => {
    if (country.trim() === "") return;
    const codes = provinces
      .split(",")
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    onChange([...zones, { country: country.trim().toUpperCase(), ...(codes.length > 0 ? { provinces: codes } : {}) }]);
    setCountry("");
    setProvinces("");
  };
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="end">
        <TextField label="Country code" value={country} onChange={setCountry} autoComplete="off" placeholder="DE" maxLength={2} />
        <TextField label="Provinces or states (optional)" value={provinces} onChange={setProvinces} autoComplete="off" placeholder="CA, NY" />
        <Button onClick={add}>Add destination</Button>
      </InlineStack>
      {zones.length > 0 ? (
        <InlineStack gap="100">
          {zones.map((zone, index) => (
            <Tag key={`${describeZone(zone)}-${index}`} onRemove={() => onChange(zones.filter((_, other) => other !== index))}>
              {describeZone(zone)}
            </Tag>
          ))}
        </InlineStack>
      ) : null}
      {error ? <InlineError message={error} fieldID="ship-to" /> : null}
    </BlockStack>
  );
}
