import { COUNTRY_NAMES, type toMailingAddress, type CountryCode } from "./destinations";
import { gid, type Id, type ShopWorld } from "./fixtures";
import type { LineItemPayload } from "./line-item-fixtures";
import { carrierFor, type OrderPayload } from "./order-fixtures";
import { formatShopTime } from "./shop-time";

export type ShipmentStatus = "label_printed" | "confirmed" | "in_transit" | "out_for_delivery" | "delivered" | "attempted_delivery" | "delayed" | "failure";

const TRACKING: Record<string, { number: (world: ShopWorld) => string; url: (number: string) => string }> = {
  PostNord: { number: (w) => `UA${w.rng.digits(9)}SE`, url: (n) => `https://tracking.postnord.com/se/?id=${n}` },
  DHL: { number: (w) => `00340434${w.rng.digits(12)}`, url: (n) => `https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=${n}` },
  "La Poste": { number: (w) => `6A${w.rng.digits(11)}`, url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}` },
  Correos: {
    number: (w) => `PQ4F6P${w.rng.digits(16)}X`,
    url: (n) => `https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=${n}`,
  },
  UPS: {
    number: (w) => `1Z${w.rng.hex(6).toUpperCase()}${w.rng.digits(10)}`,
    url: (n) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`,
  },
  "Japan Post": { number: (w) => `EJ${w.rng.digits(9)}JP`, url: (n) => `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${n}` },
  Other: { number: (w) => `RR${w.rng.digits(9)}SE`, url: (n) => `https://www.17track.net/en/track?nums=${n}` },
};

const ORIGIN = { name: "Kept Lager", address1: "Lagervägen 4", address2: null, city: "Stockholm", zip: "126 30", province_code: null, country_code: "SE" };

/** What a fulfillment needs from its order (kept structural so the two payload types stay independent). */
export type FulfillableOrder = { id: Id; name: string; line_items: LineItemPayload[]; shipping_address?: ReturnType<typeof toMailingAddress> };

export type FulfillmentSpec = {
  createdAt: Date;
  /** 1 for "#1001.1", 2 for "#1001.2". */
  sequence: number;
  /** The line items this fulfillment ships (default: every shippable one). */
  lineItemIds?: Array<number | bigint>;
  /** Handed over without a carrier (POS counter sale, digital gift card): no tracking. */
  hasNoCarrier?: boolean;
};

/** A REST Fulfillment as sent with fulfillments/create (status success, shipment_status still null). */
export function buildFulfillment(world: ShopWorld, order: FulfillableOrder, spec: FulfillmentSpec) {
  const id = world.nextId("fulfillment");
  const wanted = spec.lineItemIds;
  const items = order.line_items.filter((item) => (wanted ? wanted.includes(item.id) : item.requires_shipping || spec.hasNoCarrier === true));
  const country = (order.shipping_address?.country_code ?? "SE") as CountryCode;
  const company = spec.hasNoCarrier ? null : (carrierFor(country) ?? "Other");
  const tracking = company ? (TRACKING[company] ?? TRACKING.Other) : undefined;
  const number = tracking ? tracking.number(world) : null;
  const url = tracking && number ? tracking.url(number) : null;
  const at = formatShopTime(spec.createdAt, world.shop.offsetMinutes);
  const destination = order.shipping_address ? { ...order.shipping_address, country: COUNTRY_NAMES[country] } : null;
  return {
    id,
    admin_graphql_api_id: gid("Fulfillment", id),
    created_at: at,
    location_id: world.shop.locationId,
    name: `${order.name}.${spec.sequence}`,
    order_id: order.id,
    origin_address: spec.hasNoCarrier ? null : ORIGIN,
    receipt: {},
    service: "manual",
    shipment_status: null as ShipmentStatus | null,
    status: "success",
    tracking_company: company,
    tracking_number: number,
    tracking_numbers: number ? [number] : [],
    tracking_url: url,
    tracking_urls: url ? [url] : [],
    updated_at: at,
    notify_customer: !spec.hasNoCarrier,
    destination,
    line_items: items.map((item): LineItemPayload => ({ ...item, fulfillable_quantity: 0, fulfillment_status: "fulfilled" })),
  };
}

export type FulfillmentPayload = ReturnType<typeof buildFulfillment>;

/** The fulfillment as fulfillments/update sends it after a carrier scan. */
export function withShipmentStatus(fulfillment: FulfillmentPayload, status: ShipmentStatus, at: Date, offsetMinutes: number): FulfillmentPayload {
  return { ...fulfillment, shipment_status: status, updated_at: formatShopTime(at, offsetMinutes) };
}

/** The order after these fulfillments: line item quantities, fulfillment_status "partial"/"fulfilled". */
export function orderWithFulfillments(order: OrderPayload, fulfillments: FulfillmentPayload[], at: Date, offsetMinutes: number): OrderPayload {
  const shipped = new Set(fulfillments.flatMap((f) => f.line_items.map((item) => item.id.toString())));
  const lineItems = order.line_items.map((item) =>
    shipped.has(item.id.toString()) ? { ...item, fulfillable_quantity: 0, fulfillment_status: "fulfilled" } : item,
  );
  const isComplete = lineItems.every((item) => item.fulfillable_quantity === 0);
  const time = formatShopTime(at, offsetMinutes);
  return {
    ...order,
    fulfillment_status: isComplete ? "fulfilled" : "partial",
    closed_at: isComplete && order.financial_status === "paid" ? time : null,
    updated_at: time,
    line_items: lineItems,
    fulfillments,
  };
}

/** orders/cancelled: cancelled_at and cancel_reason set, refunded, closed. */
export function cancelledOrder(
  order: OrderPayload,
  at: Date,
  offsetMinutes: number,
  reason: "customer" | "inventory" | "fraud" | "declined" | "other",
): OrderPayload {
  const time = formatShopTime(at, offsetMinutes);
  return {
    ...order,
    cancelled_at: time,
    cancel_reason: reason,
    closed_at: time,
    financial_status: "refunded",
    updated_at: time,
    line_items: order.line_items.map((item) => ({ ...item, current_quantity: 0, fulfillable_quantity: 0 })),
  };
}
