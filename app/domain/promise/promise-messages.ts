/**
 * Shopper-facing promise texts. `{date}`, `{from}` and `{to}` are replaced with dates already
 * formatted by formatPromiseDate for the same locale.
 */
export const PROMISE_MESSAGES = {
  en: {
    arrivesBy: "Arrives by {date}",
    estimatedRange: "Estimated delivery {from} – {to}",
    onItsWay: "On its way · arrives by {date}",
    deliveredOn: "Delivered on {date}",
    promisedBy: "Delivery was promised by {date}",
  },
  de: {
    arrivesBy: "Lieferung bis {date}",
    estimatedRange: "Voraussichtliche Lieferung {from} – {to}",
    onItsWay: "Unterwegs · Lieferung bis {date}",
    deliveredOn: "Zugestellt am {date}",
    promisedBy: "Lieferung war bis {date} zugesagt",
  },
  sv: {
    arrivesBy: "Levereras senast {date}",
    estimatedRange: "Beräknad leverans {from} – {to}",
    onItsWay: "På väg · levereras senast {date}",
    deliveredOn: "Levererad {date}",
    promisedBy: "Leverans utlovades senast {date}",
  },
  ru: {
    arrivesBy: "Доставка не позднее {date}",
    estimatedRange: "Ожидаемая доставка: {from} – {to}",
    onItsWay: "В пути · доставка не позднее {date}",
    deliveredOn: "Доставлено {date}",
    promisedBy: "Доставка была обещана не позднее {date}",
  },
  fr: {
    arrivesBy: "Livraison d’ici le {date}",
    estimatedRange: "Livraison estimée du {from} au {to}",
    onItsWay: "En route · livraison d’ici le {date}",
    deliveredOn: "Livré le {date}",
    promisedBy: "Livraison promise d’ici le {date}",
  },
  es: {
    arrivesBy: "Llega a más tardar el {date}",
    estimatedRange: "Entrega estimada: {from} – {to}",
    onItsWay: "En camino · llega a más tardar el {date}",
    deliveredOn: "Entregado el {date}",
    promisedBy: "Entrega prometida a más tardar el {date}",
  },
} as const;

export type PromiseLanguage = keyof typeof PROMISE_MESSAGES;
export type PromiseMessageKey = keyof (typeof PROMISE_MESSAGES)["en"];

/** The language of our texts for a locale: "de-AT" → "de"; languages we have no texts for → "en". */
export function promiseLanguageOf(locale: string): PromiseLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return isPromiseLanguage(language) ? language : "en";
}

/** True when we have promise texts for this language code ("en", "de", …). */
function isPromiseLanguage(language: string): language is PromiseLanguage {
  // Not Object.hasOwn: the Function runtime (Javy) may lack it.
  return Object.prototype.hasOwnProperty.call(PROMISE_MESSAGES, language);
}

/**
 * The promise text for a locale ("de-AT" falls back to "de", unknown languages to English)
 * with placeholders filled in.
 */
export function renderPromiseMessage(locale: string, key: PromiseMessageKey, values: Readonly<Record<string, string>>): string {
  const template = PROMISE_MESSAGES[promiseLanguageOf(locale)][key];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
