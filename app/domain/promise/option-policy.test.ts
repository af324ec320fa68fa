import { describe, expect, it } from "vitest";
import {
  checkoutSurfaceOf,
  decideOptionPromise,
  resolveCheckoutSurface,
  withShopifyFacts,
  type CheckoutSurfaceSetting,
  type DeliveryOptionFacts,
} from "./option-policy";
import type { CheckoutSurface, PromiseConfig } from "./promise-config";
import { stockholmConfig } from "../../../test/factories/promise-config";

const lanes = stockholmConfig([
  { id: "se-standard", label: "Standard, Sweden", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
  { id: "world-express", label: "Express, world", method: { titlePattern: "express" }, destination: { country: "*" }, transitDays: { min: 2, max: 4 } },
]);
// Shopify's dates off, the store clock is the warehouse's: only the option facts decide.
const config = (surface: CheckoutSurface, overrides: Partial<PromiseConfig> = {}): PromiseConfig => ({
  ...lanes,
  shopifyDates: false,
  shopifyTimeZone: "Europe/Stockholm",
  checkoutSurface: surface,
  ...overrides,
});
const stockholm = { countryCode: "SE", postalCode: "114 55" };
const verdict = (decision: ReturnType<typeof decideOptionPromise>) =>
  decision.kind === "promise" ? `promise:${decision.match.lane.id}` : `skip:${decision.reason}`;

describe("which shipping options get Kept's date (no double dates)", () => {
  it.each<[string, DeliveryOptionFacts, string]>([
    ["a shipping option with a lane", { handle: "standard", title: "Standard", methodType: "SHIPPING" }, "promise:se-standard"],
    ["a title-matched option anywhere", { handle: "x1", title: "DHL Express", methodType: "SHIPPING" }, "promise:world-express"],
    ["an option without any lane", { handle: "economy", title: "Economy", methodType: "SHIPPING" }, "skip:no-lane"],
    ["local delivery", { handle: "standard", title: "Standard", methodType: "LOCAL" }, "skip:local-or-pickup"],
    ["store pickup (lower case type)", { handle: "standard", methodType: "pick_up" }, "skip:local-or-pickup"],
    ["a pickup point", { handle: "standard", methodType: "PICKUP_POINT" }, "skip:local-or-pickup"],
    ["Shop Promise", { handle: "standard", title: "Standard", methodType: "SHIPPING", isShopPromise: true }, "skip:shop-promise"],
    ["facts the surface cannot see", { handle: "standard" }, "promise:se-standard"],
  ])("%s (either surface)", (_name, option, expected) => {
    expect(verdict(decideOptionPromise(config("option"), "option", option, stockholm))).toBe(expected);
    expect(verdict(decideOptionPromise(config("title"), "title", option, stockholm))).toBe(expected);
  });

  it("lets only the surface in charge date an option, so it never gets two Kept dates", () => {
    const option = { handle: "standard", title: "Standard", methodType: "SHIPPING", hasShopifyTransit: false };
    expect(verdict(decideOptionPromise(config("option"), "option", option, stockholm))).toBe("promise:se-standard");
    expect(verdict(decideOptionPromise(config("option"), "title", option, stockholm))).toBe("skip:other-surface");
    expect(verdict(decideOptionPromise(config("title"), "option", option, stockholm))).toBe("skip:other-surface");
    // A metafield written before the surface was published: the title (works on every plan) is in charge.
    const old = { ...config("title"), checkoutSurface: undefined };
    expect(checkoutSurfaceOf(old)).toBe("title");
    expect(verdict(decideOptionPromise(old, "option", option, stockholm))).toBe("skip:other-surface");
    expect(verdict(decideOptionPromise(old, "title", option, stockholm))).toBe("promise:se-standard");
  });

  // Shopify's delivery dates × what the surface can see of Shopify's transit time for the option.
  it.each<[string, boolean | undefined, boolean | undefined, string, string]>([
    ["dates off, transit", false, true, "promise:se-standard", "promise:se-standard"],
    ["dates off, no transit", false, false, "promise:se-standard", "promise:se-standard"],
    ["dates on, transit (Shopify dates it)", true, true, "skip:shopify-delivery-date", "skip:shopify-delivery-date"],
    // The title cannot see transit times, so it steps back even where the caller knows Shopify has none.
    ["dates on, no transit (a carrier app's rate)", true, false, "promise:se-standard", "skip:shopify-delivery-date"],
    ["dates unknown (counted as on), transit", undefined, true, "skip:shopify-delivery-date", "skip:shopify-delivery-date"],
    ["dates unknown, no transit", undefined, false, "promise:se-standard", "skip:shopify-delivery-date"],
    ["dates on, transit not visible", true, undefined, "skip:shopify-delivery-date", "skip:shopify-delivery-date"],
  ])("Shopify's own dates: %s → option %s, title %s", (_name, shopifyDates, hasShopifyTransit, underOption, inTitle) => {
    const option = { handle: "standard", title: "Standard", methodType: "SHIPPING", hasShopifyTransit };
    expect(verdict(decideOptionPromise(config("option", { shopifyDates }), "option", option, stockholm))).toBe(underOption);
    expect(verdict(decideOptionPromise(config("title", { shopifyDates }), "title", option, stockholm))).toBe(inTitle);
  });

  it.each<[string, string | undefined]>([
    ["in another zone", "America/New_York"],
    ["unknown", undefined],
  ])("the title dates nothing when the store's Shopify clock is %s; the line under the option does not need it", (_name, shopifyTimeZone) => {
    const option = { handle: "standard", title: "Standard", methodType: "SHIPPING", hasShopifyTransit: false };
    expect(verdict(decideOptionPromise(config("title", { shopifyTimeZone }), "title", option, stockholm))).toBe("skip:store-time-zone");
    expect(verdict(decideOptionPromise(config("option", { shopifyTimeZone }), "option", option, stockholm))).toBe("promise:se-standard");
  });
});

describe("which surface dates the options", () => {
  it.each<[CheckoutSurfaceSetting, boolean | undefined, CheckoutSurface]>([
    ["auto", true, "option"],
    ["auto", false, "title"],
    ["auto", undefined, "title"],
    ["title", true, "title"],
    ["option", true, "option"],
    // Only Plus checkouts render the line under the option: elsewhere the choice cannot hold.
    ["option", false, "title"],
    ["option", undefined, "title"],
  ])("setting %s, Shopify Plus %s → %s", (setting, shopifyPlus, expected) => {
    expect(resolveCheckoutSurface(setting, shopifyPlus)).toBe(expected);
  });

  it("publishes the Shopify facts with the config, leaving unknown facts out", () => {
    const stale = { ...lanes, shopifyDates: true, shopifyTimeZone: "UTC" };
    expect(withShopifyFacts(stale, { deliveryDatesEnabled: false, timeZone: "Europe/Stockholm", shopifyPlus: true }, "auto")).toEqual({
      ...lanes,
      shopifyDates: false,
      shopifyTimeZone: "Europe/Stockholm",
      checkoutSurface: "option",
    });
    expect(withShopifyFacts(stale, {}, "option")).toEqual({ ...lanes, checkoutSurface: "title" });
  });
});
