/** The configuration every test process runs with (a fake app; Shopify itself is never reached). */
export const TEST_ENV = {
  NODE_ENV: "test",
  TZ: "UTC",
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret-0123456789",
  SHOPIFY_APP_URL: "https://kept.test",
  SCOPES: "read_orders,write_orders,write_discounts,read_shipping,write_delivery_customizations,read_customers,read_products",
  KEPT_DEMO: "0",
  WORKER_IN_PROCESS: "0",
} as const;

export const TEST_SHOP = "shop-a.myshopify.com";
export const OTHER_SHOP = "shop-b.myshopify.com";

/** A complete, valid production configuration for parseEnv (no demo, https, a SQLite file). */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret-123456",
  SHOPIFY_APP_URL: "https://kept.example.com",
  SCOPES: "read_orders",
  DATABASE_URL: "file:./prisma/prod.sqlite",
};
