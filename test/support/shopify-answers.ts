// Admin API answers in the shapes Shopify sends (2026-01), for the Admin API doubles.

const cost = { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } };

let discountSequence = 1000;

export function discountCreated() {
  discountSequence += 1;
  return { data: { discountCodeBasicCreate: { codeDiscountNode: { id: `gid://shopify/DiscountCodeNode/${discountSequence}` }, userErrors: [] } }, extensions: { cost } };
}

export function discountRefused(userErrors: { field: string[] | null; code: string; message: string }[]) {
  return { data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } }, extensions: { cost } };
}

export const CODE_TAKEN = { field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." };

export function discountByCode(id: string | null, title?: string) {
  return { data: { codeDiscountNodeByCode: id ? { id, codeDiscount: { title } } : null }, extensions: { cost } };
}

export function tagsAdded(variables: Record<string, unknown>) {
  return { data: { tagsAdd: { node: { id: variables.id }, userErrors: [] } }, extensions: { cost } };
}

export function metafieldsSaved(variables: Record<string, unknown>) {
  const inputs = variables.metafields as { namespace: string; key: string }[];
  const metafields = inputs.map((input, index) => ({
    id: `gid://shopify/Metafield/${7000 + index}`,
    namespace: input.namespace === "$app" ? "app--1234" : input.namespace,
    key: input.key,
  }));
  return { data: { metafieldsSet: { metafields, userErrors: [] } }, extensions: { cost } };
}

export const THROTTLED = { errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }], extensions: { cost } };

/** Every write the insert pipeline makes, answered as a healthy shop would. */
export function healthyInsertAnswers() {
  return {
    DiscountCodeBasicCreate: () => discountCreated(),
    TagsAdd: (variables: Record<string, unknown>) => tagsAdded(variables),
    MetafieldsSet: (variables: Record<string, unknown>) => metafieldsSaved(variables),
  };
}
