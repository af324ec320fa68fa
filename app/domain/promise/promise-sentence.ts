import type { CivilDate } from "./civil-date";
import { formatPromiseDate } from "./format-promise-date";
import { promiseLanguageOf, renderPromiseMessage, type PromiseMessageKey } from "./promise-messages";

/**
 * A whole promise sentence for a shopper's locale, with the date through Intl: "Arrives by Mon, Dec 7"
 * (en-US), "Lieferung bis Mo., 7. Dez." (de-AT). The date takes the shopper's own locale when we have
 * texts in its language; otherwise sentence and date are both English, never a mix.
 */
export function promiseSentence(locale: string, key: PromiseMessageKey, date: CivilDate): string {
  const language = promiseLanguageOf(locale);
  const dateLocale = locale.toLowerCase().split(/[-_]/)[0] === language ? locale : language;
  return renderPromiseMessage(language, key, { date: formatPromiseDate(date, dateLocale) });
}
