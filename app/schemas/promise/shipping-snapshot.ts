import { z } from "zod";

// ---- What the Admin API answers (2026-01), validated at the boundary.

const page = z.object({ hasNextPage: z.boolean() });

const rateProvider = z.union([
  z.object({
    __typename: z.literal("DeliveryParticipant"),
    carrierService: z.object({
      id: z.string(),
      name: z.string().nullable(),
      formattedName: z.string().nullable(),
      callbackUrl: z.string().nullable(),
    }),
    participantServices: z.array(z.object({ name: z.string(), active: z.boolean() })),
  }),
  z.object({ __typename: z.literal("DeliveryRateDefinition") }),
]);

const zone = z.object({
  zone: z.object({
    id: z.string(),
    name: z.string(),
    countries: z.array(
      z.object({
        code: z.object({ countryCode: z.string().nullable(), restOfWorld: z.boolean() }),
        provinces: z.array(z.object({ code: z.string() })),
      }),
    ),
  }),
  methodDefinitions: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean(), rateProvider })),
    pageInfo: page,
  }),
});

export const deliveryOptionsSnapshotResponse = z.object({
  shop: z.object({
    ianaTimezone: z.string(),
    billingAddress: z.object({ countryCodeV2: z.string().nullable() }),
    plan: z.object({ shopifyPlus: z.boolean().nullish() }).nullish(),
  }),
  deliveryPromiseSettings: z.object({ deliveryDatesEnabled: z.boolean(), processingTime: z.string().nullable() }),
  deliveryProfiles: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        default: z.boolean(),
        profileLocationGroups: z.array(z.object({ locationGroupZones: z.object({ nodes: z.array(zone), pageInfo: page }) })),
      }),
    ),
    pageInfo: page,
  }),
});
export type DeliveryOptionsSnapshotResponse = z.infer<typeof deliveryOptionsSnapshotResponse>;

export const pickupLocationsResponse = z.object({
  locationsAvailableForDeliveryProfilesConnection: z.object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), localPickupSettingsV2: z.object({ pickupTime: z.string() }).nullable() })),
  }),
});
export type PickupLocationsResponse = z.infer<typeof pickupLocationsResponse>;

// ---- What Kept stores (ShippingSnapshot.document), read back with the same care.

const shippingOption = z.object({
  key: z.string(),
  name: z.string(),
  methodType: z.enum(["SHIPPING", "PICK_UP"]),
  rateKind: z.enum(["merchant", "carrier-shopify", "carrier-app", "pickup"]),
  source: z.string(),
  destinations: z.array(z.object({ country: z.string(), provinces: z.array(z.string()) })),
});

export const shippingSnapshotSchema = z.object({
  shopTimeZone: z.string().nullable(),
  shopCountry: z.string().nullable(),
  /** `shop.plan.shopifyPlus`; null = unknown (also snapshots stored before it was read). */
  shopifyPlus: z.boolean().nullable().default(null),
  deliveryDatesEnabled: z.boolean(),
  /** Shopify's own processing time, an ISO 8601 duration ("P1D"), shown beside Kept's. */
  processingTime: z.string().nullable(),
  options: z.array(shippingOption),
  /** A connection had more pages than one snapshot reads. */
  truncated: z.boolean(),
  /** Why pickup locations could not be read (the rest of the snapshot is still good), or null. */
  pickupError: z.string().nullable(),
});
export type ShippingSnapshot = z.infer<typeof shippingSnapshotSchema>;
