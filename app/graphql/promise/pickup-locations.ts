// Locations that offer local pickup (localPickupSettingsV2 is null when pickup is off). Its own
// operation: Location fields may need read_locations on some shops, and a refusal here must not
// cost the merchant the shipping-rate snapshot.
export const PICKUP_LOCATIONS_QUERY = `#graphql
  query PickupLocations {
    locationsAvailableForDeliveryProfilesConnection(first: 50) {
      nodes {
        id
        name
        localPickupSettingsV2 {
          pickupTime
        }
      }
    }
  }
`;
