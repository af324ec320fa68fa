import type { PromiseSettingsInput } from "./promise-settings";

/**
 * A sensible first settings document for a shop that has none, from what Shopify says about the shop
 * (its time zone and country). It is only a starting point in the editor: nothing is promised until the
 * merchant saves it. One domestic lane matches every shipping method title ("*") with 1–3 days.
 */
export function defaultPromiseSettings(timeZone: string, country: string): PromiseSettingsInput {
  const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;
  return {
    version: 1,
    shop: { timeZone, country, includeBankHolidays: true },
    cutoffs: Object.fromEntries(weekdays.map((day) => [day, "14:00"])),
    processingDays: { min: 1, max: 2 },
    workingDays: [...weekdays],
    closedDates: [],
    closedRanges: [],
    carrier: { deliveryDays: [...weekdays], closedDates: [] },
    lanes: [{ id: "domestic", label: "Every method, domestic", method: { titlePattern: "*" }, destination: { country }, transitDays: { min: 1, max: 3 } }],
    paddingDays: 1,
    targetKeptRate: 0.95,
    horizonDays: 120,
  };
}
