import { BlockStack, Button, InlineError, InlineStack, Select, Text } from "@shopify/polaris";
import type { SeenProduct } from "~/models/inserts/insert-rule-orders.server";
import { RemovableTags } from "./RemovableTags";

type Props = {
  field: "product" | "variant";
  values: string[];
  onChange: (values: string[]) => void;
  products: SeenProduct[];
  /** Inside the Shopify admin, App Bridge's resource picker browses the whole catalogue. */
  embedded: boolean;
  error?: string;
};

/** Product or variant GIDs, picked from products seen in the shop's orders, or (embedded) from Shopify. */
export function ProductValuesField({ field, values, onChange, products, embedded, error }: Props) {
  const choices =
    field === "product"
      ? products.map((product) => ({ value: product.productGid, label: product.title }))
      : products.flatMap((product) =>
          product.variants.map((variant) => ({
            value: variant.variantGid,
            label: `${product.title}${variant.title !== product.title ? ` – ${variant.title}` : ""}${variant.sku ? ` (${variant.sku})` : ""}`,
          })),
        );
  const titleOf = (gid: string) => choices.find((choice) => choice.value === gid)?.label ?? gid;
  const add = (gids: string[]) => onChange([...values, ...gids.filter((gid) => gid !== "" && !values.includes(gid))]);
  const browse = async () => {
    const picked = await globalThis.shopify.resourcePicker({ type: field, multiple: true, action: "select" });
    if (picked) add(picked.map((resource) => resource.id));
  };
  const label = field === "product" ? "Add a product seen in your orders" : "Add a variant seen in your orders";
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="end">
        <Select
          label={label}
          options={[{ value: "", label: choices.length > 0 ? "Choose…" : "No products in your orders yet" }, ...choices]}
          value=""
          onChange={(gid) => add([gid])}
          disabled={choices.length === 0}
        />
        {embedded ? <Button onClick={() => void browse()}>Browse products in Shopify</Button> : null}
      </InlineStack>
      {values.length > 0 ? (
        <RemovableTags values={values} onChange={onChange} display={titleOf} />
      ) : (
        <Text as="p" tone="subdued">{`No ${field}s chosen yet.`}</Text>
      )}
      {error ? <InlineError message={error} fieldID={`${field}-values`} /> : null}
    </BlockStack>
  );
}
