export const DELIVERY_CUSTOMIZATION_CREATE_MUTATION = `#graphql
  mutation DeliveryCustomizationCreate($deliveryCustomization: DeliveryCustomizationInput!) {
    deliveryCustomizationCreate(deliveryCustomization: $deliveryCustomization) {
      deliveryCustomization {
        id
        enabled
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
