export const PROMISE_SHOP_CONTEXT_QUERY = `#graphql
  query PromiseShopContext {
    shop {
      id
      ianaTimezone
    }
  }
`;
