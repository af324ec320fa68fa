/**
 * Shopper-facing promise texts. `{date}`, `{from}` and `{to}` are replaced with dates already
 * formatted by formatPromiseDate for the same locale.
 */
export const PROMISE_MESSAGES = {
  en: { arrivesBy: "Arrives by {date}", estimatedRange: "Estimated delivery {from} – {to}" },
  de: { arrivesBy: "Lieferung bis {date}", estimatedRange: "Voraussichtliche Lieferung {from} – {to}" },
  sv: { arrivesBy: "Levereras senast {date}", estimatedRange: "Beräknad leverans {from} – {to}" },
  ru: { arrivesBy: "Доставка не позднее {date}", estimatedRange: "Ожидаемая доставка: {from} – {to}" },
  fr: { arrivesBy: "Livraison d’ici le {date}", estimatedRange: "Livraison estimée du {from} au {to}" },
  es: { arrivesBy: "Llega a más tardar el {date}", estimatedRange: "Entrega estimada: {from} – {to}" },
} as const;

export type PromiseLanguage = keyof typeof PROMISE_MESSAGES;
export type PromiseMessageKey = keyof (typeof PROMISE_MESSAGES)["en"];

/** True when we have promise texts for this language code ("en", "de", …). */
export function isPromiseLanguage(language: string): language is PromiseLanguage {
  return Object.hasOwn(PROMISE_MESSAGES, language);
}

/**
 * The promise text for a locale ("de-AT" falls back to "de", unknown languages to English)
 * with placeholders filled in.
 */
export function renderPromiseMessage(
  locale: string,
  key: PromiseMessageKey,
  values: Readonly<Record<string, string>>,
): string {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  const template = PROMISE_MESSAGES[isPromiseLanguage(language) ? language : "en"][key];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
