import { describe, expect, it } from "vitest";
import { formatShopifyJson, parseShopifyJson } from "./shopify-json";

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

describe("formatShopifyJson", () => {
  it("pretty-prints every number exactly as received, ids above 2^53 included", () => {
    const body = '{"id":9007199254740993,"order_id":820982911946154508,"line_items":[{"quantity":2,"grams":1.50}],"price":"9.90","big":-9007199254740993}';
    expect(formatShopifyJson(body)).toBe(
      [
        "{",
        '  "id": 9007199254740993,',
        '  "order_id": 820982911946154508,',
        '  "line_items": [',
        "    {",
        '      "quantity": 2,',
        '      "grams": 1.50',
        "    }",
        "  ],",
        '  "price": "9.90",',
        '  "big": -9007199254740993',
        "}",
      ].join("\n"),
    );
  });

  it("throws on invalid JSON", () => {
    expect(() => formatShopifyJson('{"id": 7004,')).toThrow(SyntaxError);
  });
});
