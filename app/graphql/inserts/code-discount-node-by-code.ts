export const CODE_DISCOUNT_NODE_BY_CODE_QUERY = `#graphql
  query CodeDiscountNodeByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        ... on DiscountCodeBasic {
          title
        }
      }
    }
  }
`;
