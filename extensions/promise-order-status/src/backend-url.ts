// Kept's app URL: shopify.app.toml `application_url` (tests/backend-url.test.ts keeps the two equal).
// UI extensions get no environment at build time, so the deployed app's URL is written here.
export const KEPT_APP_URL = "https://kept.example.com";
