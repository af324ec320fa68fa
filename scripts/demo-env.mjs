// The demo's configuration (`npm run demo`, and the end-to-end test that starts the app the same way).
// SCOPES is shopify.app.toml's list: scripts/demo-env.test.ts keeps the two, and the README, equal.
// DEMO_SMTP_PORT is the demo's mail catcher (scripts/demo-mail-catcher.mjs): `npm run demo` points the app's
// SMTP_URL at it (demoSmtpUrl) and it keeps every message in DEMO_MAILBOX_DIR, for the Demo mailbox page.
export const DEMO_ENV = /** @type {const} */ ({
  NODE_ENV: "development",
  KEPT_DEMO: "1",
  DEMO_SHOP: "kept-demo.myshopify.com",
  SHOPIFY_API_KEY: "kept-demo-key",
  SHOPIFY_API_SECRET: "kept-demo-secret",
  SCOPES: "read_orders,write_orders,write_discounts,read_shipping,write_delivery_customizations,read_customers,read_products",
  DATABASE_URL: "file:./prisma/demo.sqlite",
  PORT: "3000",
  // Demo mode listens on this machine only (a HOST exported by the shell would be refused).
  HOST: "127.0.0.1",
  DEMO_SMTP_PORT: "2525",
  DEMO_MAILBOX_DIR: "var/demo-mailbox",
  MAIL_FROM: "care@kept-demo.example",
  // The simulator replays weeks of history with their own trigger times: no replay window in the demo.
  WEBHOOK_REPLAY_WINDOW_HOURS: "0",
});

/**
 * The app's SMTP_URL for the catcher on `port`: loopback only, so nothing the demo sends leaves the machine.
 * @param {string | number} port
 */
export const demoSmtpUrl = (port) => `smtp://127.0.0.1:${port}`;
