import { describe, expect, it } from "vitest";
import { decideOptionPromise, type DeliveryOptionFacts } from "./option-policy";
import { stockholmConfig } from "../../../test/factories/promise-config";

const config = stockholmConfig([
  { id: "se-standard", label: "Standard, Sweden", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
  { id: "world-express", label: "Express, world", method: { titlePattern: "express" }, destination: { country: "*" }, transitDays: { min: 2, max: 4 } },
]);
const stockholm = { countryCode: "SE", postalCode: "114 55" };

describe("which shipping options get Kept's date (no double dates)", () => {
  it.each<[string, DeliveryOptionFacts, string]>([
    ["a shipping option with a lane", { handle: "standard", title: "Standard", methodType: "SHIPPING" }, "promise:se-standard"],
    ["a title-matched option anywhere", { handle: "x1", title: "DHL Express", methodType: "SHIPPING" }, "promise:world-express"],
    ["an option without any lane", { handle: "economy", title: "Economy", methodType: "SHIPPING" }, "skip:no-lane"],
    ["local delivery", { handle: "standard", title: "Standard", methodType: "LOCAL" }, "skip:local-or-pickup"],
    ["store pickup (lower case type)", { handle: "standard", methodType: "pick_up" }, "skip:local-or-pickup"],
    ["a pickup point", { handle: "standard", methodType: "PICKUP_POINT" }, "skip:local-or-pickup"],
    ["Shop Promise", { handle: "standard", title: "Standard", methodType: "SHIPPING", isShopPromise: true }, "skip:shop-promise"],
    ["Shopify's own delivery date", { handle: "standard", title: "Standard", hasShopifyDeliveryDate: true }, "skip:shopify-delivery-date"],
    ["facts the surface cannot see", { handle: "standard" }, "promise:se-standard"],
  ])("%s", (_name, option, expected) => {
    const decision = decideOptionPromise(config, option, stockholm);
    expect(decision.kind === "promise" ? `promise:${decision.match.lane.id}` : `skip:${decision.reason}`).toBe(expected);
  });
});
