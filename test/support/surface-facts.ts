import { withShopifyFacts, type CheckoutSurfaceSetting, type ShopifyFacts } from "../../app/domain/promise/option-policy";
import type { PromiseConfig } from "../../app/domain/promise/promise-config";
import { hasShopifyTransit, type RateKind, type ShippingOption } from "../../app/domain/promise/shipping-options";
import { packPromiseConfig } from "../../app/domain/promise/promise-config-wire";
import type { RunInput } from "../../extensions/promise-dates-function/src/run";
import { STOCKHOLM_CONFIG } from "./checkout-extension";

// One table of facts about a shop and one of its shipping options, and what each of Kept's three views of
// that option receives: the settings page (admin snapshot), the Function (its input), the shipping-option
// extension (its target). Used to prove the page's verdict is what checkout does
// (extensions/promise-shipping-option/src/surfaces-agree.test.ts) and that every Function input here is
// one Shopify could send (extensions/promise-dates-function/src/run.test.ts). No Node APIs: the extension's
// tests import it.

export type FactRow = {
  name: string;
  facts: ShopifyFacts;
  setting: CheckoutSurfaceSetting;
  rateKind: RateKind;
  /** The option's name as the shopper sees it; "Economy" has no lane. */
  optionName: "Standard" | "Economy";
};

const WAREHOUSE_ZONE = "Europe/Stockholm";
const PLANS: [string, boolean | undefined][] = [
  ["Plus", true],
  ["not Plus", false],
  ["plan unknown", undefined],
];
const DATES: [string, boolean | undefined][] = [
  ["dates on", true],
  ["dates off", false],
  ["dates unknown", undefined],
];
const ZONES: [string, string | undefined][] = [
  ["same zone", WAREHOUSE_ZONE],
  ["other zone", "America/New_York"],
  ["zone unknown", undefined],
];
const SETTINGS: CheckoutSurfaceSetting[] = ["auto", "option", "title"];
const RATE_KINDS: RateKind[] = ["merchant", "carrier-shopify", "carrier-app", "pickup"];

/** Every combination of plan, Shopify's delivery dates, store zone, the merchant's choice and rate kind, plus lane-less options. */
export const FACT_ROWS: FactRow[] = PLANS.flatMap(([plan, shopifyPlus]) =>
  DATES.flatMap(([dates, deliveryDatesEnabled]) =>
    ZONES.flatMap(([zone, timeZone]) =>
      SETTINGS.flatMap((setting) =>
        [
          ...RATE_KINDS.map((rateKind) => ({ rateKind, optionName: "Standard" as const })),
          { rateKind: "merchant" as const, optionName: "Economy" as const },
        ].map(({ rateKind, optionName }): FactRow => ({
          name: `${plan}, ${dates}, ${zone}, setting ${setting}, ${rateKind}${optionName === "Economy" ? " without a lane" : ""}`,
          facts: { shopifyPlus, deliveryDatesEnabled, timeZone },
          setting,
          rateKind,
          optionName,
        })),
      ),
    ),
  ),
);

/** The merchant's settings: Stockholm, a lane for "Standard" (by title, as the admin matches names) to Sweden. */
const SETTINGS_CONFIG: PromiseConfig = {
  ...STOCKHOLM_CONFIG,
  lanes: [
    { id: "se-standard", label: "Standard, Sweden", method: { titlePattern: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
  ],
};

/** The config the sync job publishes for these facts (and the page builds from its snapshot). */
export function publishedConfigFor(row: FactRow): PromiseConfig {
  return withShopifyFacts(SETTINGS_CONFIG, row.facts, row.setting);
}

/** The option as the settings page knows it from the Admin API snapshot. */
export function adminOptionFor(row: FactRow): ShippingOption {
  const isPickup = row.rateKind === "pickup";
  return {
    key: "gid://shopify/DeliveryMethodDefinition/7",
    name: row.optionName,
    methodType: isPickup ? "PICK_UP" : "SHIPPING",
    rateKind: row.rateKind,
    source: "General profile · Sweden",
    destinations: [{ country: "SE", provinces: [] }],
  };
}

const DAY = 86_400;

/**
 * The option as the checkout extension sees it. Checkout has Shopify's transit estimate exactly for the
 * rates Shopify dates itself (the admin's `hasShopifyTransit`); a carrier app here sends none.
 */
export function checkoutTargetFor(row: FactRow) {
  const option = adminOptionFor(row);
  if (option.methodType === "PICK_UP") return { type: "pickup" as const, handle: "p-1", code: "pickup-lager", title: row.optionName };
  const timeInTransit = hasShopifyTransit(option) ? { lower: 2 * DAY, upper: 3 * DAY } : undefined;
  return { type: "shipping" as const, handle: "b7c1e0f2", code: "rate-7", title: row.optionName, deliveryEstimate: timeInTransit ? { timeInTransit } : {} };
}

/** The Function's input for this option on Tue 1 Dec 2026, before the 14:00 cut-off in the store's zone. */
export function functionInputFor(row: FactRow): RunInput {
  const option = adminOptionFor(row);
  return {
    cart: {
      deliveryGroups: [
        {
          deliveryAddress: { countryCode: "SE", provinceCode: null, zip: "114 55" },
          deliveryOptions: [{ handle: "b7c1e0f2", code: "rate-7", title: row.optionName, deliveryMethodType: option.methodType }],
        },
      ],
    },
    localization: { language: { isoCode: "EN" } },
    shop: {
      localTime: { date: "2026-12-01", mon: true, tue: false, wed: false, thu: false, fri: false, sat: true, sun: true },
      metafield: { jsonValue: packPromiseConfig(publishedConfigFor(row)) },
    },
  };
}

/** The instant of `functionInputFor`'s shop day (Tue 1 Dec 2026, 10:00 in Stockholm) for the extension's clock. */
export const CHECKOUT_INSTANT = "2026-12-01T09:00:00Z";
