import { describe, expect, it } from "vitest";
import { stockholmConfig } from "../../../test/factories/promise-config";
import { withShopifyFacts, type ShopifyFacts } from "./option-policy";
import { decideShippingOption, hasShopifyTransit, type RateKind, type ShippingOption } from "./shipping-options";

const lanes = stockholmConfig([
  { id: "se-home", label: "PostNord, Sweden", method: { titlePattern: "postnord*" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
  { id: "de-dhl", label: "DHL, Germany", method: { handle: "DHL Paket" }, destination: { country: "DE" }, transitDays: { min: 2, max: 4 } },
  { id: "us-ca", label: "UPS, California", method: { titlePattern: "ups" }, destination: { country: "US", region: "CA" }, transitDays: { min: 2, max: 3 } },
  { id: "world", label: "International", method: { titlePattern: "international" }, destination: { country: "*" }, transitDays: { min: 7, max: 14 } },
]);
// A Plus store on the warehouse's clock with Shopify's dates off: the line under the option is in charge.
const PLUS_DATES_OFF: ShopifyFacts = { shopifyPlus: true, deliveryDatesEnabled: false, timeZone: "Europe/Stockholm" };

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
  decisions.map(
    ({ country, decision, narrowerLaneIds }) =>
      `${country}:${decision.kind === "promise" ? decision.match.lane.id : decision.reason}${narrowerLaneIds.length ? `(${narrowerLaneIds.join(",")})` : ""}`,
  );

describe("which of the shop's shipping options get Kept's date (admin view)", () => {
  it.each<[string, Partial<ShippingOption>, string[]]>([
    ["a merchant rate with a lane", {}, ["SE:se-home"]],
    ["pickup is never dated", { methodType: "PICK_UP", rateKind: "pickup" }, ["SE:local-or-pickup"]],
    [
      "matched by name as the handle",
      {
        name: "DHL Paket",
        destinations: [
          { country: "DE", provinces: [] },
          { country: "AT", provinces: [] },
        ],
      },
      ["DE:de-dhl", "AT:no-lane"],
    ],
    ["only a region lane in that country", { name: "UPS Ground", destinations: [{ country: "US", provinces: ["CA", "NY"] }] }, ["US:no-lane(us-ca)"]],
    [
      "a rest-of-world zone",
      {
        name: "International Standard",
        destinations: [
          { country: "*", provinces: [] },
          { country: "JP", provinces: [] },
        ],
      },
      ["*:world", "JP:world"],
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(summary(decideShippingOption(withShopifyFacts(lanes, PLUS_DATES_OFF, "auto"), option(overrides)))).toEqual(expected);
  });

  // The facts that decide the verdict, as the surface in charge weighs them. Each row is a mismatch the
  // page once had with checkout, or its neighbour.
  type Row = [string, ShopifyFacts, "auto" | "option" | "title", RateKind, string];
  const SE = "Europe/Stockholm";
  it.each<Row>([
    // Plus: the line under the option sees Shopify's transit per option.
    ["Plus, dates off, merchant rate", { shopifyPlus: true, deliveryDatesEnabled: false, timeZone: SE }, "auto", "merchant", "SE:se-home"],
    [
      "Plus, dates on, merchant rate (Shopify dates it)",
      { shopifyPlus: true, deliveryDatesEnabled: true, timeZone: SE },
      "auto",
      "merchant",
      "SE:shopify-delivery-date",
    ],
    [
      "Plus, dates on, Shopify-integrated carrier",
      { shopifyPlus: true, deliveryDatesEnabled: true, timeZone: SE },
      "auto",
      "carrier-shopify",
      "SE:shopify-delivery-date",
    ],
    [
      "Plus, dates on, carrier app's rate (Shopify does not date it)",
      { shopifyPlus: true, deliveryDatesEnabled: true, timeZone: SE },
      "auto",
      "carrier-app",
      "SE:se-home",
    ],
    ["Plus, dates unknown, merchant rate (unknown counts as on)", { shopifyPlus: true, timeZone: SE }, "auto", "merchant", "SE:shopify-delivery-date"],
    ["Plus, dates unknown, carrier app's rate", { shopifyPlus: true, timeZone: SE }, "auto", "carrier-app", "SE:se-home"],
    [
      "Plus, store zone differs: the line under the option keeps its own clock",
      { shopifyPlus: true, deliveryDatesEnabled: false, timeZone: "America/New_York" },
      "auto",
      "merchant",
      "SE:se-home",
    ],
    // Other plans, an unknown plan, or a Plus merchant's choice: the title cannot see transit times.
    ["not Plus, dates off, merchant rate", { shopifyPlus: false, deliveryDatesEnabled: false, timeZone: SE }, "auto", "merchant", "SE:se-home"],
    [
      "not Plus, dates on, carrier app's rate (the Function steps back entirely)",
      { shopifyPlus: false, deliveryDatesEnabled: true, timeZone: SE },
      "auto",
      "carrier-app",
      "SE:shopify-delivery-date",
    ],
    ["not Plus, dates unknown, carrier app's rate", { shopifyPlus: false, timeZone: SE }, "auto", "carrier-app", "SE:shopify-delivery-date"],
    [
      "not Plus, store zone differs",
      { shopifyPlus: false, deliveryDatesEnabled: false, timeZone: "America/New_York" },
      "auto",
      "merchant",
      "SE:store-time-zone",
    ],
    ["not Plus, store zone unknown", { shopifyPlus: false, deliveryDatesEnabled: false }, "auto", "merchant", "SE:store-time-zone"],
    [
      "not Plus, asked for the line under the option (cannot render there)",
      { shopifyPlus: false, deliveryDatesEnabled: true, timeZone: SE },
      "option",
      "carrier-app",
      "SE:shopify-delivery-date",
    ],
    ["plan unknown, dates on, carrier app's rate", { deliveryDatesEnabled: true, timeZone: SE }, "auto", "carrier-app", "SE:shopify-delivery-date"],
    [
      "Plus choosing the title, dates on, carrier app's rate",
      { shopifyPlus: true, deliveryDatesEnabled: true, timeZone: SE },
      "title",
      "carrier-app",
      "SE:shopify-delivery-date",
    ],
    ["Plus choosing the title, dates off", { shopifyPlus: true, deliveryDatesEnabled: false, timeZone: SE }, "title", "merchant", "SE:se-home"],
  ])("%s", (_name, facts, setting, rateKind, expected) => {
    expect(summary(decideShippingOption(withShopifyFacts(lanes, facts, setting), option({ rateKind })))).toEqual([expected]);
  });

  it("says Shopify has a transit time only for shipping rates it dates itself", () => {
    expect(hasShopifyTransit({ methodType: "SHIPPING", rateKind: "merchant" })).toBe(true);
    expect(hasShopifyTransit({ methodType: "SHIPPING", rateKind: "carrier-shopify" })).toBe(true);
    expect(hasShopifyTransit({ methodType: "SHIPPING", rateKind: "carrier-app" })).toBe(false);
    expect(hasShopifyTransit({ methodType: "PICK_UP", rateKind: "pickup" })).toBe(false);
  });
});
