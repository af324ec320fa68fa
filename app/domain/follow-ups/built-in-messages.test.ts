import { describe, expect, it } from "vitest";
import {
  BUILT_IN_MESSAGES,
  FOLLOW_UP_LOCALES,
  FOLLOW_UP_TRIGGERS,
  categoryOf,
  type FollowUpLocale,
  type FollowUpTrigger,
  type MessageSource,
} from "./built-in-messages";
import { createSandboxedLiquid } from "../templates/sandboxed-liquid";

const engine = createSandboxedLiquid();
const PARTS: (keyof MessageSource)[] = ["subject", "html", "text"];
const UNSUBSCRIBE = "https://kept.test/u/9f2c7a";

/** Everything present: a first name, tracking, a code, products with care text and review links. */
const full = {
  customer: { first_name: "Anna" },
  order: { name: "#1042" },
  shop: { name: "Kettle Leaf", email: "hello@kettle.test" },
  promised_on: "5 December 2026",
  shipped_on: "2 December 2026",
  arrived_on: "4 December 2026",
  days_early: 2,
  late: true,
  tracking_url: "https://track.test/JJD0099",
  tracking_number: "JJD0099",
  carrier: "DHL",
  products: [
    { title: "Tea & <Cups>", care: "Rinse by hand and dry at once.", review_url: "https://kettle.test/reviews/cups", image_url: "https://cdn.test/cups.jpg" },
    { title: "Sencha Loose Leaf", care: null, review_url: null, image_url: null },
  ],
  review_url: "https://kettle.test/reviews",
  code: "SORRY-7Q2K",
  code_expires_on: "31 January 2027",
  unsubscribe_url: UNSUBSCRIBE,
  accent_color: "#2c6ecb",
};

/** The least we may get: no first name, no shop email, no dates, no tracking, no code, bare products. */
const sparse = {
  customer: { first_name: null },
  order: { name: "#1042" },
  shop: { name: "Kettle Leaf" },
  days_early: 1,
  late: false,
  products: [{ title: "Sencha Loose Leaf" }],
  review_url: "https://kettle.test/reviews",
  unsubscribe_url: UNSUBSCRIBE,
  accent_color: "#2c6ecb",
};

const source = (trigger: FollowUpTrigger, locale: FollowUpLocale) => BUILT_IN_MESSAGES[trigger].sources[locale];

async function render(trigger: FollowUpTrigger, locale: FollowUpLocale, data: object): Promise<MessageSource> {
  const message = source(trigger, locale);
  const [subject, html, text] = await Promise.all(PARTS.map(async (part): Promise<string> => engine.parseAndRender(message[part], data)));
  return { subject, html, text };
}

const everyMessage = FOLLOW_UP_TRIGGERS.flatMap((trigger) =>
  FOLLOW_UP_LOCALES.flatMap((locale) => [[trigger, locale, "full", full] as const, [trigger, locale, "sparse", sparse] as const]),
);

describe("built-in follow-up messages", () => {
  it("has a message for every trigger, in every language", () => {
    expect(Object.keys(BUILT_IN_MESSAGES).sort()).toEqual([...FOLLOW_UP_TRIGGERS].sort());
    for (const trigger of FOLLOW_UP_TRIGGERS) expect(Object.keys(BUILT_IN_MESSAGES[trigger].sources).sort()).toEqual([...FOLLOW_UP_LOCALES].sort());
  });

  it.each(everyMessage)("%s (%s, %s data) renders completely", async (trigger, locale, _kind, data) => {
    const message = await render(trigger, locale, data);
    for (const part of PARTS) {
      expect(message[part]).not.toMatch(/{{|}}|{%|%}|undefined|null|NaN|\[object Object\]/);
      expect(message[part]).toContain("#1042");
    }
    expect(message.subject).not.toContain("\n");
    expect(message.subject.trim()).toBe(message.subject);
    expect(message.html).toContain(`href="${UNSUBSCRIBE}"`);
    expect(message.text.trimEnd().endsWith(UNSUBSCRIBE)).toBe(true);
    // Plain text is plain: no markup, no entity we wrote ourselves, no runs of blank lines from skipped blocks.
    expect(message.text).not.toMatch(/<[a-z/!][^>]*>|&nbsp;/i);
    expect(message.text).not.toMatch(/\n\n\n/);
    expect(message.text.startsWith("\n")).toBe(false);
    // A typo across scripts (a Cyrillic letter in a Latin word) is invisible in review: only Russian has Cyrillic.
    if (locale !== "ru") expect(message.subject + message.text).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it.each(FOLLOW_UP_TRIGGERS)("%s: one email-safe layout (560px table, inline styles, accent colour, no scripts or external CSS)", async (trigger) => {
    for (const locale of FOLLOW_UP_LOCALES) {
      const { html } = await render(trigger, locale, full);
      expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain("max-width:560px");
      expect(html).toContain("background-color:#2c6ecb");
      expect(html).not.toMatch(/<script|<style|<link|class=|javascript:/i);
      expect(html).toContain("Kettle Leaf</td>");
      expect(html).toContain('href="mailto:hello@kettle.test"');
      expect((await render(trigger, locale, sparse)).html).not.toContain("mailto:");
    }
  });

  it("greets by first name when there is one, and politely without it", async () => {
    for (const trigger of FOLLOW_UP_TRIGGERS) {
      for (const locale of FOLLOW_UP_LOCALES) {
        const named = (await render(trigger, locale, full)).text.split("\n")[0];
        const plain = (await render(trigger, locale, sparse)).text.split("\n")[0];
        expect(named).toContain("Anna");
        expect(plain).not.toMatch(/ [,!]|,,|\s$/);
        expect(plain.length).toBeGreaterThan(2);
      }
    }
    expect((await render("shipped", "en", sparse)).text.startsWith("Hello,\n")).toBe(true);
    expect((await render("shipped", "ru", sparse)).text.startsWith("Здравствуйте!\n")).toBe(true);
  });

  it("escapes shop and product data in the HTML exactly once", async () => {
    const data = { ...full, shop: { ...full.shop, name: "Kettle & Leaf" } };
    for (const trigger of ["care-advice", "review-request"] as const) {
      for (const locale of FOLLOW_UP_LOCALES) {
        const { html } = await render(trigger, locale, data);
        expect(html).toContain("Tea &amp; &lt;Cups&gt;");
        expect(html).toContain("Kettle &amp; Leaf");
        expect(html).not.toContain("<Cups>");
        expect(html).not.toContain("&amp;amp;");
      }
    }
    const { html } = await render("shipped", "en", { ...full, tracking_url: 'https://track.test/"><script>' });
    expect(html).toContain('href="https://track.test/&#34;&gt;&lt;script&gt;"');
  });

  it("writes the URLs out in the plain text", async () => {
    expect((await render("shipped", "en", full)).text).toContain("Track your package: https://track.test/JJD0099\n");
    expect((await render("shipped", "en", full)).text).toContain("Tracking number: JJD0099 (DHL)");
    expect((await render("shipped", "fr", full)).text).toContain("Suivre mon colis\u00a0: https://track.test/JJD0099");
    expect((await render("did-it-arrive", "de", full)).text).toContain("Sendung verfolgen: https://track.test/JJD0099");
    for (const locale of FOLLOW_UP_LOCALES) {
      const { html, text } = await render("shipped", locale, sparse);
      expect(html + text).not.toContain("track.test");
      expect(html).not.toContain('href=""');
    }
  });

  describe("apology", () => {
    it("differs between late and at risk, in every language", async () => {
      for (const locale of FOLLOW_UP_LOCALES) {
        const late = await render("apology", locale, { ...full, late: true });
        const atRisk = await render("apology", locale, { ...full, late: false });
        expect(late.subject).not.toBe(atRisk.subject);
        expect(late.text).not.toBe(atRisk.text);
        expect(late.text).toContain("5 December 2026");
        expect(atRisk.text).toContain("5 December 2026");
      }
      expect((await render("apology", "en", { ...full, late: true })).text).toContain("should have reached you by 5 December 2026, and it hasn’t yet.");
      expect((await render("apology", "en", { ...full, late: false })).text).toContain("may not reach you by 5 December 2026");
    });

    it("apologises first: the first paragraph after the greeting says sorry", async () => {
      const sorry: Record<FollowUpLocale, RegExp> = {
        en: /^We’re sorry\./,
        de: /^es tut uns sehr leid:/,
        sv: /^Vi ber om ursäkt\./,
        ru: /^Приносим извинения:/,
        fr: /^Nous sommes désolés\u00a0:/,
        es: /^Lo sentimos mucho\./,
      };
      for (const locale of FOLLOW_UP_LOCALES) {
        for (const late of [true, false]) {
          const { text } = await render("apology", locale, { ...sparse, late });
          expect(text.split("\n\n")[1]).toMatch(sorry[locale]);
        }
      }
    });

    it("offers the code, and its expiry, only when there is one", async () => {
      for (const locale of FOLLOW_UP_LOCALES) {
        const withCode = await render("apology", locale, full);
        expect(withCode.html).toContain("SORRY-7Q2K</td>");
        expect(withCode.text).toContain("\nSORRY-7Q2K\n");
        expect(withCode.text).toContain("31 January 2027");
        const noExpiry = await render("apology", locale, { ...full, code_expires_on: null });
        expect(noExpiry.text).toContain("SORRY-7Q2K");
        expect(noExpiry.text).not.toContain("31 January 2027");
        const noCode = await render("apology", locale, { ...full, code: null });
        expect(noCode.html + noCode.text).not.toContain("SORRY-7Q2K");
        expect(noCode.text).not.toContain("31 January 2027");
        expect(noCode.html).not.toContain("dashed");
      }
    });
  });

  describe("days early", () => {
    const russian = [
      [1, "на 1 день раньше"],
      [2, "на 2 дня раньше"],
      [4, "на 4 дня раньше"],
      [5, "на 5 дней раньше"],
      [11, "на 11 дней раньше"],
      [12, "на 12 дней раньше"],
      [14, "на 14 дней раньше"],
      [21, "на 21 день раньше"],
      [22, "на 22 дня раньше"],
      [25, "на 25 дней раньше"],
      [111, "на 111 дней раньше"],
    ] as const;

    it.each(russian)("Russian: %i → %s (arrived early and shipped early)", async (days, phrase) => {
      expect((await render("arrived-early", "ru", { ...full, days_early: days })).text).toContain(`доставлен ${phrase} обещанного срока`);
      expect((await render("shipped-early", "ru", { ...full, days_early: days })).text).toContain(`отправить его ${phrase} обещанного`);
    });

    it.each([
      ["en", 1, "1 day before", "1 days"],
      ["en", 2, "2 days before", "2 day "],
      ["de", 1, "1 Tag vor", "1 Tage"],
      ["de", 3, "3 Tage vor", "3 Tag "],
      ["sv", 1, "1 dag före", "1 dagar"],
      ["sv", 2, "2 dagar före", "2 dag "],
      ["fr", 1, "1 jour avant", "1 jours"],
      ["fr", 2, "2 jours avant", "2 jour "],
      ["es", 1, "1 día antes", "1 días"],
      ["es", 2, "2 días antes", "2 día "],
    ] as const)("%s: %i → %s", async (locale, days, phrase, wrong) => {
      const { html, text, subject } = await render("arrived-early", locale, { ...full, days_early: days });
      expect(text).toContain(phrase);
      expect(html).toContain(phrase);
      expect(subject + text).not.toContain(wrong);
    });

    it("says it plainly without a number when days_early is missing", async () => {
      const { text } = await render("arrived-early", "en", { ...full, days_early: null });
      expect(text).toContain("Your order #1042 has arrived, earlier than the date we promised.");
      expect((await render("shipped-early", "en", { ...full, days_early: undefined })).text).toContain("send it earlier than we said");
    });
  });

  describe("products", () => {
    it("care advice lists every product with its care text, or a friendly line", async () => {
      const { html, text } = await render("care-advice", "en", full);
      expect(text).toContain("Tea &amp; &lt;Cups&gt;\nRinse by hand and dry at once.\n");
      expect(text).toContain("Sencha Loose Leaf\nWe hope you enjoy it! If you have any questions about looking after it, just ask.\n");
      expect(html).toContain('<img src="https://cdn.test/cups.jpg"');
      expect(html.match(/<img /g)).toHaveLength(1);
      const none = await render("care-advice", "en", { ...full, products: [] });
      expect(none.text).toContain("The care instructions on the label or packaging are the best place to start.");
      expect(none.text).not.toContain("We hope you enjoy it!");
    });

    it("review request links each product that has a review page, else the shop's page, else asks for a reply", async () => {
      const perProduct = await render("review-request", "en", full);
      expect(perProduct.text).toContain("Write a review: https://kettle.test/reviews/cups");
      expect(perProduct.html).toContain('href="https://kettle.test/reviews/cups"');
      expect(perProduct.text).not.toContain("https://kettle.test/reviews\n");
      expect(perProduct.text).not.toContain("Sencha");

      const shopWide = await render("review-request", "en", sparse);
      expect(shopWide.text).toContain("Write a review: https://kettle.test/reviews\n");
      expect(shopWide.html.match(/Write a review<\/a>/g)).toHaveLength(1);

      for (const locale of FOLLOW_UP_LOCALES) {
        const noLinks = await render("review-request", locale, { ...sparse, review_url: null });
        expect(noLinks.html).not.toContain("kettle.test/reviews");
        expect(noLinks.html).not.toMatch(/<a href="(?!mailto:|https:\/\/kept\.test)/);
      }
      expect((await render("review-request", "en", { ...sparse, review_url: null })).text).toContain("Just reply to this email and tell us what you think.");
    });
  });

  describe("language", () => {
    it("translates every subject", async () => {
      for (const trigger of FOLLOW_UP_TRIGGERS) {
        const english = (await render(trigger, "en", full)).subject;
        expect(english.length).toBeLessThan(60);
        for (const locale of FOLLOW_UP_LOCALES.filter((other) => other !== "en")) expect((await render(trigger, locale, full)).subject).not.toBe(english);
      }
    });

    it("uses each market's register: Sie, du, вы, vous, tú", async () => {
      // German is case-sensitive on purpose: the formal "Sie"/"Ihre" is capitalised, and "du" must not appear at all.
      const register: Record<Exclude<FollowUpLocale, "en">, { uses: RegExp; avoids: RegExp }> = {
        de: { uses: /\b(Sie|Ihre?[mnrs]?|Ihnen)\b/, avoids: /\b(du|dich|dir|deine?[mnrs]?)\b/i },
        sv: { uses: /\b(du|dig|din|ditt|dina)\b/i, avoids: /\bni\b/i },
        ru: { uses: /(^|[^а-яё])(вы|вас|вам|ваш\p{L}*)($|[^а-яё])/iu, avoids: /(^|[^а-яё])(ты|тебя|тебе|тво\p{L}*)($|[^а-яё])/iu },
        fr: { uses: /\b(vous|votre)\b/i, avoids: /\b(tu|toi|ton|ta|tes)\b/i },
        es: { uses: /\b(tu|te|tienes|responde)\b/i, avoids: /\b(usted|su pedido)\b/i },
      };
      for (const [locale, { uses, avoids }] of Object.entries(register) as [Exclude<FollowUpLocale, "en">, { uses: RegExp; avoids: RegExp }][]) {
        for (const trigger of FOLLOW_UP_TRIGGERS) {
          for (const data of [full, sparse]) {
            const { subject, text } = await render(trigger, locale, data);
            expect(text, `${trigger} ${locale}`).toMatch(uses);
            expect(subject + text, `${trigger} ${locale}`).not.toMatch(avoids);
          }
        }
      }
    });

    it("sets French punctuation with a no-break space, and no Russian date gets a second full stop", async () => {
      for (const trigger of FOLLOW_UP_TRIGGERS) {
        const french = await render(trigger, "fr", full);
        expect(french.subject + french.text).not.toMatch(/ [;:!?]/);
        const russianData = { ...full, promised_on: "5 декабря 2026 г.", shipped_on: "2 декабря 2026 г.", code_expires_on: "31 января 2027 г." };
        const russian = await render(trigger, "ru", russianData);
        expect(russian.text).not.toContain("г..");
      }
    });
  });

  it("categoryOf: review requests are marketing, apologies only with a code", () => {
    const matrix = FOLLOW_UP_TRIGGERS.flatMap((trigger) => [false, true].map((hasCode) => `${trigger}/${hasCode}: ${categoryOf(trigger, hasCode)}`));
    expect(matrix).toEqual([
      "shipped/false: transactional",
      "shipped/true: transactional",
      "shipped-early/false: transactional",
      "shipped-early/true: transactional",
      "arrived/false: transactional",
      "arrived/true: transactional",
      "arrived-early/false: transactional",
      "arrived-early/true: transactional",
      "apology/false: transactional",
      "apology/true: marketing",
      "care-advice/false: transactional",
      "care-advice/true: transactional",
      "review-request/false: marketing",
      "review-request/true: marketing",
      "did-it-arrive/false: transactional",
      "did-it-arrive/true: transactional",
    ]);
    for (const trigger of FOLLOW_UP_TRIGGERS) expect(BUILT_IN_MESSAGES[trigger].category).toBe(categoryOf(trigger, false));
    expect(BUILT_IN_MESSAGES["review-request"].name).toBe("Review request");
  });
});
