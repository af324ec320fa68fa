// Small, explicit webhook payloads for tests (the simulator has the rich, realistic ones).

type Overrides = Record<string, unknown>;

export function orderPayload(id: string | number, overrides: Overrides = {}) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${String(id).slice(-4)}`,
    email: "anna@example.se",
    created_at: "2026-11-20T10:00:00+01:00",
    updated_at: "2026-11-20T10:00:00+01:00",
    processed_at: "2026-11-20T10:00:00+01:00",
    currency: "SEK",
    total_price: "249.00",
    subtotal_price: "199.00",
    financial_status: "paid",
    fulfillment_status: null,
    tags: "vip, gift",
    test: false,
    source_name: "web",
    customer_locale: "sv",
    discount_codes: [{ code: "WELCOME10", amount: "20.00", type: "percentage" }],
    customer: { id: 501, admin_graphql_api_id: "gid://shopify/Customer/501", email: "anna@example.se" },
    shipping_address: { country_code: "SE", province_code: "AB", zip: "114 55", city: "Stockholm" },
    shipping_lines: [{ title: "Standard", code: "standard", source: "shopify", price: "49.00" }],
    line_items: [
      {
        id: 9001,
        admin_graphql_api_id: "gid://shopify/LineItem/9001",
        product_id: 77,
        variant_id: 78,
        sku: "LAV-01",
        vendor: "Kept Soap",
        title: "Lavender soap",
        quantity: 2,
        price: "99.50",
      },
    ],
    fulfillments: [],
    ...overrides,
  };
}

export function fulfillmentPayload(id: string | number, orderId: string | number, overrides: Overrides = {}) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
    order_id: orderId,
    name: "#1001.1",
    status: "success",
    shipment_status: null,
    service: "manual",
    location_id: 3001,
    tracking_company: "PostNord",
    tracking_number: "PN123456789SE",
    tracking_url: "https://tracking.example/PN123456789SE",
    line_items: [{ id: 9001 }],
    created_at: "2026-11-21T09:00:00+01:00",
    updated_at: "2026-11-21T09:00:00+01:00",
    ...overrides,
  };
}

export function fulfillmentEventPayload(id: string | number, fulfillmentId: string | number, orderId: string | number, overrides: Overrides = {}) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${id}`,
    fulfillment_id: fulfillmentId,
    order_id: orderId,
    shop_id: 1,
    status: "in_transit",
    message: "On its way",
    happened_at: "2026-11-22T08:00:00+01:00",
    estimated_delivery_at: "2026-11-24T18:00:00+01:00",
    city: "Stockholm",
    country: "SE",
    zip: "114 55",
    created_at: "2026-11-22T08:00:00+01:00",
    updated_at: "2026-11-22T08:00:00+01:00",
    ...overrides,
  };
}
