import { describe, expect, it } from "vitest";
import { marketingConsent, replacesConsent } from "./consent";

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

describe("which consent record wins", () => {
  const at = (iso: string) => new Date(iso);
  const record = (state: string, iso: string, optInLevel: string | null = "single_opt_in") => ({ state, optInLevel, at: at(iso) });

  it.each([
    ["nothing stored yet", null, record("unsubscribed", "2026-11-20T10:00:00Z"), true],
    ["a newer record", record("subscribed", "2026-11-20T10:00:00Z"), record("unsubscribed", "2026-11-20T10:00:01Z"), true],
    ["an older record (delivered late)", record("unsubscribed", "2026-11-20T10:00:00Z"), record("subscribed", "2026-11-19T10:00:00Z"), false],
    ["the same record again", record("subscribed", "2026-11-20T10:00:00Z"), record("subscribed", "2026-11-20T10:00:00Z"), false],
    ["a withdrawal at the same moment", record("subscribed", "2026-11-20T10:00:00Z"), record("unsubscribed", "2026-11-20T10:00:00Z"), true],
    ["a sign-up at the same moment as a withdrawal", record("unsubscribed", "2026-11-20T10:00:00Z"), record("subscribed", "2026-11-20T10:00:00Z"), false],
    [
      "a single opt-in at the same moment as a confirmed one",
      record("subscribed", "2026-11-20T10:00:00Z", "confirmed_opt_in"),
      record("subscribed", "2026-11-20T10:00:00Z", "single_opt_in"),
      true,
    ],
  ])("%s: replaces %s", (_case, stored, incoming, replaces) => {
    expect(replacesConsent(stored, incoming)).toBe(replaces);
  });

  it("ends in the same state whichever order two records arrive in", () => {
    const records = [record("unsubscribed", "2026-11-20T10:00:00Z"), record("subscribed", "2026-11-20T10:00:00Z"), record("pending", "2026-11-18T10:00:00Z")];
    const settle = (order: typeof records) =>
      order.reduce<(typeof records)[number] | null>((stored, next) => (replacesConsent(stored, next) ? next : stored), null);
    expect(settle(records)?.state).toBe("unsubscribed");
    expect(settle([...records].reverse())?.state).toBe("unsubscribed");
    expect(settle([records[1], records[2], records[0]])?.state).toBe("unsubscribed");
  });
});
