import { Checkbox, FormLayout, Select, Text } from "@shopify/polaris";
import { FormTextField, NumberField } from "~/components/common/FormTextField";
import { SectionCard } from "~/components/common/SectionCard";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";

type Discount = NonNullable<FollowUpRule["discount"]>;

const KIND_OPTIONS = [
  { value: "percentage", label: "Percentage off" },
  { value: "fixed_amount", label: "Amount off" },
];
const NEW_DISCOUNT: Discount = { kind: "percentage", value: "10", expiresInDays: 30 };

/** An apology's personal discount code (docs/follow-ups.md, "Codes in apologies"): on or off, and its terms. */
export function DiscountFields({
  discount,
  currency,
  onChange,
}: {
  discount: Discount | undefined;
  currency: string;
  onChange: (discount: Discount | undefined) => void;
}) {
  return (
    <SectionCard title="Discount code" gap="300">
      <Checkbox
        label="Add a personal code for the next order"
        helpText="Made in Shopify just before the apology goes out, single-use, for this customer. With a code the apology is marketing: a customer without marketing consent gets the apology without it."
        checked={discount !== undefined}
        onChange={(checked) => onChange(checked ? NEW_DISCOUNT : undefined)}
      />
      {discount ? (
        <FormLayout>
          <FormLayout.Group condensed>
            <Select
              label="Discount"
              options={KIND_OPTIONS}
              value={discount.kind}
              onChange={(kind) => onChange({ ...discount, kind: kind as Discount["kind"] })}
            />
            <FormTextField
              label={discount.kind === "percentage" ? "Percent" : `Amount (${currency})`}
              value={discount.value}
              onChange={(value) => onChange({ ...discount, value })}
              path="discount.value"
            />
            <NumberField
              label="Valid for days"
              range={[1, 365]}
              value={discount.expiresInDays}
              onChange={(expiresInDays) => onChange({ ...discount, expiresInDays })}
              path="discount.expiresInDays"
            />
          </FormLayout.Group>
          <FormTextField
            label="Code prefix"
            helpText="Instead of the customer's first name, e.g. SORRY-7KQ2-XM4P. Leave empty to use the name."
            value={discount.prefix ?? ""}
            onChange={(prefix) => onChange({ ...discount, prefix: prefix.trim() === "" ? undefined : prefix })}
            path="discount.prefix"
          />
          <Text as="p" tone="subdued">
            The email shows the code and the date it expires, in the customer&apos;s language.
          </Text>
        </FormLayout>
      ) : null}
    </SectionCard>
  );
}
