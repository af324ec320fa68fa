import type { OptionDestination, ShippingOption } from "~/domain/promise/shipping-options";
import { DELIVERY_OPTIONS_SNAPSHOT_QUERY } from "~/graphql/promise/delivery-options-snapshot";
import { PICKUP_LOCATIONS_QUERY } from "~/graphql/promise/pickup-locations";
import {
  deliveryOptionsSnapshotResponse,
  pickupLocationsResponse,
  type DeliveryOptionsSnapshotResponse,
  type PickupLocationsResponse,
  type ShippingSnapshot,
} from "~/schemas/promise/shipping-snapshot";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";
import { errorText } from "~/domain/errors/error-text";

type Profile = DeliveryOptionsSnapshotResponse["deliveryProfiles"]["nodes"][number];
type Zone = Profile["profileLocationGroups"][number]["locationGroupZones"]["nodes"][number];

function destinationsOf(zone: Zone["zone"]): OptionDestination[] {
  return zone.countries.map(({ code, provinces }) => ({
    country: code.restOfWorld || code.countryCode === null ? "*" : code.countryCode,
    provinces: provinces.map((province) => province.code),
  }));
}

/** The shipping options of one zone: a merchant rate is one option, a carrier service one per active service. */
function optionsOfZone(profile: Profile, zone: Zone): ShippingOption[] {
  const source = `${profile.name} · ${zone.zone.name}`;
  const destinations = destinationsOf(zone.zone);
  return zone.methodDefinitions.nodes
    .filter((method) => method.active)
    .flatMap((method): ShippingOption[] => {
      const provider = method.rateProvider;
      if (provider.__typename === "DeliveryRateDefinition") {
        return [{ key: method.id, name: method.name, methodType: "SHIPPING", rateKind: "merchant", source, destinations }];
      }
      // A carrier service with a callback URL is a third-party app (CarrierService API); Shopify's own
      // carrier integrations have none.
      const rateKind = provider.carrierService.callbackUrl ? "carrier-app" : "carrier-shopify";
      const carrier = provider.carrierService.formattedName ?? provider.carrierService.name ?? method.name;
      const services = provider.participantServices.filter((service) => service.active);
      const names = services.length > 0 ? services.map((service) => service.name) : [method.name];
      return names.map((name) => ({ key: `${method.id}#${name}`, name, methodType: "SHIPPING", rateKind, source: `${source} · ${carrier}`, destinations }));
    });
}

function isTruncated(data: DeliveryOptionsSnapshotResponse): boolean {
  return (
    data.deliveryProfiles.pageInfo.hasNextPage ||
    data.deliveryProfiles.nodes.some((profile) =>
      profile.profileLocationGroups.some(
        (group) => group.locationGroupZones.pageInfo.hasNextPage || group.locationGroupZones.nodes.some((zone) => zone.methodDefinitions.pageInfo.hasNextPage),
      ),
    )
  );
}

function pickupOptions(data: PickupLocationsResponse, shopCountry: string | null): ShippingOption[] {
  return data.locationsAvailableForDeliveryProfilesConnection.nodes
    .filter((location) => location.localPickupSettingsV2 !== null)
    .map((location) => ({
      key: location.id,
      name: `Pickup at ${location.name}`,
      methodType: "PICK_UP",
      rateKind: "pickup",
      source: `Local pickup (${location.localPickupSettingsV2?.pickupTime ?? "?"})`,
      destinations: [{ country: shopCountry ?? "*", provinces: [] }],
    }));
}

/**
 * Reads the shop's shipping options from the Admin API (delivery profiles → location groups → zones →
 * rates, plus pickup locations) and Shopify's delivery-date setting, as the snapshot the settings page
 * shows. Shipping-rate errors throw (the outbox job retries); a refused pickup query is recorded in
 * `pickupError` and the rest is kept.
 */
export async function fetchShippingOptions(graphql: AdminGraphql): Promise<ShippingSnapshot> {
  const data = await runAdminOperation(graphql, DELIVERY_OPTIONS_SNAPSHOT_QUERY, {}, deliveryOptionsSnapshotResponse);
  const shopCountry = data.shop.billingAddress.countryCodeV2;
  const options = data.deliveryProfiles.nodes.flatMap((profile) =>
    profile.profileLocationGroups.flatMap((group) => group.locationGroupZones.nodes.flatMap((zone) => optionsOfZone(profile, zone))),
  );
  let pickupError: string | null = null;
  try {
    options.push(...pickupOptions(await runAdminOperation(graphql, PICKUP_LOCATIONS_QUERY, {}, pickupLocationsResponse), shopCountry));
  } catch (error: unknown) {
    pickupError = errorText(error);
  }
  return {
    shopTimeZone: data.shop.ianaTimezone,
    shopCountry,
    shopifyPlus: data.shop.plan?.shopifyPlus ?? null,
    deliveryDatesEnabled: data.deliveryPromiseSettings.deliveryDatesEnabled,
    processingTime: data.deliveryPromiseSettings.processingTime,
    options,
    truncated: isTruncated(data),
    pickupError,
  };
}
