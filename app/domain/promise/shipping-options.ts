import { matchesMethod } from "./match-lane";
import { checkoutSurfaceOf, decideOptionPromise, type OptionDecision } from "./option-policy";
import type { PromiseConfig } from "./promise-config";

/**
 * Who computes an option's rate, which decides whether Shopify's own delivery dates can apply:
 * - merchant: a rate the merchant defined in Shopify (flat or conditional price);
 * - carrier-shopify: carrier-calculated by a carrier Shopify integrates itself;
 * - carrier-app: carrier-calculated by a third-party app (CarrierService with a callback URL);
 * - pickup: local pickup at a location.
 */
export type RateKind = "merchant" | "carrier-shopify" | "carrier-app" | "pickup";

/** One place a shipping option delivers to: an ISO country, or "*" for Shopify's "Rest of world". */
export interface OptionDestination {
  country: string;
  provinces: string[];
}

/** A shipping option as the admin sees it in Shopify's delivery settings (one row on the settings page). */
export interface ShippingOption {
  /** Stable key: the method definition id, plus the service name for carrier services. */
  key: string;
  /** The name the shopper sees at checkout. */
  name: string;
  methodType: "SHIPPING" | "PICK_UP";
  rateKind: RateKind;
  /** Where it comes from, for the merchant: "General profile · Sweden", "Pickup at Lager Göteborg". */
  source: string;
  destinations: OptionDestination[];
}

/** The verdict for one option and one destination country of its zone. */
export interface DestinationDecision {
  country: string;
  decision: OptionDecision;
  /** With no country-wide lane: lanes for the method that cover only a region or postal prefix here. */
  narrowerLaneIds: string[];
}

/**
 * Whether Shopify has a transit time of its own for an option, as far as the admin can tell: it dates
 * the merchant's own rates and the carriers it integrates itself. Rates from third-party carrier apps
 * are not dated by Shopify (its help centre: delivery dates do not work with third-party rates), and
 * pickup has no transit.
 */
export function hasShopifyTransit(option: Pick<ShippingOption, "methodType" | "rateKind">): boolean {
  return option.methodType === "SHIPPING" && option.rateKind !== "carrier-app";
}

/**
 * Decides, for each destination of a shipping option, whether Kept promises a date there (and by
 * which lane) or steps aside and why. `config` is the config as published (withShopifyFacts: Shopify's
 * delivery dates, the store's zone, the surface in charge), and the verdict is the shared policy's for
 * the surface in charge, so it is what that surface does at checkout. The admin knows the option's name
 * (matched as the method handle and as its title), its type and its rate kind; it cannot see Shop Promise
 * (only approved partners can), so that fact stays unknown here and checkout decides it. Destinations
 * are judged per country: region and postal lanes need the shopper's full address, so they are reported
 * as `narrowerLaneIds`.
 */
export function decideShippingOption(config: PromiseConfig, option: ShippingOption): DestinationDecision[] {
  const facts = { handle: option.name, title: option.name, methodType: option.methodType, hasShopifyTransit: hasShopifyTransit(option) };
  const surface = checkoutSurfaceOf(config);
  return option.destinations.map(({ country }) => {
    const decision = decideOptionPromise(config, surface, facts, { countryCode: country });
    const narrowerLaneIds =
      decision.kind === "skip" && decision.reason === "no-lane"
        ? config.lanes.filter((lane) => lane.destination.country.toUpperCase() === country.toUpperCase() && matchesMethod(lane, facts)).map((lane) => lane.id)
        : [];
    return { country, decision, narrowerLaneIds };
  });
}
