import type { PromiseSettingsInput } from "~/schemas/promise/promise-settings";

const EU = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const OTHERS = ["NO", "GB", "CH", "IS", "US", "CA", "AU", "JP"];

/**
 * A large but realistic shop for measuring the metafield: a Swedish warehouse shipping standard and
 * express to the EU and eight more countries (70 lanes), 19 Norrland postal-prefix lanes, a
 * rest-of-world lane (90 in all), a summer shutdown and a Christmas closure. `extraLanes` adds more
 * postal-prefix lanes to find the limit.
 */
export function largePromiseSettings(extraLanes = 0): PromiseSettingsInput {
  const lanes: PromiseSettingsInput["lanes"] = [];
  for (const country of [...EU, ...OTHERS]) {
    const id = country.toLowerCase();
    lanes.push({
      id: `${id}-standard`,
      label: `PostNord, ${country}`,
      method: { handle: "standard" },
      destination: { country },
      transitDays: { min: 2, max: 5 },
    });
    lanes.push({
      id: `${id}-express`,
      label: `DHL Express, ${country}`,
      method: { titlePattern: "*express*" },
      destination: { country },
      transitDays: { min: 1, max: 2 },
    });
  }
  for (let prefix = 80; prefix <= 98; prefix++) {
    lanes.push({
      id: `se-north-${prefix}`,
      label: `PostNord, Norrland ${prefix}xxx`,
      method: { handle: "standard" },
      destination: { country: "SE", postalPrefix: String(prefix) },
      transitDays: { min: 2, max: 4 },
    });
  }
  for (let extra = 0; extra < extraLanes; extra++) {
    lanes.push({
      id: `de-plz-${extra}`,
      label: `DHL Paket, PLZ ${10000 + extra}`,
      method: { handle: "standard" },
      destination: { country: "DE", postalPrefix: String(10000 + extra) },
      transitDays: { min: 2, max: 4 },
    });
  }
  lanes.push({
    id: "world",
    label: "PostNord International, rest of world",
    method: { handle: "standard" },
    destination: { country: "*" },
    transitDays: { min: 6, max: 12 },
  });
  return {
    version: 1,
    shop: { timeZone: "Europe/Stockholm", country: "SE" },
    cutoffs: { mon: "14:00", tue: "14:00", wed: "14:00", thu: "14:00", fri: "13:00" },
    processingDays: { min: 0, max: 1 },
    workingDays: ["mon", "tue", "wed", "thu", "fri"],
    closedDates: ["2026-12-23"],
    closedRanges: [
      { from: "2027-07-05", to: "2027-07-30", label: "Summer shutdown" },
      { from: "2026-12-27", to: "2027-01-06", label: "Christmas" },
    ],
    carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri"], closedDates: [] },
    lanes,
    paddingDays: 1,
    targetKeptRate: 0.95,
    horizonDays: 120,
  };
}
