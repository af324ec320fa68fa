import { describe, expect, it } from "vitest";
import { payloadShopMismatch } from "./payload-shop";

describe("the shop a payload names", () => {
  it("must be the header's shop, case aside", () => {
    expect(payloadShopMismatch("shop-a.myshopify.com", { shop_id: 1, shop_domain: "Shop-A.myshopify.com" })).toBeNull();
    expect(payloadShopMismatch("shop-a.myshopify.com", { id: 1, myshopify_domain: "shop-a.myshopify.com", domain: "shop-a.example" })).toBeNull();
  });

  it("refuses a body signed for another shop", () => {
    expect(payloadShopMismatch("shop-b.myshopify.com", { shop_id: 1, shop_domain: "shop-a.myshopify.com" })).toBe(
      "signed for another shop (the payload's shop_domain is shop-a.myshopify.com, the header's shop shop-b.myshopify.com); nothing applied",
    );
    expect(payloadShopMismatch("shop-b.myshopify.com", { myshopify_domain: "shop-a.myshopify.com" })).toContain("myshopify_domain is shop-a");
  });

  it("has nothing to compare in payloads that do not name their shop (orders, fulfillments)", () => {
    expect(payloadShopMismatch("shop-b.myshopify.com", { id: 1, admin_graphql_api_id: "gid://shopify/Order/1" })).toBeNull();
    expect(payloadShopMismatch("shop-b.myshopify.com", { shop_domain: null, myshopify_domain: 7 })).toBeNull();
  });
});
