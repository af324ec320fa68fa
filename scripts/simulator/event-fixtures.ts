import { COUNTRY_NAMES, type CountryCode } from "./destinations";
import { gid, type ShopWorld } from "./fixtures";
import type { FulfillmentPayload, ShipmentStatus } from "./fulfillment-fixtures";
import { formatShopTime } from "./shop-time";

const MESSAGES: Record<ShipmentStatus, string> = {
  label_printed: "Shipping label created",
  confirmed: "Shipment information received by the carrier",
  in_transit: "The shipment is on its way",
  out_for_delivery: "The shipment is out for delivery",
  delivered: "The shipment has been delivered",
  attempted_delivery: "Delivery attempted: nobody at home, a notice was left",
  delayed: "The shipment is delayed due to high volumes",
  failure: "The shipment could not be delivered and is being returned",
};

// Where a scan happens before the parcel reaches the buyer's city: the sorting hub of each country.
const HUBS: Record<CountryCode, { city: string; zip: string; province: string | null; latitude: number; longitude: number }> = {
  SE: { city: "Rosersberg", zip: "195 95", province: null, latitude: 59.5833, longitude: 17.8833 },
  DE: { city: "Leipzig", zip: "04435", province: "Sachsen", latitude: 51.4239, longitude: 12.2364 },
  FR: { city: "Roissy-en-France", zip: "95700", province: "Île-de-France", latitude: 49.0097, longitude: 2.5479 },
  ES: { city: "Madrid", zip: "28042", province: "Madrid", latitude: 40.4719, longitude: -3.5626 },
  US: { city: "Louisville", zip: "40209", province: "Kentucky", latitude: 38.1744, longitude: -85.7361 },
  RU: { city: "Москва", zip: "140090", province: "Москва", latitude: 55.4103, longitude: 37.9024 },
  JP: { city: "成田市", zip: "282-0004", province: "千葉県", latitude: 35.7719, longitude: 140.3929 },
};

export type EventSpec = {
  status: ShipmentStatus;
  happenedAt: Date;
  /** The carrier's promise; Shopify passes it through on fulfillment_events/create. */
  estimatedDeliveryAt?: Date | null;
};

/** A REST FulfillmentEvent as sent with fulfillment_events/create. */
export function buildFulfillmentEvent(world: ShopWorld, fulfillment: FulfillmentPayload, spec: EventSpec) {
  const id = world.nextId("event");
  const offset = world.shop.offsetMinutes;
  const destination = fulfillment.destination;
  const country = (destination?.country_code ?? "SE") as CountryCode;
  const isAtBuyer = ["out_for_delivery", "delivered", "attempted_delivery"].includes(spec.status);
  const hub = HUBS[country];
  const place =
    isAtBuyer && destination
      ? {
          city: destination.city,
          zip: destination.zip,
          province: destination.province,
          address1: destination.address1,
          latitude: destination.latitude,
          longitude: destination.longitude,
        }
      : { city: hub.city, zip: hub.zip, province: hub.province, address1: null, latitude: hub.latitude, longitude: hub.longitude };
  const happened = formatShopTime(spec.happenedAt, offset);
  return {
    id,
    admin_graphql_api_id: gid("FulfillmentEvent", id),
    fulfillment_id: fulfillment.id,
    order_id: fulfillment.order_id,
    shop_id: world.shop.id,
    status: spec.status,
    message: MESSAGES[spec.status],
    happened_at: happened,
    estimated_delivery_at: spec.estimatedDeliveryAt ? formatShopTime(spec.estimatedDeliveryAt, offset) : null,
    city: place.city,
    province: place.province,
    country: COUNTRY_NAMES[country],
    zip: place.zip,
    address1: place.address1,
    latitude: place.latitude,
    longitude: place.longitude,
    created_at: happened,
    updated_at: happened,
  };
}
