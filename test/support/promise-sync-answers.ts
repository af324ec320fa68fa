/**
 * Admin API answers (shapes as Shopify sends them) for the `promise.sync-config` job: the shop's zone and
 * plan (not Plus unless told), Shopify's delivery-date setting, the metafield write and Kept's delivery customization. Tests that
 * only need the job to succeed use these; test/promise/promise-sync.test.ts covers the variations.
 */
export function promiseSyncAnswers(options: { deliveryDatesEnabled?: boolean; timeZone?: string; shopifyPlus?: boolean } = {}) {
  return {
    PromiseShopContext: () => ({
      data: {
        shop: {
          id: "gid://shopify/Shop/68112345678",
          ianaTimezone: options.timeZone ?? "Europe/Stockholm",
          plan: { shopifyPlus: options.shopifyPlus ?? false },
        },
      },
    }),
    DeliveryDatesSetting: () => ({ data: { deliveryPromiseSettings: { deliveryDatesEnabled: options.deliveryDatesEnabled ?? false } } }),
    MetafieldsSet: (variables: Record<string, unknown>) => ({
      data: {
        metafieldsSet: {
          metafields: (variables.metafields as { key: string }[]).map((input, index) => ({
            id: `gid://shopify/Metafield/${771 + index}`,
            namespace: "app--1--promise",
            key: input.key,
          })),
          userErrors: [],
        },
      },
    }),
    KeptDeliveryCustomizations: () => ({ data: { deliveryCustomizations: { nodes: [] } } }),
    DeliveryCustomizationCreate: () => ({
      data: { deliveryCustomizationCreate: { deliveryCustomization: { id: "gid://shopify/DeliveryCustomization/8", enabled: true }, userErrors: [] } },
    }),
  };
}
