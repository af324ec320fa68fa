// Kept's customization is the one carrying Kept's app-owned variables metafield (no other app can write it).
export const KEPT_DELIVERY_CUSTOMIZATIONS_QUERY = `#graphql
  query KeptDeliveryCustomizations {
    deliveryCustomizations(first: 100) {
      nodes {
        id
        enabled
        metafield(namespace: "$app:promise", key: "function-variables") {
          id
        }
      }
    }
  }
`;
