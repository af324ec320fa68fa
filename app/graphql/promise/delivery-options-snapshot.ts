// Everything the settings page needs to say which of the shop's shipping options get Kept's date
// (read_shipping), with the shop facts that decide which checkout surface dates them (plan, time zone).
// Connection sizes keep the calculated cost well under Shopify's 1,000-point query limit
// (5 profiles × 10 zones × 10 rates); `hasNextPage` marks a snapshot that was cut short.
export const DELIVERY_OPTIONS_SNAPSHOT_QUERY = `#graphql
  query DeliveryOptionsSnapshot {
    shop {
      ianaTimezone
      billingAddress {
        countryCodeV2
      }
      plan {
        shopifyPlus
      }
    }
    deliveryPromiseSettings {
      deliveryDatesEnabled
      processingTime
    }
    deliveryProfiles(first: 5) {
      nodes {
        id
        name
        default
        profileLocationGroups {
          locationGroupZones(first: 10) {
            nodes {
              zone {
                id
                name
                countries {
                  code {
                    countryCode
                    restOfWorld
                  }
                  provinces {
                    code
                  }
                }
              }
              methodDefinitions(first: 10) {
                nodes {
                  id
                  name
                  active
                  rateProvider {
                    __typename
                    ... on DeliveryParticipant {
                      carrierService {
                        id
                        name
                        formattedName
                        callbackUrl
                      }
                      participantServices {
                        name
                        active
                      }
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                }
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;
