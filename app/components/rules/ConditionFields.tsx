import { BlockStack, ChoiceList, InlineStack, Select, Text } from "@shopify/polaris";
import type { Condition, LineItemField, SalesChannel } from "~/domain/rules/rule-model";
import { FormTextField, NumberField } from "~/components/common/FormTextField";
import type { SeenProduct } from "~/models/inserts/insert-rule-orders.server";
import { errorsUnder, type FieldError } from "~/utils/form-json";
import { LINE_ITEM_FIELDS } from "./condition-kinds";
import { ProductValuesField } from "./ProductValuesField";
import { ShipToField } from "./ShipToField";
import { ValueListField } from "./ValueListField";

export type ConditionContext = { errors: FieldError[]; products: SeenProduct[]; embedded: boolean };
type Props = ConditionContext & { condition: Condition; path: string; onChange: (condition: Condition) => void };

const TAG_OPS = [
  { value: "any", label: "has any of" },
  { value: "all", label: "has all of" },
  { value: "none", label: "has none of" },
];
const COUNT_OPS = [
  { value: "eq", label: "exactly" },
  { value: "gte", label: "at least" },
  { value: "lte", label: "at most" },
];
const TOTAL_OPS = [
  { value: "gte", label: "at least" },
  { value: "lte", label: "at most" },
  { value: "between", label: "between" },
];
const CHANNELS = [
  { value: "online", label: "Online store" },
  { value: "pos", label: "Point of sale" },
  { value: "other", label: "Other channels (apps, drafts…)" },
];

// Where the facts order webhooks lack come from (docs/inserts.md, "Facts from Shopify").
const COUNT_HELP =
  "Counted by Shopify when the order arrives, orders from before Kept was installed included. If Shopify cannot be reached, Kept counts the customer's orders it has recorded since install. Guests without an account never match.";
const CUSTOMER_TAGS_HELP =
  "Kept asks Shopify for the customer's tags when the order arrives. If Shopify cannot be reached, this condition does not match that order.";
const PRODUCT_TYPE_HELP =
  "Kept asks Shopify for the products' types when the order arrives. If Shopify cannot be reached, this condition does not match that order.";

/** The first problem of a list field or any of its entries. */
const listError = (errors: FieldError[], path: string) => errorsUnder(errors, path)[0]?.message;

function OrderTotalFields({ condition, path, onChange }: Props & { condition: Extract<Condition, { kind: "order-total" }> }) {
  const setOp = (op: string) =>
    onChange(
      op === "between"
        ? { kind: "order-total", currency: condition.currency, op: "between", min: "", max: "" }
        : { kind: "order-total", currency: condition.currency, op: op === "lte" ? "lte" : "gte", amount: "" },
    );
  return (
    <InlineStack gap="200" blockAlign="start">
      <Select label="Total is" options={TOTAL_OPS} value={condition.op} onChange={setOp} />
      {condition.op === "between" ? (
        <>
          <FormTextField label="From" value={condition.min} onChange={(min) => onChange({ ...condition, min })} path={`${path}.min`} />
          <FormTextField label="To" value={condition.max} onChange={(max) => onChange({ ...condition, max })} path={`${path}.max`} />
        </>
      ) : (
        <FormTextField
          label="Amount"
          value={condition.amount}
          onChange={(amount) => onChange({ ...condition, amount })}
          placeholder="49.90"
          path={`${path}.amount`}
        />
      )}
      <FormTextField
        label="Currency"
        value={condition.currency ?? ""}
        onChange={(currency) => onChange({ ...condition, currency })}
        placeholder="EUR"
        maxLength={3}
        helpText="Orders in other currencies never match."
        path={`${path}.currency`}
      />
    </InlineStack>
  );
}

function LineItemFields({ condition, path, onChange, errors, products, embedded }: Props & { condition: Extract<Condition, { kind: "line-item" }> }) {
  const setField = (field: string) => onChange({ kind: "line-item", field: field as LineItemField, values: [] });
  const isProduct = condition.field === "product" || condition.field === "variant";
  return (
    <InlineStack gap="200" blockAlign="start">
      <Select label="Any line's" options={LINE_ITEM_FIELDS} value={condition.field} onChange={setField} />
      {isProduct ? (
        <ProductValuesField
          field={condition.field === "product" ? "product" : "variant"}
          values={condition.values}
          onChange={(values) => onChange({ ...condition, values })}
          products={products}
          embedded={embedded}
          error={listError(errors, `${path}.values`)}
        />
      ) : (
        <ValueListField
          label="is one of"
          values={condition.values}
          onChange={(values) => onChange({ ...condition, values })}
          error={listError(errors, `${path}.values`)}
          placeholder={condition.field === "title" ? "Lavender*" : undefined}
          helpText={condition.field === "productType" ? PRODUCT_TYPE_HELP : undefined}
        />
      )}
    </InlineStack>
  );
}

/** The fields of one condition, by kind. */
export function ConditionFields(props: Props) {
  const { condition, path, onChange, errors } = props;
  switch (condition.kind) {
    case "first-order":
      return (
        <BlockStack gap="100">
          <Text as="p">This is the customer's first order.</Text>
          <Text as="p" tone="subdued">
            {COUNT_HELP}
          </Text>
        </BlockStack>
      );
    case "order-count":
      return (
        <InlineStack gap="200" blockAlign="start">
          <Select
            label="This order is the customer's"
            options={COUNT_OPS}
            value={condition.op}
            onChange={(op) => onChange({ ...condition, op: op as typeof condition.op })}
          />
          <NumberField
            label="Order number"
            range={[1]}
            value={condition.count}
            onChange={(count) => onChange({ ...condition, count })}
            helpText={COUNT_HELP}
            path={`${path}.count`}
          />
        </InlineStack>
      );
    case "order-total":
      return <OrderTotalFields {...props} condition={condition} />;
    case "line-item":
      return <LineItemFields {...props} condition={condition} />;
    case "order-tags":
    case "customer-tags":
      return (
        <InlineStack gap="200" blockAlign="start">
          <Select
            label={condition.kind === "order-tags" ? "The order" : "The customer"}
            options={TAG_OPS}
            value={condition.op}
            onChange={(op) => onChange({ ...condition, op: op as typeof condition.op })}
          />
          <ValueListField
            label="Tags"
            values={condition.tags}
            onChange={(tags) => onChange({ ...condition, tags })}
            error={listError(errors, `${path}.tags`)}
            helpText={condition.kind === "customer-tags" ? CUSTOMER_TAGS_HELP : undefined}
          />
        </InlineStack>
      );
    case "discount-code":
      return (
        <ValueListField
          label="Any of these codes"
          values={condition.codes}
          onChange={(codes) => onChange({ ...condition, codes })}
          error={listError(errors, `${path}.codes`)}
        />
      );
    case "ship-to":
      return <ShipToField zones={condition.zones} onChange={(zones) => onChange({ ...condition, zones })} error={listError(errors, `${path}.zones`)} />;
    case "shipping-method":
      return (
        <ValueListField
          label="Method title matches"
          values={condition.patterns}
          onChange={(patterns) => onChange({ ...condition, patterns })}
          placeholder="Express*"
          error={listError(errors, `${path}.patterns`)}
        />
      );
    case "sales-channel":
      return (
        <ChoiceList
          title="Placed through"
          allowMultiple
          choices={CHANNELS}
          selected={condition.channels}
          onChange={(channels) => onChange({ ...condition, channels: channels as SalesChannel[] })}
          error={listError(errors, `${path}.channels`)}
        />
      );
    case "customer-locale":
      return (
        <ValueListField
          label="Language is one of"
          values={condition.locales}
          onChange={(locales) => onChange({ ...condition, locales })}
          placeholder="de, sv, fr-CA"
          helpText='"de" also matches de-CH and de-AT.'
          error={listError(errors, `${path}.locales`)}
        />
      );
  }
}
