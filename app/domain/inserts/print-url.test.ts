import { describe, expect, it } from "vitest";
import { printUrlFor } from "./print-url";

describe("printUrlFor", () => {
  it.each<[string, { id: string }[], string | null, string | null]>([
    ["one order", [{ id: "gid://shopify/Order/1001" }], null, "/print/inserts?orders=1001"],
    ["a selection with paper", [{ id: "gid://shopify/Order/1" }, { id: "gid://shopify/Order/22" }], "A5", "/print/inserts?orders=1,22&paper=A5"],
    ["an unknown paper is left to the app", [{ id: "gid://shopify/Order/1" }], "B4", "/print/inserts?orders=1"],
    ["nothing selected disables printing", [], "A6", null],
    ["other resources are ignored", [{ id: "gid://shopify/Product/1" }], null, null],
  ])("%s", (_name, selected, paper, expected) => {
    expect(printUrlFor(selected, paper)).toBe(expected);
  });
});
