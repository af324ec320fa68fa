import { Checkbox, FormLayout, Select } from "@shopify/polaris";
import { errorAt, type FieldError } from "~/utils/form-json";
import { FormTextField } from "~/components/common/FormTextField";
import { optionalText, type Draft } from "./draft";
import { SectionCard } from "~/components/common/SectionCard";

export type HolidayCalendars = { countries: { code: string; name: string }[]; regions: Record<string, { code: string; name: string }[]> };

type Props = { draft: Draft; onChange: (next: Draft) => void; errors: FieldError[]; calendars: HolidayCalendars };

/** The warehouse clock and whose public holidays close it (date-holidays' calendars). */
export function CalendarSection({ draft, onChange, errors, calendars }: Props) {
  const setShop = (shop: Partial<Draft["shop"]>) => onChange({ ...draft, shop: { ...draft.shop, ...shop } });
  const regions = calendars.regions[draft.shop.country] ?? [];
  return (
    <SectionCard title="Clock and holidays" gap="300">
      <FormLayout>
        <FormLayout.Group>
          <FormTextField
            label="Shop time zone"
            helpText="IANA name, e.g. Europe/Stockholm. Cut-offs and ship dates use this clock."
            value={draft.shop.timeZone}
            onChange={(timeZone) => setShop({ timeZone })}
            path="shop.timeZone"
          />
          <Select
            label="Public holidays of"
            options={calendars.countries.map(({ code, name }) => ({ label: `${name} (${code})`, value: code }))}
            value={draft.shop.country}
            onChange={(country) => setShop({ country, region: undefined })}
            error={errorAt(errors, "shop.country")}
          />
          <Select
            label="Region"
            disabled={regions.length === 0}
            options={[
              { label: regions.length ? "Whole country" : "No regions", value: "" },
              ...regions.map(({ code, name }) => ({ label: `${name} (${code})`, value: code })),
            ]}
            value={draft.shop.region ?? ""}
            onChange={(region) => setShop({ region: optionalText(region) })}
            error={errorAt(errors, "shop.region")}
          />
        </FormLayout.Group>
        <Checkbox
          label="Also close on full-day bank holidays (e.g. Swedish midsummer eve, Christmas eve)"
          checked={draft.shop.includeBankHolidays ?? true}
          onChange={(includeBankHolidays) => setShop({ includeBankHolidays })}
        />
      </FormLayout>
    </SectionCard>
  );
}
