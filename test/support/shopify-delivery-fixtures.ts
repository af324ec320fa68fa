// Admin API answers (2026-01) for the shipping-options snapshot, shaped like Shopify's JSON: the GraphQL
// envelope, `nodes` connections with pageInfo, `__typename` on the DeliveryRateProvider union, and only the
// fields the operations select. Used by the in-process double (service tests) and the HTTP double (e2e).

type Country = { code: string | null; restOfWorld?: boolean; provinces?: string[] };
type Rate =
  | { kind: "merchant"; name: string; active?: boolean }
  | { kind: "carrier"; name: string; carrier: string; callbackUrl: string | null; services: { name: string; active: boolean }[]; active?: boolean };
export type ZoneFixture = { name: string; countries: Country[]; rates: Rate[] };

let counter = 1000;
const gid = (type: string) => `gid://shopify/${type}/${(counter += 1)}`;

function methodDefinition(rate: Rate) {
  const base = { id: gid("DeliveryMethodDefinition"), name: rate.name, active: rate.active ?? true };
  if (rate.kind === "merchant") return { ...base, rateProvider: { __typename: "DeliveryRateDefinition" } };
  return {
    ...base,
    rateProvider: {
      __typename: "DeliveryParticipant",
      carrierService: { id: gid("DeliveryCarrierService"), name: rate.carrier, formattedName: rate.carrier, callbackUrl: rate.callbackUrl },
      participantServices: rate.services,
    },
  };
}

function zone(fixture: ZoneFixture) {
  return {
    zone: {
      id: gid("DeliveryZone"),
      name: fixture.name,
      countries: fixture.countries.map((country) => ({
        code: { countryCode: country.code, restOfWorld: country.restOfWorld ?? false },
        provinces: (country.provinces ?? []).map((code) => ({ code })),
      })),
    },
    methodDefinitions: { nodes: fixture.rates.map(methodDefinition), pageInfo: { hasNextPage: false } },
  };
}

/** The `DeliveryOptionsSnapshot` answer: one default profile with the given zones (a shop not on Plus unless told). */
export function deliveryOptionsAnswer(options: {
  deliveryDatesEnabled: boolean;
  zones: ZoneFixture[];
  timeZone?: string;
  country?: string;
  processingTime?: string | null;
  shopifyPlus?: boolean;
}) {
  return {
    data: {
      shop: {
        ianaTimezone: options.timeZone ?? "Europe/Stockholm",
        billingAddress: { countryCodeV2: options.country ?? "SE" },
        plan: { shopifyPlus: options.shopifyPlus ?? false },
      },
      deliveryPromiseSettings: { deliveryDatesEnabled: options.deliveryDatesEnabled, processingTime: options.processingTime ?? null },
      deliveryProfiles: {
        nodes: [
          {
            id: gid("DeliveryProfile"),
            name: "General profile",
            default: true,
            profileLocationGroups: [{ locationGroupZones: { nodes: options.zones.map(zone), pageInfo: { hasNextPage: false } } }],
          },
        ],
        pageInfo: { hasNextPage: false },
      },
    },
    extensions: {
      cost: { requestedQueryCost: 312, actualQueryCost: 41, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1959, restoreRate: 100 } },
    },
  };
}

/** The `PickupLocations` answer: `pickup` null means local pickup is off at that location. */
export function pickupLocationsAnswer(locations: { name: string; pickupTime: string | null }[]) {
  return {
    data: {
      locationsAvailableForDeliveryProfilesConnection: {
        nodes: locations.map((location) => ({
          id: gid("Location"),
          name: location.name,
          localPickupSettingsV2: location.pickupTime === null ? null : { pickupTime: location.pickupTime },
        })),
      },
    },
  };
}

/** Shopify's answer to a field the app's scopes do not cover. */
export function accessDeniedAnswer(field: string) {
  return {
    errors: [
      {
        message: `Access denied for ${field} field. Required access: \`read_locations\` access scope.`,
        locations: [{ line: 3, column: 5 }],
        extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: "`read_locations` access scope." },
        path: [field],
      },
    ],
    data: null,
  };
}

/** A Swedish demo shop: merchant rates, a PostNord carrier app, DHL for Germany and Austria, the rest of the world. */
export const DEMO_ZONES: ZoneFixture[] = [
  {
    name: "Sweden",
    countries: [{ code: "SE" }],
    rates: [
      { kind: "merchant", name: "Standard" },
      {
        kind: "carrier",
        name: "PostNord",
        carrier: "PostNord (app)",
        callbackUrl: "https://postnord-rates.example.com/rates",
        services: [
          { name: "PostNord MyPack Home", active: true },
          { name: "PostNord Varubrev", active: false },
        ],
      },
      { kind: "merchant", name: "Old rate", active: false },
    ],
  },
  {
    name: "DACH",
    countries: [{ code: "DE", provinces: ["BY", "BE"] }, { code: "AT" }],
    rates: [
      {
        kind: "carrier",
        name: "DHL",
        carrier: "DHL Express",
        callbackUrl: "https://dhl-rates.example.com/cs",
        services: [{ name: "DHL Paket International", active: true }],
      },
    ],
  },
  { name: "Spain", countries: [{ code: "ES" }], rates: [{ kind: "merchant", name: "Correos Internacional" }] },
  { name: "Rest of world", countries: [{ code: null, restOfWorld: true }], rates: [{ kind: "merchant", name: "International Standard" }] },
];
