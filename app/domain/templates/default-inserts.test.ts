import { describe, expect, it } from "vitest";
import { DEFAULT_INSERTS, DEFAULT_INSERT_LOCALES } from "./default-inserts";
import { formatDateForLocale } from "./format-date-for-locale";
import { renderInsert, validateTemplate } from "./render-insert";

const data = { customer: { first_name: "Anna" }, order: { name: "#1001" }, code: "THANKS-7Q2K", code_expires_on: "1 December 2026" };

describe("default inserts", () => {
  const all = Object.entries(DEFAULT_INSERTS).flatMap(([id, insert]) =>
    DEFAULT_INSERT_LOCALES.map((locale) => [id, locale, insert.templates[locale]] as const),
  );

  it.each(all)("%s (%s) parses and renders", async (_id, locale, source) => {
    expect(validateTemplate(source)).toEqual({ ok: true });
    const result = await renderInsert({ templates: { [locale]: source }, fallbackLocale: locale, locale, data });
    expect(result.ok).toBe(true);
  });

  it("golden: English first-order thank-you card", async () => {
    const result = await renderInsert({ templates: DEFAULT_INSERTS["first-order-thanks"].templates, fallbackLocale: "en", locale: "en-GB", data });
    expect(result).toEqual({
      ok: true,
      localeUsed: "en",
      html:
        '<article class="kept-insert kept-insert--thanks">\n' +
        "  <h1>Thank you, Anna!</h1>\n" +
        "  <p>This is your very first order with us (#1001), and we packed it with care. We hope it brings you joy.</p>\n" +
        "  <p>If anything isn’t right, just reply to your order confirmation. We’re happy to help.</p>\n" +
        "</article>\n",
    });
  });

  it("golden: German code card without a first name, with a German date", async () => {
    const expires = formatDateForLocale("2026-12-01", "de-CH", "Europe/Zurich");
    const result = await renderInsert({
      templates: DEFAULT_INSERTS["next-order-code"].templates,
      fallbackLocale: "en",
      locale: "de-CH",
      data: { customer: { first_name: null }, code: "DANKE-5", code_expires_on: expires },
    });
    expect(result).toEqual({
      ok: true,
      localeUsed: "de",
      html:
        '<article class="kept-insert kept-insert--code">\n' +
        "  <h1>Eine Kleinigkeit für das nächste Mal</h1>\n" +
        "  <p>Mit diesem Code sparst du bei deiner nächsten Bestellung:</p>\n" +
        '  <p class="kept-insert__code">DANKE-5</p>\n' +
        "  <p>Gültig bis 1. Dezember 2026.</p>\n" +
        "</article>\n",
    });
  });

  it("golden: Swedish gift note greets without a name", async () => {
    const result = await renderInsert({
      templates: DEFAULT_INSERTS["loyal-gift-note"].templates,
      fallbackLocale: "en",
      locale: "sv-SE",
      data: { order: { name: "#2002" } },
    });
    expect(result.ok && result.html).toContain("<h1>Den här bjuder vi på</h1>");
  });

  // The sentence around an Intl date: each language's date must end the sentence exactly once ("г." is
  // Russian's abbreviation for "year" and already carries the full stop).
  it.each([
    ["en", "en-GB", "Valid until 20 December 2026."],
    ["en", "en-US", "Valid until December 20, 2026."],
    ["de", "de-DE", "Gültig bis 20. Dezember 2026."],
    ["sv", "sv-SE", "Gäller till och med 20 december 2026."],
    ["ru", "ru-RU", "Действует до 20 декабря 2026 г."],
    ["fr", "fr-CA", "Valable jusqu’au 20 décembre 2026."],
    ["es", "es-MX", "Válido hasta el 20 de diciembre de 2026."],
  ] as const)("code card in %s (%s) ends its expiry sentence once: %s", async (locale, customerLocale, sentence) => {
    const expires = formatDateForLocale("2026-12-20T09:00:00Z", customerLocale, "Europe/Stockholm");
    const result = await renderInsert({
      templates: DEFAULT_INSERTS["next-order-code"].templates,
      fallbackLocale: "en",
      locale: customerLocale,
      data: { code: "X", code_expires_on: expires },
    });
    expect(result.ok && result.localeUsed).toBe(locale);
    expect(result.ok && result.html).toContain(`  <p>${sentence}</p>\n`);
  });

  it("omits the expiry line when there is no expiry date", async () => {
    const result = await renderInsert({ templates: DEFAULT_INSERTS["next-order-code"].templates, fallbackLocale: "en", locale: "en", data: { code: "X" } });
    expect(result.ok && result.html).not.toContain("Valid until");
  });
});

describe("formatDateForLocale", () => {
  it.each([
    ["2026-12-01", "en", "UTC", "December 1, 2026"],
    ["2026-12-01", "de-DE", "Pacific/Auckland", "1. Dezember 2026"],
    ["2026-12-01", "sv", "UTC", "1 december 2026"],
    ["2026-12-01", "ru", "UTC", "1 декабря 2026 г."],
    ["2026-12-01", "fr", "UTC", "1 décembre 2026"],
    ["2026-12-01", "es", "UTC", "1 de diciembre de 2026"],
    ["2026-11-30T23:30:00Z", "de", "Europe/Berlin", "1. Dezember 2026"],
    ["2026-11-30T23:30:00Z", "en-US", "America/New_York", "November 30, 2026"],
    ["2026-12-01", "not a locale!", "UTC", "December 1, 2026"],
  ])("%s in %s (%s) reads %s", (iso, locale, zone, expected) => {
    expect(formatDateForLocale(iso, locale, zone)).toBe(expected);
  });

  it("returns null for something that is not a date", () => {
    expect(formatDateForLocale("soon", "en", "UTC")).toBeNull();
  });
});
