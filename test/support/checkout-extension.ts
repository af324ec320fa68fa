import { packPromiseConfig } from "../../app/domain/promise/promise-config-wire";
import type { PromiseConfig } from "../../app/domain/promise/promise-config";

/** A value as the checkout host hands it to extensions (the tester's mock signals do not re-render). */
function signal<T>(value: T) {
  return { value, subscribe: () => () => {}, destroy: async () => {} };
}

/**
 * Sets `shopify.shippingAddress`. StandardApi has it (optional: protected customer data) but the tester's
 * mock for shipping-option targets leaves it out, and its proxy refuses to set a property it lacks;
 * defineProperty goes past the proxy to the mock object.
 */
export function provideShippingAddress(shopify: object, address: Partial<ShopperAddress> | undefined) {
  const value = address && { ...STOCKHOLM_ADDRESS, ...address };
  Object.defineProperty(shopify, "shippingAddress", { value: signal(value), configurable: true, enumerable: true, writable: true });
}

/** A MailingAddress with every field the host sends (the tester's proxy throws on reading a missing key). */
const STOCKHOLM_ADDRESS = {
  firstName: "Anna",
  lastName: "Lind",
  company: undefined,
  address1: "Götgatan 1",
  address2: undefined,
  city: "Stockholm",
  provinceCode: undefined,
  countryCode: "SE",
  zip: "114 55",
  phone: undefined,
};
type ShopperAddress = typeof STOCKHOLM_ADDRESS;

/** The shop metafield entry the host passes to an extension that declared `$app:promise` / `config`. */
export function promiseConfigEntry(config: PromiseConfig | unknown, packed = true) {
  const value = JSON.stringify(packed ? packPromiseConfig(config as PromiseConfig) : config);
  return {
    target: { type: "shop" as const, id: "gid://shopify/Shop/1" },
    metafield: { namespace: "$app:promise", key: "config", value, type: "json", valueType: "json_string" as const },
  };
}

/** The Stockholm shop of docs/examples/promise-settings.json, compact, with Shopify's dates off. */
export const STOCKHOLM_CONFIG: PromiseConfig = {
  version: 1,
  timeZone: "Europe/Stockholm",
  cutoffs: { mon: "14:00", tue: "14:00", wed: "14:00", thu: "14:00", fri: "13:00" },
  processingDays: { min: 0, max: 1 },
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  closedDates: ["2026-12-24", "2026-12-25", "2026-12-31"],
  carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: ["2026-12-24", "2026-12-25", "2026-12-31"] },
  lanes: [
    { id: "se-standard", label: "se-standard", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
    { id: "world", label: "world", method: { handle: "standard" }, destination: { country: "*" }, transitDays: { min: 6, max: 12 } },
  ],
  paddingDays: 1,
  shopifyDates: false,
  shopifyTimeZone: "Europe/Stockholm",
};
