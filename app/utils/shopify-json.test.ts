import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "./shopify-json";

describe("parseShopifyJson", () => {
  it("keeps integers above 2^53 as exact digit strings", () => {
    expect(parseShopifyJson('{"id":9007199254740993,"order_id":820982911946154508}')).toEqual({ id: "9007199254740993", order_id: "820982911946154508" });
  });

  it("leaves safe integers, decimals and strings alone", () => {
    expect(parseShopifyJson('{"id":5871237129,"price":"9007199254740993.00","ratio":1.25,"big":9007199254740991}')).toEqual({
      id: 5871237129,
      price: "9007199254740993.00",
      ratio: 1.25,
      big: 9007199254740991,
    });
  });

  it("throws on invalid JSON", () => {
    expect(() => parseShopifyJson('{"id": ')).toThrow(SyntaxError);
  });
});
