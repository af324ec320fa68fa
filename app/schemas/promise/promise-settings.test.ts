import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPromiseConfig } from "../../domain/promise/promise-config";
import { promiseSettingsSchema, toPromiseConfig, type PromiseSettingsInput } from "./promise-settings";

const validSettings: PromiseSettingsInput = {
  version: 1,
  shop: { timeZone: "Europe/Stockholm", country: "SE" },
  cutoffs: { mon: "14:00", tue: "14:00", wed: "14:00", thu: "14:00", fri: "24:00" },
  processingDays: { min: 0, max: 1 },
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"] },
  lanes: [
    { id: "se", label: "Sweden", method: { handle: "standard" }, destination: { country: "SE" }, transitDays: { min: 1, max: 2 } },
    { id: "world", label: "World", method: { titlePattern: "post*" }, destination: { country: "*" }, transitDays: { min: 5, max: 9 } },
  ],
  paddingDays: 1,
  targetKeptRate: 0.95,
};

/** Field path → messages, the way a form shows them. */
function fieldErrors(input: unknown): Record<string, string[]> {
  const result = promiseSettingsSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("promiseSettingsSchema", () => {
  it("accepts a valid document and fills defaults", () => {
    const settings = promiseSettingsSchema.parse(validSettings);

    expect(settings).toMatchObject({ closedDates: [], closedRanges: [], horizonDays: 120, shop: { includeBankHolidays: true } });
  });

  it("accepts the example document from the docs", () => {
    const example: unknown = JSON.parse(readFileSync(join(import.meta.dirname, "../../../docs/examples/promise-settings.json"), "utf8"));

    expect(fieldErrors(example)).toEqual({});
  });

  it.each([
    ["processing min > max", { processingDays: { min: 3, max: 1 } }, "processingDays.max", "Maximum must be at least the minimum"],
    ["cut-off 25:00", { cutoffs: { ...validSettings.cutoffs, mon: "25:00" } }, "cutoffs.mon", 'Use a 24-hour time "HH:MM"'],
    ["cut-off without leading zero", { cutoffs: { ...validSettings.cutoffs, tue: "9:00" } }, "cutoffs.tue", 'Use a 24-hour time "HH:MM"'],
    ["unknown weekday in cut-offs", { cutoffs: { ...validSettings.cutoffs, mun: "14:00" } }, "cutoffs.mun", "Unknown weekday"],
    ["unknown working day", { workingDays: ["mon", "funday"] }, "workingDays.1", "Unknown weekday"],
    ["repeated working day", { workingDays: ["mon", "mon"] }, "workingDays", "Each day may appear only once"],
    ["working day without cut-off", { workingDays: ["mon", "sat"] }, "cutoffs.sat", "Set an order cut-off for sat"],
    ["no carrier days", { carrier: { deliveryDays: [] } }, "carrier.deliveryDays", "Pick at least one day"],
    ["unknown time zone", { shop: { timeZone: "Europe/Stokholm", country: "SE" } }, "shop.timeZone", "Unknown IANA time zone"],
    ["lower-case country", { shop: { timeZone: "Europe/Stockholm", country: "se" } }, "shop.country", "two-letter ISO country code"],
    ["impossible closed date", { closedDates: ["2026-02-30"] }, "closedDates.0", "real calendar date"],
    ["range ending before it starts", { closedRanges: [{ from: "2026-07-24", to: "2026-07-13" }] }, "closedRanges.0.to", "end date must not be before"],
    ["kept-rate target too low", { targetKeptRate: 0.4 }, "targetKeptRate", "at least 0.5"],
    ["kept-rate target of 100%", { targetKeptRate: 1 }, "targetKeptRate", "at most 0.999"],
    ["fractional padding", { paddingDays: 1.5 }, "paddingDays", "whole days"],
    ["no lanes", { lanes: [] }, "lanes", "Add at least one lane"],
    ["duplicate lane ids", { lanes: [validSettings.lanes[0], { ...validSettings.lanes[1], id: "se" }] }, "lanes.1.id", 'Duplicate lane id "se"'],
    ["lane without method", { lanes: [{ ...validSettings.lanes[0], method: {} }] }, "lanes.0.method", "handle or a title pattern"],
    [
      "lane transit min > max",
      { lanes: [{ ...validSettings.lanes[0], transitDays: { min: 4, max: 2 } }] },
      "lanes.0.transitDays.max",
      "Maximum must be at least",
    ],
    [
      "rest-of-world lane with a region",
      { lanes: [{ ...validSettings.lanes[1], destination: { country: "*", region: "BY" } }] },
      "lanes.0.destination.country",
      "rest-of-world",
    ],
    [
      "postal prefix with a space",
      { lanes: [{ ...validSettings.lanes[0], destination: { country: "SE", postalPrefix: "111 2" } }] },
      "lanes.0.destination.postalPrefix",
      "no spaces",
    ],
    ["unknown top-level field", { padding: 2 }, "", "Unrecognized key"],
  ])("reports %s on the field", (_case, change, path, message) => {
    const errors = fieldErrors({ ...validSettings, ...change });

    expect(errors[path]?.join(" | ")).toContain(message);
  });
});

describe("toPromiseConfig", () => {
  it("produces a config the engine accepts, with the expanded closed dates", () => {
    const settings = promiseSettingsSchema.parse({ ...validSettings, closedRanges: [{ from: "2026-07-13", to: "2026-07-24" }] });

    const config = toPromiseConfig(settings, { warehouse: ["2026-06-19", "2026-07-13"], carrier: ["2026-06-19"] });

    expect(isPromiseConfig(config)).toBe(true);
    expect(config).toEqual({
      version: 1,
      timeZone: "Europe/Stockholm",
      cutoffs: validSettings.cutoffs,
      processingDays: { min: 0, max: 1 },
      workingDays: ["mon", "tue", "wed", "thu", "fri"],
      closedDates: ["2026-06-19", "2026-07-13"],
      carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: ["2026-06-19"] },
      lanes: validSettings.lanes,
      paddingDays: 1,
    });
  });
});
