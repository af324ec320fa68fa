import { describe, expect, it } from "vitest";
import { addDays } from "./civil-date";
import { formatPromiseDate } from "./format-promise-date";
import { formatPromiseDateWithoutIntl } from "./promise-date-names";
import type { PromiseLanguage } from "./promise-messages";

const LOCALES: [PromiseLanguage, string][] = [
  ["en", "en-GB"],
  ["de", "de-DE"],
  ["sv", "sv-SE"],
  ["ru", "ru-RU"],
  ["fr", "fr-FR"],
  ["es", "es-ES"],
];

describe("formatPromiseDateWithoutIntl (for the Function, which has no Intl)", () => {
  it.each(LOCALES)("writes every day of 2027 the way Intl does for %s (%s)", (language, locale) => {
    const mismatches: string[] = [];
    for (let day = 0; day < 365; day++) {
      const date = addDays("2027-01-01", day);
      const expected = formatPromiseDate(date, locale);
      const actual = formatPromiseDateWithoutIntl(date, language);
      if (actual !== expected) mismatches.push(`${date}: ${actual} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ["en", "Fri 4 Dec"],
    ["de", "Fr., 4. Dez."],
    ["sv", "fre 4 dec."],
    ["ru", "пт, 4 дек."],
    ["fr", "ven. 4 déc."],
    ["es", "vie, 4 dic"],
  ] as const)("%s: 2026-12-04 → %s", (language, expected) => {
    expect(formatPromiseDateWithoutIntl("2026-12-04", language)).toBe(expected);
  });
});
