import { gid, type ShopWorld, type Variant } from "./fixtures";
import { amount, includedTax, moneyBag, type Presentment } from "./money";

export type ItemSpec = { variant: Variant; quantity: number; properties?: Array<{ name: string; value: string }> };

/** One REST LineItem; `discountShare` is this line's part of the order-level discount (SEK). */
export function buildLineItem(world: ShopWorld, item: ItemSpec, presentment: Presentment, discountShare: number, isFulfilled: boolean) {
  const id = world.nextId("line_item");
  const { variant, quantity } = item;
  const price = Number(variant.price);
  const gross = price * quantity - discountShare;
  const tax = variant.giftCard ? 0 : includedTax(gross);
  return {
    id,
    admin_graphql_api_id: gid("LineItem", id),
    attributed_staffs: [],
    current_quantity: quantity,
    fulfillable_quantity: isFulfilled ? 0 : quantity,
    fulfillment_service: variant.giftCard ? "gift_card" : "manual",
    fulfillment_status: (isFulfilled ? "fulfilled" : null) as string | null,
    gift_card: variant.giftCard,
    grams: variant.grams,
    name: variant.variantTitle ? `${variant.productTitle} - ${variant.variantTitle}` : variant.productTitle,
    price: variant.price,
    price_set: moneyBag(price, presentment),
    product_exists: true,
    product_id: variant.productId,
    properties: item.properties ?? [],
    quantity,
    requires_shipping: !variant.giftCard,
    sku: variant.sku === "" ? null : variant.sku,
    taxable: !variant.giftCard,
    title: variant.productTitle,
    total_discount: "0.00",
    total_discount_set: moneyBag(0, presentment),
    variant_id: variant.variantId,
    variant_inventory_management: variant.giftCard ? null : "shopify",
    variant_title: variant.variantTitle,
    vendor: variant.vendor,
    tax_lines: variant.giftCard ? [] : [{ channel_liable: false, price: amount(tax), price_set: moneyBag(tax, presentment), rate: 0.25, title: "Moms" }],
    duties: [],
    discount_allocations:
      discountShare > 0 ? [{ amount: amount(discountShare), amount_set: moneyBag(discountShare, presentment), discount_application_index: 0 }] : [],
  };
}

export type LineItemPayload = ReturnType<typeof buildLineItem>;
