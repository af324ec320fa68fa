import { describe, expect, it } from "vitest";
import { defaultPromiseSettings } from "./default-promise-settings";
import { promiseSettingsSchema } from "./promise-settings";

describe("the first draft for a shop without settings", () => {
  it.each([
    ["Europe/Stockholm", "SE"],
    ["America/Los_Angeles", "US"],
    ["Asia/Tokyo", "JP"],
  ])("is a valid document in %s (%s) with one domestic lane for every method", (timeZone, country) => {
    const draft = promiseSettingsSchema.parse(defaultPromiseSettings(timeZone, country));
    expect(draft.shop).toEqual({ timeZone, country, includeBankHolidays: true });
    expect(draft.lanes).toEqual([expect.objectContaining({ method: { titlePattern: "*" }, destination: { country } })]);
    expect(Object.keys(draft.cutoffs)).toEqual(draft.workingDays);
  });
});
