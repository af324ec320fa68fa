// The facts insert rules read that 2026-01 order webhooks lack, asked only for what the shop's rules use
// (@include). Needs read_orders; `customer` needs read_customers and protected customer data level 1 (tags and
// the order count, no name, email, phone or address); `product` needs read_products. Admin API 2026-01:
// - Customer.numberOfOrders is an UnsignedInt64 (a string of digits), the customer's lifetime count, orders
//   from before Kept was installed included;
// - ordersCount(query:) counts the customer's orders created after this one (search syntax, quoted date), so
//   a late decision does not count orders placed since; Count { count: Int!, precision: EXACT | AT_LEAST }.
// lineItems: 250 per page is Shopify's maximum; the rest of a bigger order is not asked (docs/inserts.md).
export const INSERT_ORDER_FACTS_QUERY = `#graphql
  query InsertOrderFacts(
    $id: ID!
    $laterOrders: String!
    $withCustomer: Boolean!
    $withCount: Boolean!
    $withProducts: Boolean!
  ) {
    order(id: $id) {
      id
      customer @include(if: $withCustomer) {
        id
        numberOfOrders
        tags
      }
      lineItems(first: 250) @include(if: $withProducts) {
        nodes {
          product {
            id
            productType
          }
        }
      }
    }
    laterOrders: ordersCount(query: $laterOrders) @include(if: $withCount) {
      count
      precision
    }
  }
`;
