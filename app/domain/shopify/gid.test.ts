import { describe, expect, it } from "vitest";
import { gidPrefix, isGidOf, legacyIdOf, shopifyGid, toGid } from "./gid";

describe("Shopify GIDs", () => {
  it("builds a GID from a number, a digit string or a bigint above 2^53", () => {
    expect(shopifyGid("Order", 1001)).toBe("gid://shopify/Order/1001");
    expect(shopifyGid("Customer", "7")).toBe("gid://shopify/Customer/7");
    expect(shopifyGid("Order", 9007199254740993n)).toBe("gid://shopify/Order/9007199254740993");
    expect(gidPrefix("ProductVariant")).toBe("gid://shopify/ProductVariant/");
  });

  it("recognises a GID of one type only", () => {
    expect(isGidOf("Customer", "gid://shopify/Customer/7")).toBe(true);
    expect(isGidOf("Customer", "gid://shopify/Order/7")).toBe(false);
    expect(isGidOf("Customer", "gid://shopify/Customer/")).toBe(false);
    expect(isGidOf("Customer", 7)).toBe(false);
  });

  it("takes the id back out and re-types an OrderIdentity or bare id as an Order", () => {
    expect(legacyIdOf("gid://shopify/Order/123")).toBe("123");
    expect(toGid("Order", "gid://shopify/OrderIdentity/123")).toBe("gid://shopify/Order/123");
    expect(toGid("Order", "1001")).toBe("gid://shopify/Order/1001");
  });
});
