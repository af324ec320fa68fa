import { describe, expect, it } from "vitest";
import { marketingConsent } from "./consent";

describe("marketing consent", () => {
  it.each([
    // state from Shopify's consent webhook, opt-in level, checkout box, strict mode -> allowed
    [null, null, true, false, true],
    [null, null, true, true, false],
    [null, null, false, false, false],
    [null, null, null, false, false],
    ["subscribed", "single_opt_in", false, false, true],
    ["subscribed", "single_opt_in", true, true, false],
    ["subscribed", "confirmed_opt_in", null, true, true],
    ["SUBSCRIBED", "CONFIRMED_OPT_IN", null, true, true],
    ["unsubscribed", null, true, false, false],
    ["pending", "confirmed_opt_in", true, false, false],
    ["not_subscribed", null, true, false, false],
  ])("state %s, level %s, checkout box %s, strict %s: allowed %s", (state, optInLevel, acceptsMarketing, strict, allowed) => {
    expect(marketingConsent({ state, optInLevel, acceptsMarketing }, strict).allowed).toBe(allowed);
  });

  it("says why in words, and that the newer consent from Shopify wins over the checkout box", () => {
    expect(marketingConsent({ state: "unsubscribed", optInLevel: null, acceptsMarketing: true }, false)).toEqual({
      allowed: false,
      reason: "the customer unsubscribed from marketing email in Shopify",
    });
    expect(marketingConsent({ state: null, optInLevel: null, acceptsMarketing: true }, true)).toEqual({
      allowed: false,
      reason: "no confirmed (double) opt-in, and strict consent is on",
    });
  });
});
