import { describe, expect, it } from "vitest";
import { stockholmConfig } from "../../../test/factories/promise-config";
import { decideShippingOption, showsShopifyDeliveryDate, type ShippingOption } from "./shipping-options";

const config = stockholmConfig([
  { id: "se-home", label: "PostNord, Sweden", method: { titlePattern: "postnord*" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
  { id: "de-dhl", label: "DHL, Germany", method: { handle: "DHL Paket" }, destination: { country: "DE" }, transitDays: { min: 2, max: 4 } },
  { id: "us-ca", label: "UPS, California", method: { titlePattern: "ups" }, destination: { country: "US", region: "CA" }, transitDays: { min: 2, max: 3 } },
  { id: "world", label: "International", method: { titlePattern: "international" }, destination: { country: "*" }, transitDays: { min: 7, max: 14 } },
]);

const option = (overrides: Partial<ShippingOption>): ShippingOption => ({
  key: "gid://shopify/DeliveryMethodDefinition/1",
  name: "PostNord MyPack Home",
  methodType: "SHIPPING",
  rateKind: "merchant",
  source: "General profile · Nordics",
  destinations: [{ country: "SE", provinces: [] }],
  ...overrides,
});

const summary = (decisions: ReturnType<typeof decideShippingOption>) =>
  decisions.map(({ country, decision, narrowerLaneIds }) =>
    `${country}:${decision.kind === "promise" ? decision.match.lane.id : decision.reason}${narrowerLaneIds.length ? `(${narrowerLaneIds.join(",")})` : ""}`,
  );

describe("which of the shop's shipping options get Kept's date (admin view)", () => {
  it.each<[string, Partial<ShippingOption>, boolean, string[]]>([
    ["a merchant rate with a lane, Shopify dates off", {}, false, ["SE:se-home"]],
    ["the same rate when Shopify's delivery dates are on", {}, true, ["SE:shopify-delivery-date"]],
    ["a third-party carrier app's rate keeps Kept's date even with Shopify dates on", { rateKind: "carrier-app" }, true, ["SE:se-home"]],
    ["a Shopify-integrated carrier rate with Shopify dates on", { rateKind: "carrier-shopify" }, true, ["SE:shopify-delivery-date"]],
    ["pickup is never dated", { methodType: "PICK_UP", rateKind: "pickup", destinations: [{ country: "SE", provinces: [] }] }, false, ["SE:local-or-pickup"]],
    ["matched by name as the handle", { name: "DHL Paket", destinations: [{ country: "DE", provinces: [] }, { country: "AT", provinces: [] }] }, false, ["DE:de-dhl", "AT:no-lane"]],
    ["only a region lane in that country", { name: "UPS Ground", destinations: [{ country: "US", provinces: ["CA", "NY"] }] }, false, ["US:no-lane(us-ca)"]],
    ["a rest-of-world zone", { name: "International Standard", destinations: [{ country: "*", provinces: [] }, { country: "JP", provinces: [] }] }, false, ["*:world", "JP:world"]],
  ])("%s", (_name, overrides, datesEnabled, expected) => {
    expect(summary(decideShippingOption(config, option(overrides), datesEnabled))).toEqual(expected);
  });

  it("says Shopify shows its own date only for eligible shipping rates while the feature is on", () => {
    expect(showsShopifyDeliveryDate(true, { methodType: "SHIPPING", rateKind: "merchant" })).toBe(true);
    expect(showsShopifyDeliveryDate(false, { methodType: "SHIPPING", rateKind: "merchant" })).toBe(false);
    expect(showsShopifyDeliveryDate(true, { methodType: "SHIPPING", rateKind: "carrier-app" })).toBe(false);
    expect(showsShopifyDeliveryDate(true, { methodType: "PICK_UP", rateKind: "pickup" })).toBe(false);
  });
});
