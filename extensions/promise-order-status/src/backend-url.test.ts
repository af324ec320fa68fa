import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KEPT_APP_URL } from "./backend-url";

describe("the backend URL the order-status extension calls", () => {
  it("is the app's application_url in shopify.app.toml", () => {
    const toml = readFileSync("shopify.app.toml", "utf8");
    expect(/^application_url = "(.+)"$/m.exec(toml)?.[1]).toBe(KEPT_APP_URL);
  });
});
