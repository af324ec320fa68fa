import { BlockStack, Banner, Button, Checkbox, FormLayout, InlineStack, Select, Text } from "@shopify/polaris";
import type { DiscountAction, RuleActions } from "~/domain/rules/rule-model";
import { FormTextField, NumberField, parseNumberInput } from "~/components/common/FormTextField";
import { errorAt, type FieldError } from "~/utils/form-json";
import { formatDateTime } from "~/utils/format";

export type StockState = { hadPhysicalItem: boolean; stockOutAt: Date | string | null; edited: boolean };
type Props = {
  actions: RuleActions;
  templates: { id: string; name: string }[];
  stock: StockState;
  errors: FieldError[];
  onChange: (actions: RuleActions) => void;
  onStockEdited: () => void;
};

const DEFAULT_DISCOUNT: DiscountAction = { kind: "percentage", value: "10", expiresInDays: 30 };
const without = <K extends keyof RuleActions>(actions: RuleActions, key: K): RuleActions =>
  Object.fromEntries(Object.entries(actions).filter(([name]) => name !== key));

function StockFields({ actions, stock, onChange, onStockEdited }: Omit<Props, "errors">) {
  const item = actions.physicalItem;
  if (!item) return null;
  const setStock = (value: number | null) => {
    onStockEdited();
    onChange({ ...actions, physicalItem: { ...item, stock: value } });
  };
  const isLive = stock.hadPhysicalItem && !stock.edited;
  return (
    <BlockStack gap="200">
      {stock.stockOutAt && isLive ? (
        <Banner tone="critical">
          <p>{`Ran out on ${formatDateTime(stock.stockOutAt)}: matching orders get the next matching rule instead. Enter a new stock to restock.`}</p>
        </Banner>
      ) : null}
      {isLive ? (
        <BlockStack gap="100">
          <Text as="p">{item.stock === null ? "In stock: unlimited." : `In stock now: ${item.stock}. It counts down with every parcel that gets one.`}</Text>
          <InlineStack>
            <Button onClick={onStockEdited}>Change stock</Button>
          </InlineStack>
        </BlockStack>
      ) : (
        <FormLayout.Group>
          <Checkbox label="Unlimited" checked={item.stock === null} onChange={(checked) => setStock(checked ? null : (parseNumberInput("") as number))} />
          {item.stock !== null ? (
            <NumberField
              label="Stock"
              range={[0]}
              value={item.stock}
              onChange={setStock}
              helpText={stock.hadPhysicalItem ? "Replaces the current count (a restock)." : "How many you have; it counts down as parcels are packed."}
              path="actions.physicalItem.stock"
            />
          ) : null}
        </FormLayout.Group>
      )}
    </BlockStack>
  );
}

/** What the rule puts in the parcel: a printed insert, a physical item with stock, a personal discount code. */
export function ActionsFields(props: Props) {
  const { actions, templates, errors, onChange } = props;
  const { physicalItem: item, discount } = actions;
  const templateOptions = [{ value: "", label: "No printed insert" }, ...templates.map((template) => ({ value: template.id, label: template.name }))];
  const setDiscount = (patch: Partial<DiscountAction>) => discount && onChange({ ...actions, discount: { ...discount, ...patch } });
  return (
    <FormLayout>
      <Select
        label="Printed insert"
        options={templateOptions}
        value={actions.insertTemplateId ?? ""}
        error={errorAt(errors, "actions.insertTemplateId")}
        onChange={(id) => onChange(id === "" ? without(actions, "insertTemplateId") : { ...actions, insertTemplateId: id })}
      />
      <Checkbox
        label="Add a physical item for the packer"
        checked={item !== undefined}
        onChange={(checked) => onChange(checked ? { ...actions, physicalItem: { label: "", stock: null } } : without(actions, "physicalItem"))}
      />
      {item ? (
        <BlockStack gap="200">
          <FormTextField
            label="Item"
            value={item.label}
            onChange={(label) => onChange({ ...actions, physicalItem: { ...item, label } })}
            placeholder="Lavender soap sample"
            helpText='The packing plan says "Add: <item>".'
            path="actions.physicalItem.label"
          />
          <StockFields {...props} />
        </BlockStack>
      ) : null}
      <Checkbox
        label="Give a personal discount code for the next order"
        checked={discount !== undefined}
        onChange={(checked) => onChange(checked ? { ...actions, discount: DEFAULT_DISCOUNT } : without(actions, "discount"))}
      />
      {discount ? (
        <FormLayout.Group>
          <Select
            label="Discount"
            options={[
              { value: "percentage", label: "Percentage" },
              { value: "fixed_amount", label: "Fixed amount" },
            ]}
            value={discount.kind}
            onChange={(kind) => setDiscount({ kind: kind === "fixed_amount" ? "fixed_amount" : "percentage" })}
          />
          <FormTextField
            label="Value"
            value={discount.value}
            onChange={(value) => setDiscount({ value })}
            suffix={discount.kind === "percentage" ? "%" : undefined}
            path="actions.discount.value"
          />
          <NumberField
            label="Valid for (days)"
            range={[1, 365]}
            value={discount.expiresInDays}
            onChange={(expiresInDays) => setDiscount({ expiresInDays })}
            path="actions.discount.expiresInDays"
          />
          <FormTextField
            label="Code prefix (optional)"
            value={discount.prefix ?? ""}
            onChange={(prefix) => setDiscount({ prefix: prefix === "" ? undefined : prefix })}
            placeholder="THANKS"
            path="actions.discount.prefix"
          />
        </FormLayout.Group>
      ) : null}
    </FormLayout>
  );
}
