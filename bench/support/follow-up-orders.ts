import { readFileSync } from "node:fs";
import { sqliteDate, type SqliteDb } from "../../app/models/db/sqlite.server";

// The orders of bench:followups: each a German order with three lines, its fulfillment and its delivered
// scan, dated in the last days so the follow-up rules (made before them) speak of every one.

const DAY_MS = 86_400_000;

export type Delivery = { topic: string; payload: unknown; webhookId: string };

/** The three deliveries of order `index` for `shop` in the order Shopify sends them: created, fulfilled, delivered. */
export function orderEvents(shop: string, index: number, now: Date): Delivery[] {
  const id = 6_200_000_000_000 + index;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const email = `buyer${index}@example.de`;
  const lines = Array.from({ length: 3 }, (_, line) => ({
    id: id * 10 + line,
    admin_graphql_api_id: `gid://shopify/LineItem/${id * 10 + line}`,
    product_id: 700 + line,
    variant_id: 800 + line,
    title: `Item ${line}`,
    quantity: 1,
    price: "10.00",
    sku: `SKU-${line}`,
    vendor: "Kept",
  }));
  const order = {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${10000 + index}`,
    email,
    created_at: at(3),
    updated_at: at(3),
    processed_at: at(3),
    currency: "EUR",
    total_price: `${(index % 300) + 20}.00`,
    subtotal_price: "30.00",
    financial_status: "paid",
    fulfillment_status: null,
    tags: "",
    test: false,
    source_name: "web",
    customer_locale: ["de", "en", "sv", "fr"][index % 4],
    buyer_accepts_marketing: true,
    discount_codes: [],
    customer: { id: 9_000_000 + index, admin_graphql_api_id: `gid://shopify/Customer/${9_000_000 + index}`, first_name: "Jonas", email },
    shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
    shipping_lines: [{ title: "DHL Paket", code: "dhl_paket", source: "shopify", price: "4.90" }],
    line_items: lines,
    fulfillments: [],
  };
  const fulfillment = {
    id: id + 1,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${id + 1}`,
    order_id: id,
    name: `#${10000 + index}.1`,
    status: "success",
    shipment_status: null,
    service: "manual",
    tracking_company: "DHL",
    tracking_number: `00340434${index}`,
    tracking_url: `https://tracking.example/${index}`,
    line_items: lines.map((line) => ({ id: line.id })),
    created_at: at(2),
    updated_at: at(2),
  };
  const scan = {
    id: id + 2,
    admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${id + 2}`,
    fulfillment_id: id + 1,
    order_id: id,
    status: "delivered",
    message: "Delivered",
    happened_at: at(1),
    city: "Berlin",
    country: "DE",
    zip: "10115",
    created_at: at(1),
    updated_at: at(1),
  };
  return [
    { topic: "orders/create", payload: order, webhookId: `${shop}-create-${index}` },
    { topic: "fulfillments/create", payload: fulfillment, webhookId: `${shop}-fulfillment-${index}` },
    { topic: "fulfillment_events/create", payload: scan, webhookId: `${shop}-scan-${index}` },
  ];
}

/** The rules of the shop with follow-ups: shipping news and arrival now, a review request two days after arrival. */
const RULES = [
  { id: "shipped", name: "Shipped", trigger: "shipped", delay: { days: 0, hours: 0 } },
  { id: "arrived", name: "Arrived", trigger: "arrived", delay: { days: 0, hours: 0 } },
  { id: "review", name: "Review request", trigger: "review-request", delay: { days: 2, hours: 0 } },
];

/** The demo's promise settings for both shops; follow-up rules and a send window open all day for `rulesShop`. */
export function setUpShops(db: SqliteDb, shops: string[], rulesShop: string, now: Date) {
  const settings = readFileSync("scripts/demo-promise-settings.json", "utf8");
  const made = sqliteDate(new Date(now.getTime() - 10 * DAY_MS));
  for (const shop of shops) {
    db.statement(`INSERT INTO "PromiseSettingsVersion" ("shop", "version", "document", "effectiveFrom", "createdAt") VALUES (?, 1, ?, ?, ?)`).run(
      shop,
      settings,
      "2026-01-01T00:00:00.000+00:00",
      made,
    );
  }
  for (const rule of RULES) {
    const document = {
      ...rule,
      version: 1,
      active: true,
      inferredArrivalCounts: true,
      afterBrokenPromise: { action: "send", delayDays: 3 },
      conditions: { op: "and", items: [] },
      message: { kind: "built-in" },
    };
    db.statement(
      `INSERT INTO "FollowUpRule" ("shop", "id", "version", "name", "trigger", "active", "document", "createdAt", "updatedAt") VALUES (?, ?, 1, ?, ?, 1, ?, ?, ?)`,
    ).run(rulesShop, rule.id, rule.name, rule.trigger, JSON.stringify(document), made, made);
  }
  // The bench sets each row's send time itself, so the window is the whole day (quiet hours where the
  // customer is would move it), yet checked on the customer's clock as any window is.
  db.statement(`INSERT INTO "FollowUpSettings" ("shop", "windowStartMinute", "windowEndMinute", "updatedAt") VALUES (?, 0, 1440, ?)`).run(rulesShop, made);
}
