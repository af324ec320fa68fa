import { gid, type CustomerRecord, type Id, type ShopWorld } from "./fixtures";
import { formatShopTime } from "./shop-time";

// Privacy (GDPR) webhooks and app lifecycle payloads. Compliance payload shapes follow
// docs shopify-platform.md §1.7: plain ids, no GIDs except where noted.

export function buildDataRequest(world: ShopWorld, customer: CustomerRecord, orderIds: Id[]) {
  return {
    shop_id: world.shop.id,
    shop_domain: world.shop.domain,
    orders_requested: orderIds,
    customer: { id: customer.id, email: customer.persona.email, phone: customer.persona.phone },
    data_request: { id: world.nextId("data_request") },
  };
}

export function buildCustomerRedact(world: ShopWorld, customer: CustomerRecord, orderIds: Id[]) {
  return {
    shop_id: world.shop.id,
    shop_domain: world.shop.domain,
    customer: { id: customer.id, email: customer.persona.email, phone: customer.persona.phone },
    orders_to_redact: orderIds,
  };
}

export function buildShopRedact(world: ShopWorld) {
  return { shop_id: world.shop.id, shop_domain: world.shop.domain };
}

/** app/uninstalled: the REST Shop object. */
export function buildAppUninstalled(world: ShopWorld, at: Date) {
  const { shop } = world;
  const handle = shop.domain.replace(/\.myshopify\.com$/, "");
  return {
    id: shop.id,
    name: shop.name,
    email: `owner@${handle}.example`,
    domain: shop.domain,
    province: "",
    country: "SE",
    address1: "Lagervägen 4",
    zip: "126 30",
    city: "Stockholm",
    source: null,
    phone: "+46812345678",
    latitude: 59.3,
    longitude: 18.0,
    primary_locale: "sv",
    address2: "",
    created_at: "2025-03-02T10:14:52+01:00",
    updated_at: formatShopTime(at, shop.offsetMinutes),
    country_code: "SE",
    country_name: "Sweden",
    currency: shop.currency,
    customer_email: `hej@${handle}.example`,
    timezone: "(GMT+01:00) Europe/Stockholm",
    iana_timezone: "Europe/Stockholm",
    shop_owner: "Kept Demo",
    money_format: "{{amount_with_comma_separator}} kr",
    money_with_currency_format: "{{amount_with_comma_separator}} SEK",
    weight_unit: "kg",
    province_code: null,
    taxes_included: true,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: "Development",
    plan_name: "partner_test",
    has_discounts: true,
    has_gift_cards: true,
    myshopify_domain: shop.domain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "{{amount_with_comma_separator}} kr",
    money_with_currency_in_emails_format: "{{amount_with_comma_separator}} SEK",
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: true,
    has_storefront: true,
    finances: true,
    primary_location_id: shop.locationId,
    checkout_api_supported: false,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: ["EUR", "JPY", "SEK", "USD"],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

/** app/scopes_update: previous and current granted scopes. */
export function buildScopesUpdate(world: ShopWorld, at: Date, previous: string[], current: string[]) {
  return {
    id: world.shop.id,
    admin_graphql_api_id: gid("AppInstallation", world.shop.id),
    previous,
    current,
    updated_at: formatShopTime(at, world.shop.offsetMinutes),
  };
}
