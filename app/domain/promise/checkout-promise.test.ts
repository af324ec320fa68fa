import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STOCKHOLM_CONFIG } from "../../../test/support/checkout-extension";
import { cutoffToMinutes, type PromiseConfig } from "./promise-config";
import { computePromise, computePromiseForShopDay } from "./compute-promise";
import { wallClockAt, weekdayOf } from "./civil-date";
import { promiseForCheckoutOption, promiseForFunctionOption, transitDaysFromSeconds, type CheckoutOption, type FunctionOption } from "./checkout-promise";

const DAY = 86_400;
// The Stockholm shop (cut-off 14:00 Tue, 0–1 processing days, transit 1–2, padding 1), lanes for Sweden only;
// the title (Function) is in charge, as in a config without `checkoutSurface`.
const config: PromiseConfig = { ...STOCKHOLM_CONFIG, lanes: [STOCKHOLM_CONFIG.lanes[0]] };
// A Plus store: the line under the option is in charge.
const plusConfig: PromiseConfig = { ...config, checkoutSurface: "option" };
const stockholm = { countryCode: "SE", postalCode: "114 55" };
// Tue 1 Dec 2026, 10:00 in Stockholm: same-day start, ships Tue..Wed.
const TUESDAY_MORNING = Date.UTC(2026, 11, 1, 9, 0);

const shipping = (overrides: Partial<CheckoutOption> = {}): CheckoutOption => ({
  handle: "3f2a9c-standard",
  code: "standard",
  title: "Standard",
  type: "shipping",
  ...overrides,
});

describe("transitDaysFromSeconds (Shopify's deliveryEstimate.timeInTransit)", () => {
  it.each([
    [
      { lower: 2 * DAY, upper: 4 * DAY },
      { min: 2, max: 4 },
    ],
    [
      { lower: 1.5 * DAY, upper: 3.2 * DAY },
      { min: 1, max: 4 },
    ],
    [{ upper: 3 * DAY }, { min: 3, max: 3 }],
    [{ lower: 2 * DAY }, undefined],
    [undefined, undefined],
    [{ lower: 5 * DAY, upper: -1 }, undefined],
  ])("%j → %j", (range, expected) => {
    expect(transitDaysFromSeconds(range)).toEqual(expected);
  });
});

describe("promiseForCheckoutOption (shipping-option extension)", () => {
  it("uses the lane when Shopify has no transit estimate", () => {
    const result = promiseForCheckoutOption(plusConfig, shipping(), stockholm, TUESDAY_MORNING);
    // ships Tue..Wed, transit 1–2 → latest Fri 4 Dec, +1 padding → Mon 7 Dec
    expect(result).toMatchObject({ kind: "promise", promise: { latest: "2026-12-04", promised: "2026-12-07" } });
  });

  it("uses Shopify's transit estimate instead of the lane's when there is one (Shopify's dates off)", () => {
    const result = promiseForCheckoutOption(plusConfig, shipping({ timeInTransit: { lower: 3 * DAY, upper: 5 * DAY } }), stockholm, TUESDAY_MORNING);
    // ships Tue..Wed, transit 3–5 → latest Wed 9 Dec, +1 → Thu 10 Dec
    expect(result).toMatchObject({ kind: "promise", promise: { latest: "2026-12-09", promised: "2026-12-10" } });
  });

  it.each<[string, PromiseConfig, CheckoutOption, string]>([
    ["local delivery", plusConfig, shipping({ type: "local" }), "local-or-pickup"],
    ["store pickup", plusConfig, shipping({ type: "pickup" }), "local-or-pickup"],
    ["a pickup point", plusConfig, shipping({ type: "pickupPoint" }), "local-or-pickup"],
    ["no lane for the method", plusConfig, shipping({ code: "economy", title: "Economy" }), "no-lane"],
    ["Shopify dates it (dates on)", { ...plusConfig, shopifyDates: true }, shipping({ timeInTransit: { upper: 3 * DAY } }), "shopify-delivery-date"],
    [
      "Shopify may date it (setting unknown)",
      { ...plusConfig, shopifyDates: undefined },
      shipping({ timeInTransit: { upper: 3 * DAY } }),
      "shopify-delivery-date",
    ],
    ["the title is in charge (not Plus, plan unknown, or the merchant's choice)", { ...plusConfig, checkoutSurface: "title" }, shipping(), "other-surface"],
    [
      "the title is in charge by default (a config written before the surface was published)",
      { ...plusConfig, checkoutSurface: undefined },
      shipping(),
      "other-surface",
    ],
  ])("shows nothing for %s", (_name, cfg, option, reason) => {
    expect(promiseForCheckoutOption(cfg, option, stockholm, TUESDAY_MORNING)).toEqual({ kind: "skip", reason });
  });

  it("dates an option without a transit estimate even when Shopify's dates are on (Shopify has nothing to show)", () => {
    const result = promiseForCheckoutOption({ ...plusConfig, shopifyDates: true }, shipping(), stockholm, TUESDAY_MORNING);
    expect(result).toMatchObject({ kind: "promise", promise: { promised: "2026-12-07" } });
  });
});

const fnOption = (overrides: Partial<FunctionOption> = {}): FunctionOption => ({
  handle: "3f2a9c-standard",
  code: "standard",
  title: "Standard",
  deliveryMethodType: "SHIPPING",
  ...overrides,
});

describe("promiseForFunctionOption (delivery-customization Function)", () => {
  it("promises from the shop's date and the cut-off boolean", () => {
    expect(promiseForFunctionOption(config, fnOption(), stockholm, { date: "2026-12-01", isBeforeCutoff: true })).toMatchObject({
      kind: "promise",
      promise: { promised: "2026-12-07" },
    });
    // after the cut-off: starts Wed, ships Wed..Thu → latest Mon 7 Dec → +1 Tue 8 Dec
    expect(promiseForFunctionOption(config, fnOption(), stockholm, { date: "2026-12-01", isBeforeCutoff: false })).toMatchObject({
      kind: "promise",
      promise: { promised: "2026-12-08" },
    });
  });

  it.each<[string, PromiseConfig, FunctionOption, string]>([
    ["Shopify's delivery dates on", { ...config, shopifyDates: true }, fnOption(), "shopify-delivery-date"],
    ["Shopify's delivery dates unknown", { ...config, shopifyDates: undefined }, fnOption(), "shopify-delivery-date"],
    ["local delivery", config, fnOption({ deliveryMethodType: "LOCAL" }), "local-or-pickup"],
    ["pickup", config, fnOption({ deliveryMethodType: "PICK_UP" }), "local-or-pickup"],
    ["no lane", config, fnOption({ code: "economy", title: "Economy" }), "no-lane"],
    ["a store clock in another zone", { ...config, shopifyTimeZone: "America/New_York" }, fnOption(), "store-time-zone"],
    ["an unknown store clock", { ...config, shopifyTimeZone: undefined }, fnOption(), "store-time-zone"],
    ["the line under the option in charge (Plus)", plusConfig, fnOption(), "other-surface"],
  ])("declines with %s", (_name, cfg, option, reason) => {
    expect(promiseForFunctionOption(cfg, option, stockholm, { date: "2026-12-01", isBeforeCutoff: true })).toEqual({ kind: "skip", reason });
  });
});

describe("computePromiseForShopDay agrees with computePromise", () => {
  it("for any instant, given the shop date and the cut-off as computePromise reads them", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }), (instant) => {
        const clock = wallClockAt(instant, config.timeZone);
        const cutoff = config.cutoffs[weekdayOf(clock.date)];
        const isBeforeCutoff = cutoff !== undefined && clock.minuteOfDay < cutoffToMinutes(cutoff);
        const method = { handle: "standard" };
        const full = computePromise(config, { orderedAt: instant, method, destination: stockholm });
        const shopDay = computePromiseForShopDay(config, { shopDate: clock.date, isBeforeCutoff, method, destination: stockholm });
        expect(shopDay.ok && full.ok && [shopDay.shipBy, shopDay.latest, shopDay.promised]).toEqual(full.ok && [full.shipBy, full.latest, full.promised]);
      }),
      { numRuns: 300 },
    );
  });
});
