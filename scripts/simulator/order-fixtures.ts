import { COUNTRY_NAMES, toMailingAddress, type CountryCode, type Persona } from "./destinations";
import { gid, type CustomerRecord, type Id, type ShopWorld } from "./fixtures";
import { buildLineItem, type ItemSpec } from "./line-item-fixtures";
import { amount, includedTax, moneyBag, presentmentFor } from "./money";
import type { FulfillmentPayload } from "./fulfillment-fixtures";
import { formatShopTime } from "./shop-time";

export type OrderSpec = {
  createdAt: Date;
  /** Who buys and where it ships. */
  persona: Persona;
  /** "guest": checkout without an account (customer null, email only). */
  checkout: "account" | "guest";
  source: "web" | "pos" | "shopify_draft_order";
  items: ItemSpec[];
  discount?: { code: string; percent: number } | null;
  /** Gives the order an id above 2^53 (legacy 64-bit ids). */
  isUnsafeId?: boolean;
  note?: string | null;
  tags?: string[];
};

const SHIPPING: Record<CountryCode, { title: string; code: string; price: number; carrier: string | null }> = {
  SE: { title: "PostNord MyPack Home", code: "postnord_home", price: 49, carrier: "PostNord" },
  DE: { title: "DHL Paket International", code: "dhl_paket", price: 129, carrier: "DHL" },
  FR: { title: "Colissimo International", code: "colissimo", price: 129, carrier: "La Poste" },
  ES: { title: "Correos Internacional", code: "correos", price: 129, carrier: "Correos" },
  US: { title: "UPS Worldwide Saver", code: "ups_saver", price: 249, carrier: "UPS" },
  RU: { title: "International Standard", code: "intl_standard", price: 199, carrier: null },
  JP: { title: "Japan Post EMS", code: "ems", price: 299, carrier: "Japan Post" },
};

/** The customer object embedded in 2026-01 order payloads (see docs/simulator.md for omitted fields). */
function buildCustomer(record: CustomerRecord, at: Date, offsetMinutes: number, currency: string) {
  const { persona } = record;
  return {
    id: record.id,
    email: persona.email,
    created_at: formatShopTime(record.createdAt, offsetMinutes),
    updated_at: formatShopTime(at, offsetMinutes),
    first_name: persona.first_name,
    last_name: persona.last_name,
    state: record.state,
    note: null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    phone: persona.phone,
    currency,
    tax_exemptions: [],
    admin_graphql_api_id: gid("Customer", record.id),
    default_address: {
      id: (Number(record.id) % 1_000_000_000) + 9_000_000_000_000,
      customer_id: record.id,
      ...toMailingAddress(persona),
      country_name: COUNTRY_NAMES[persona.country_code],
      default: true,
    },
  };
}

function confirmationNumber(world: ShopWorld): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 9 }, () => world.rng.pick([...alphabet])).join("");
}

/** A REST Order as sent with orders/create (API 2026-01), unfulfilled unless it is a POS sale. */
export function buildOrder(world: ShopWorld, spec: OrderSpec) {
  const { shop, rng } = world;
  const id: Id = spec.isUnsafeId ? world.nextUnsafeId() : world.nextId("order");
  const orderNumber = world.nextOrderNumber();
  const isPos = spec.source === "pos";
  const needsShipping = !isPos && spec.items.some((item) => !item.variant.giftCard);
  const country = spec.persona.country_code;
  const presentment = presentmentFor(isPos ? "SE" : country);
  const customerRecord = spec.checkout === "account" ? world.customerFor(spec.persona, spec.createdAt) : null;
  if (customerRecord) customerRecord.ordersPlaced += 1;

  const gross = spec.items.map((item) => Number(item.variant.price) * item.quantity);
  const itemsTotal = gross.reduce((sum, value) => sum + value, 0);
  const discountTotal = spec.discount ? Math.round(itemsTotal * spec.discount.percent) / 100 : 0;
  const lineItems = spec.items.map((item, index) =>
    buildLineItem(world, item, presentment, itemsTotal > 0 ? Math.round(((gross[index] ?? 0) / itemsTotal) * discountTotal * 100) / 100 : 0, isPos),
  );
  const shipping = SHIPPING[country];
  const shippingPrice = needsShipping ? shipping.price : 0;
  const subtotal = itemsTotal - discountTotal;
  const total = subtotal + shippingPrice;
  const taxableGross = spec.items.reduce((sum, item, index) => sum + (item.variant.giftCard ? 0 : (gross[index] ?? 0)), 0) - discountTotal + shippingPrice;
  const totalTax = includedTax(Math.max(taxableGross, 0));
  const weight = spec.items.reduce((sum, item) => sum + item.variant.grams * item.quantity, 0);
  const created = formatShopTime(spec.createdAt, shop.offsetMinutes);
  const token = rng.hex(32);
  const address = toMailingAddress(spec.persona);
  // A POS walk-in without a customer leaves no email, as in Shopify's POS orders.
  const email = isPos && !customerRecord ? "" : spec.persona.email;
  const customer = customerRecord ? buildCustomer(customerRecord, spec.createdAt, shop.offsetMinutes, shop.currency) : null;

  return {
    id,
    admin_graphql_api_id: gid("Order", id),
    app_id: isPos ? 129_785 : spec.source === "shopify_draft_order" ? 1_354_745 : 580_111,
    browser_ip: isPos ? null : `${rng.int(81, 213)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    buyer_accepts_marketing: rng.chance(0.4),
    cancel_reason: null as string | null,
    cancelled_at: null as string | null,
    cart_token: isPos ? null : rng.hex(32),
    checkout_id: isPos ? null : world.nextId("checkout"),
    checkout_token: isPos ? null : rng.hex(32),
    client_details: isPos
      ? null
      : {
          accept_language: spec.persona.locale,
          browser_height: null,
          browser_ip: null,
          browser_width: null,
          session_hash: null,
          user_agent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        },
    closed_at: null as string | null,
    confirmation_number: confirmationNumber(world),
    confirmed: true,
    contact_email: email === "" ? null : email,
    created_at: created,
    currency: shop.currency,
    current_subtotal_price: amount(subtotal),
    current_total_discounts: amount(discountTotal),
    current_total_price: amount(total),
    current_total_tax: amount(totalTax),
    customer_locale: isPos ? "sv" : spec.persona.locale,
    discount_applications: spec.discount
      ? [
          {
            target_type: "line_item",
            type: "discount_code",
            value: spec.discount.percent.toFixed(1),
            value_type: "percentage",
            allocation_method: "across",
            target_selection: "all",
            code: spec.discount.code,
          },
        ]
      : [],
    discount_codes: spec.discount ? [{ code: spec.discount.code, amount: amount(discountTotal), type: "percentage" }] : [],
    email,
    estimated_taxes: false,
    financial_status: (spec.source === "shopify_draft_order" && rng.chance(0.5) ? "pending" : "paid") as string,
    fulfillment_status: (isPos ? "fulfilled" : null) as "partial" | "fulfilled" | null,
    landing_site: spec.source === "web" ? rng.pick(["/", "/collections/soap", "/products/lavendel-soap?utm_source=newsletter"]) : null,
    landing_site_ref: null,
    location_id: isPos ? shop.locationId : null,
    name: `#${orderNumber}`,
    note: spec.note ?? null,
    note_attributes: spec.source === "web" && rng.chance(0.3) ? [{ name: "gift_message", value: "Grattis! 🎉" }] : [],
    number: orderNumber - 1000,
    order_number: orderNumber,
    order_status_url: `https://${shop.domain}/${shop.id}/orders/${token}/authenticate?key=${rng.hex(32)}`,
    payment_gateway_names: isPos ? ["cash"] : ["shopify_payments"],
    phone: null,
    presentment_currency: presentment.currency,
    processed_at: created,
    reference: null,
    referring_site: spec.source === "web" ? rng.pick(["", "https://www.google.com/", "https://www.instagram.com/"]) : null,
    source_identifier: null,
    source_name: spec.source,
    subtotal_price: amount(subtotal),
    subtotal_price_set: moneyBag(subtotal, presentment),
    tags: (spec.tags ?? []).join(", "),
    tax_lines: [{ price: amount(totalTax), rate: 0.25, title: "Moms", price_set: moneyBag(totalTax, presentment), channel_liable: false }],
    taxes_included: true,
    test: false,
    token,
    total_discounts: amount(discountTotal),
    total_discounts_set: moneyBag(discountTotal, presentment),
    total_line_items_price: amount(itemsTotal),
    total_line_items_price_set: moneyBag(itemsTotal, presentment),
    total_outstanding: "0.00",
    total_price: amount(total),
    total_price_set: moneyBag(total, presentment),
    total_shipping_price_set: moneyBag(shippingPrice, presentment),
    total_tax: amount(totalTax),
    total_tax_set: moneyBag(totalTax, presentment),
    total_tip_received: "0.00",
    total_weight: weight,
    updated_at: created,
    user_id: isPos || spec.source === "shopify_draft_order" ? 101_234_567_890 : null,
    billing_address: isPos && !customer ? null : address,
    customer,
    ...(needsShipping ? { shipping_address: address } : {}),
    line_items: lineItems,
    shipping_lines: needsShipping
      ? [
          {
            id: world.nextId("shipping_line"),
            carrier_identifier: null,
            code: shipping.code,
            discounted_price: amount(shippingPrice),
            discounted_price_set: moneyBag(shippingPrice, presentment),
            is_removed: false,
            phone: null,
            price: amount(shippingPrice),
            price_set: moneyBag(shippingPrice, presentment),
            requested_fulfillment_service_id: null,
            source: "shopify",
            title: shipping.title,
            tax_lines: [],
            discount_allocations: [],
            delivery_category: null,
          },
        ]
      : [],
    fulfillments: [] as FulfillmentPayload[],
    refunds: [],
  };
}

export type OrderPayload = ReturnType<typeof buildOrder>;

export function carrierFor(country: CountryCode): string | null {
  return SHIPPING[country].carrier;
}
