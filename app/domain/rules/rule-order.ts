/**
 * One line of a paid order, as the rules engine sees it. Identifiers are Admin API GIDs; any of them may be
 * missing (custom line items have no product, deleted products lose their vendor).
 */
export type RuleOrderLine = {
  productGid: string | null;
  variantGid: string | null;
  sku: string | null;
  vendor: string | null;
  /** Null when unknown (Shopify was not asked or could not answer): product-type conditions then never match. */
  productType: string | null;
  title: string;
  quantity: number;
};

/**
 * The normalized order every insert rule is evaluated against. It is built from Kept's order record plus the
 * facts order webhooks lack (order count, customer tags, product types; see resolved-facts.ts) by the caller;
 * the engine never fetches anything itself.
 *
 * Money is a decimal string ("120.00") and is never float-parsed for comparisons.
 * `customerOrdersCount` counts orders including this one, so 1 means "first order"; null means unknown (guest).
 * `customerTags` null means unknown: no customer-tag condition matches (not even "has none of").
 * `sourceName` is Shopify's channel name: 'web' (online store), 'pos', 'shopify_draft_order', an app id, ….
 */
export type RuleOrder = {
  orderGid: string;
  name: string;
  createdAt: string;
  currency: string;
  totalPrice: string;
  customerGid: string | null;
  customerOrdersCount: number | null;
  customerTags: string[] | null;
  tags: string[];
  discountCodes: string[];
  shipCountry: string | null;
  shipProvince: string | null;
  shipZip: string | null;
  shippingMethod: string | null;
  shippingCode: string | null;
  sourceName: string | null;
  customerLocale: string | null;
  lines: RuleOrderLine[];
};
