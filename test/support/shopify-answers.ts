// Admin API answers in the shapes Shopify sends (2026-01), for the Admin API doubles.

const cost = { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } };

let discountSequence = 1000;

export function discountCreated() {
  discountSequence += 1;
  return {
    data: { discountCodeBasicCreate: { codeDiscountNode: { id: `gid://shopify/DiscountCodeNode/${discountSequence}` }, userErrors: [] } },
    extensions: { cost },
  };
}

export function discountRefused(userErrors: { field: string[] | null; code: string; message: string }[]) {
  return { data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } }, extensions: { cost } };
}

export const CODE_TAKEN = { field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." };

export function discountByCode(id: string | null, title?: string) {
  return { data: { codeDiscountNodeByCode: id ? { id, codeDiscount: { title } } : null }, extensions: { cost } };
}

function tagsAdded(variables: Record<string, unknown>) {
  return { data: { tagsAdd: { node: { id: variables.id }, userErrors: [] } }, extensions: { cost } };
}

function metafieldsSaved(variables: Record<string, unknown>) {
  const inputs = variables.metafields as { namespace: string; key: string }[];
  const metafields = inputs.map((input, index) => ({
    id: `gid://shopify/Metafield/${7000 + index}`,
    namespace: input.namespace === "$app" ? "app--1234" : input.namespace,
    key: input.key,
  }));
  return { data: { metafieldsSet: { metafields, userErrors: [] } }, extensions: { cost } };
}

/** A customer as Shopify knows them: every order's creation instant (orders from before Kept was installed too) and tags. */
export type ShopifyCustomer = { id: string; ordersCreatedAt: string[]; tags: string[] };

/**
 * InsertOrderFacts answered from a small model of the shop, as Shopify would: numberOfOrders is the customer's
 * lifetime count as an UnsignedInt64 (a string), laterOrders counts their orders created after the query's
 * `created_at:>'…'`, lineItems carry `product { id productType }` ("" when a product has no type, null for a
 * deleted product), and what the query does not @include is absent. `customer: null` is a guest order.
 */
export function orderFactsAnswer(shop: { customer: ShopifyCustomer | null; productTypes?: Record<string, string | null> }) {
  return (variables: Record<string, unknown>) => {
    const { customer } = shop;
    const order: Record<string, unknown> = { id: variables.id };
    if (variables.withCustomer) {
      order.customer = customer && { id: customer.id, numberOfOrders: String(customer.ordersCreatedAt.length), tags: customer.tags };
    }
    if (variables.withProducts) {
      order.lineItems = {
        nodes: Object.entries(shop.productTypes ?? {}).map(([id, productType]) => ({ product: productType === null ? null : { id, productType } })),
      };
    }
    const data: Record<string, unknown> = { order };
    if (variables.withCount) {
      const query = /^customer_id:(\d+) created_at:>'([^']+)'$/.exec(String(variables.laterOrders));
      const after = query ? Date.parse(query[2]) : Number.NaN;
      const mine = customer && query && customer.id.endsWith(`/${query[1]}`) ? customer.ordersCreatedAt : [];
      data.laterOrders = { count: mine.filter((at) => Date.parse(at) > after).length, precision: "EXACT" };
    }
    return { data, extensions: { cost } };
  };
}

/**
 * Shopify's answer when the app may not read customers (read_customers not granted, or protected customer data
 * not approved): the nullable field is null and the error names it.
 */
export function customerAccessDenied(variables: Record<string, unknown>) {
  return {
    errors: [
      {
        message: "Access denied for customer field. Required access: `read_customers` access scope.",
        locations: [{ line: 9, column: 7 }],
        path: ["order", "customer"],
        extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes" },
      },
    ],
    data: { order: { id: variables.id, customer: null } },
    extensions: { cost },
  };
}

export const THROTTLED = {
  errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
  extensions: { cost },
};

/** Every call the insert pipeline makes, answered as a healthy shop would (order facts: a new customer, no tags or types). */
export function healthyInsertAnswers() {
  return {
    InsertOrderFacts: orderFactsAnswer({ customer: { id: "gid://shopify/Customer/501", ordersCreatedAt: ["2026-11-20T09:00:00Z"], tags: [] } }),
    DiscountCodeBasicCreate: () => discountCreated(),
    TagsAdd: (variables: Record<string, unknown>) => tagsAdded(variables),
    MetafieldsSet: (variables: Record<string, unknown>) => metafieldsSaved(variables),
  };
}
