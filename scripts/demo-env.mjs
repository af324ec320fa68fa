// The demo's configuration (`npm run demo`, and the end-to-end test that starts the app the same way).
// SCOPES is shopify.app.toml's list: scripts/demo-env.test.ts keeps the two, and the README, equal.
export const DEMO_ENV = /** @type {const} */ ({
  NODE_ENV: "development",
  KEPT_DEMO: "1",
  DEMO_SHOP: "kept-demo.myshopify.com",
  SHOPIFY_API_KEY: "kept-demo-key",
  SHOPIFY_API_SECRET: "kept-demo-secret",
  SCOPES: "read_orders,write_orders,write_discounts,read_shipping,write_delivery_customizations,read_customers,read_products",
  DATABASE_URL: "file:./prisma/demo.sqlite",
  PORT: "3000",
});
