// `plan.shopifyPlus` decides which checkout surface dates shipping options (the shipping-step extension
// renders only on Plus); Shop.plan needs no access scope.
export const PROMISE_SHOP_CONTEXT_QUERY = `#graphql
  query PromiseShopContext {
    shop {
      id
      ianaTimezone
      plan {
        shopifyPlus
      }
    }
  }
`;
