// Needs read_shipping. Shopify's own delivery dates (and Shop Promise) are shown where this is on.
export const DELIVERY_DATES_SETTING_QUERY = `#graphql
  query DeliveryDatesSetting {
    deliveryPromiseSettings {
      deliveryDatesEnabled
    }
  }
`;
