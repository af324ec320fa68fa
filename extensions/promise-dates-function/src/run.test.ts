import { describe, expect, it } from "vitest";
import { packPromiseConfig } from "../../../app/domain/promise/promise-config-wire";
import type { PromiseConfig } from "../../../app/domain/promise/promise-config";
import { STOCKHOLM_CONFIG } from "../../../test/support/checkout-extension";
import { executeFixture, loadFunctionApi, outputErrors, queryBytes, queryCostUpperBound } from "../../../test/support/function-schema";
import { FACT_ROWS, functionInputFor } from "../../../test/support/surface-facts";
import { run, type RunInput } from "./run";
import { STOCKHOLM_FUNCTION_VARIABLES } from "../../../test/factories/promise-config";

const api = loadFunctionApi("extensions/promise-dates-function/schema.graphql", "extensions/promise-dates-function/src/run.graphql");

// What Kept writes on the delivery customization.
const VARIABLES = STOCKHOLM_FUNCTION_VARIABLES;

// The Stockholm shop, with a title-matched express lane and no rest-of-world lane.
const config: PromiseConfig = {
  ...STOCKHOLM_CONFIG,
  lanes: [
    STOCKHOLM_CONFIG.lanes[0],
    { id: "express", label: "express", method: { titlePattern: "*express*" }, destination: { country: "*" }, transitDays: { min: 1, max: 1 } },
  ],
};

type Option = RunInput["cart"]["deliveryGroups"][number]["deliveryOptions"][number];
const standard: Option = { handle: "c1a2b3-standard", code: "standard", title: "Standard", deliveryMethodType: "SHIPPING" };
const express: Option = { handle: "d4e5f6-express", code: "dhl-express-worldwide", title: "DHL Express", deliveryMethodType: "SHIPPING" };
const economy: Option = { handle: "e7f8a9-economy", code: "economy", title: "Economy", deliveryMethodType: "SHIPPING" };
const local: Option = { handle: "f0a1b2-local", code: "standard", title: "Local delivery", deliveryMethodType: "LOCAL" };
const pickup: Option = { handle: "a3b4c5-pickup", code: "standard", title: "Pickup at Södermalm", deliveryMethodType: "PICK_UP" };

/** Tue 1 Dec 2026 in the shop's zone; before the 14:00 cut-off unless `afterCutoff`. */
function input(
  overrides: { options?: Option[]; language?: string; afterCutoff?: boolean; metafield?: unknown; date?: string; country?: string } = {},
): RunInput {
  const after = overrides.afterCutoff ?? false;
  return {
    cart: {
      deliveryGroups: [
        {
          deliveryAddress: { countryCode: overrides.country ?? "SE", provinceCode: null, zip: "114 55" },
          deliveryOptions: overrides.options ?? [standard, express, economy, local, pickup],
        },
      ],
    },
    localization: { language: { isoCode: overrides.language ?? "EN" } },
    shop: {
      localTime: { date: overrides.date ?? "2026-12-01", mon: true, tue: after, wed: false, thu: false, fri: false, sat: true, sun: true },
      metafield: overrides.metafield === undefined ? { jsonValue: packPromiseConfig(config) } : (overrides.metafield as RunInput["shop"]["metafield"]),
    },
  };
}

function expectValidFixture(fixture: RunInput) {
  const executed = executeFixture(api, fixture, VARIABLES);
  expect(executed.errors).toEqual([]);
  expect(executed.data).toEqual(fixture);
}

const rename = (option: Option, title: string) => ({ deliveryOptionRename: { deliveryOptionHandle: option.handle, title } });

describe("the input query stays within Shopify's limits", () => {
  it("is valid against the committed schema, at most 3000 bytes and at most 30 in cost", () => {
    expect(api.queryErrors).toEqual([]);
    const bytes = queryBytes(api.querySource);
    expect(bytes.asWritten).toBeLessThanOrEqual(3000);
    expect(queryCostUpperBound(api.query)).toBeLessThanOrEqual(30);
  });

  it("rejects a fixture that does not match the query (the validation is real)", () => {
    const broken = input({ options: [{ ...standard, deliveryMethodType: "DRONE" }] });
    expect(executeFixture(api, broken, VARIABLES).errors.join()).toContain("DRONE");
    const extra = { ...input(), presentmentCurrencyRate: "1.0" };
    expect(executeFixture(api, extra, VARIABLES).data).not.toEqual(extra);
  });
});

describe("run(): Kept's date in the shipping option title", () => {
  it("renames options with a lane, leaves local delivery, pickup and lane-less options alone, never moves or hides", () => {
    // GIVEN Tue 1 Dec before the cut-off: ships Tue..Wed
    const fixture = input();
    expectValidFixture(fixture);
    // WHEN the Function runs
    const result = run(fixture);
    // THEN standard: transit 1–2 → Fri 4 Dec, +1 → Mon 7 Dec; express (title match): 1 → Thu 3 Dec, +1 → Fri 4 Dec
    expect(result).toEqual({
      operations: [rename(standard, "Standard · Arrives by Mon 7 Dec"), rename(express, "DHL Express · Arrives by Fri 4 Dec")],
    });
    expect(outputErrors(api.schema, "CartDeliveryOptionsTransformRunResult", result)).toEqual([]);
  });

  it("moves the date one working day later once the day's cut-off has passed", () => {
    const fixture = input({ options: [standard], afterCutoff: true });
    expectValidFixture(fixture);
    expect(run(fixture).operations).toEqual([rename(standard, "Standard · Arrives by Tue 8 Dec")]);
  });

  it("dates options whose promise falls within the config's horizon, up to its last day", () => {
    // Standard is promised Mon 7 Dec, express Fri 4 Dec: a horizon ending 7 Dec covers both, one ending 6 Dec only express.
    const until = (validUntil: string) => input({ options: [standard, express], metafield: { jsonValue: packPromiseConfig({ ...config, validUntil }) } });
    expectValidFixture(until("2026-12-07"));
    expect(run(until("2026-12-07")).operations).toEqual([
      rename(standard, "Standard · Arrives by Mon 7 Dec"),
      rename(express, "DHL Express · Arrives by Fri 4 Dec"),
    ]);
    expect(run(until("2026-12-06")).operations).toEqual([rename(express, "DHL Express · Arrives by Fri 4 Dec")]);
  });

  it("counts over the Christmas closures", () => {
    // Wed 23 Dec before cut-off: ships Wed 23..Mon 28 (24/25 closed), transit 2 → Wed 30, +1 → Fri 1 Jan? 31 Dec closed → Fri 1 Jan
    const fixture = input({ options: [standard], date: "2026-12-23" });
    fixture.shop.localTime.wed = false;
    expectValidFixture(fixture);
    expect(run(fixture).operations).toEqual([rename(standard, "Standard · Arrives by Fri 1 Jan")]);
  });

  it.each([
    ["DE", "Standard · Lieferung bis Mo., 7. Dez."],
    ["SV", "Standard · Levereras senast mån 7 dec."],
    ["RU", "Standard · Доставка не позднее пн, 7 дек."],
    ["FR", "Standard · Livraison d’ici le lun. 7 déc."],
    ["ES", "Standard · Llega a más tardar el lun, 7 dic"],
    ["PT_BR", "Standard · Arrives by Mon 7 Dec"],
  ])("writes the title in the shopper's language: %s", (isoCode, title) => {
    const fixture = input({ options: [standard], language: isoCode });
    expectValidFixture(fixture);
    expect(run(fixture).operations).toEqual([rename(standard, title)]);
  });

  it.each<[string, Partial<Parameters<typeof input>[0]>]>([
    ["no config metafield (or one over 10,000 bytes, which arrives as null)", { metafield: null }],
    ["an invalid config", { metafield: { jsonValue: { v: 2, tz: "Europe/Stockholm" } } }],
    ["Shopify's own delivery dates on", { metafield: { jsonValue: packPromiseConfig({ ...config, shopifyDates: true }) } }],
    ["Shopify's delivery-date setting unknown", { metafield: { jsonValue: packPromiseConfig({ ...config, shopifyDates: undefined }) } }],
    ["a Shopify store clock in another time zone", { metafield: { jsonValue: packPromiseConfig({ ...config, shopifyTimeZone: "America/New_York" }) } }],
    ["the line under the option in charge (a Plus store)", { metafield: { jsonValue: packPromiseConfig({ ...config, checkoutSurface: "option" }) } }],
    ["a destination without any lane", { country: "NO", options: [standard] }],
    ["a stale config whose closed dates end before the promise", { metafield: { jsonValue: packPromiseConfig({ ...config, validUntil: "2026-11-28" }) } }],
    [
      "a promise one day past the config's horizon",
      { options: [standard], metafield: { jsonValue: packPromiseConfig({ ...config, validUntil: "2026-12-06" }) } },
    ],
  ])("renames nothing with %s", (_name, overrides) => {
    const fixture = input(overrides);
    expectValidFixture(fixture);
    expect(run(fixture)).toEqual({ operations: [] });
  });

  it("dates the title when the config puts it in charge explicitly", () => {
    const fixture = input({ options: [standard], metafield: { jsonValue: packPromiseConfig({ ...config, checkoutSurface: "title" }) } });
    expectValidFixture(fixture);
    expect(run(fixture).operations).toEqual([rename(standard, "Standard · Arrives by Mon 7 Dec")]);
  });

  it("renames a handle once when split shipping lists it in two groups", () => {
    const fixture = input({ options: [standard] });
    fixture.cart.deliveryGroups.push({ ...fixture.cart.deliveryGroups[0] });
    expectValidFixture(fixture);
    expect(run(fixture).operations).toEqual([rename(standard, "Standard · Arrives by Mon 7 Dec")]);
  });
});

describe("the inputs of the surfaces-agree table (extensions/promise-shipping-option/src/surfaces-agree.test.ts)", () => {
  it("are inputs Shopify could send: each validates against the schema and run.graphql", () => {
    const problems = FACT_ROWS.flatMap((row) => {
      const fixture = functionInputFor(row);
      const executed = executeFixture(api, fixture, VARIABLES);
      const same = JSON.stringify(executed.data) === JSON.stringify(fixture);
      return executed.errors.length > 0 || !same ? [`${row.name}: ${executed.errors.join("; ") || "differs from the query's shape"}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
