import { weekdayOf, WEEKDAYS, type CivilDate } from "./civil-date";
import type { PromiseLanguage } from "./promise-messages";

interface DateNames {
  /** Short weekday names, Monday first. */
  weekdays: readonly string[];
  /** Short month names, January first. */
  months: readonly string[];
  /** Word order and punctuation of weekday, day and month. */
  pattern: (weekday: string, day: number, month: string) => string;
}

// The short forms and patterns are those of Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric",
// month: "short" }) for en-GB, de-DE, sv-SE, ru-RU, fr-FR and es-ES (CLDR as shipped with Node 22);
// promise-date-names.test.ts checks every day of a year against Intl, so a CLDR change shows up there.
const NAMES: Record<PromiseLanguage, DateNames> = {
  en: {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
    pattern: (weekday, day, month) => `${weekday} ${day} ${month}`,
  },
  de: {
    weekdays: ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
    months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    pattern: (weekday, day, month) => `${weekday}, ${day}. ${month}`,
  },
  sv: {
    weekdays: ["mån", "tis", "ons", "tors", "fre", "lör", "sön"],
    months: ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."],
    pattern: (weekday, day, month) => `${weekday} ${day} ${month}`,
  },
  ru: {
    weekdays: ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    months: ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."],
    pattern: (weekday, day, month) => `${weekday}, ${day} ${month}`,
  },
  fr: {
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    pattern: (weekday, day, month) => `${weekday} ${day} ${month}`,
  },
  es: {
    weekdays: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    pattern: (weekday, day, month) => `${weekday}, ${day} ${month}`,
  },
};

/**
 * Shows a promise date like formatPromiseDate, for runtimes without `Intl` (a Shopify Function compiled
 * with Javy has none): "Thu 2 Apr" (en), "Do., 2. Apr." (de), "tors 2 apr." (sv). The date is a civil
 * date, so nothing can shift it to another day.
 */
export function formatPromiseDateWithoutIntl(date: CivilDate, language: PromiseLanguage): string {
  const names = NAMES[language];
  const weekday = names.weekdays[WEEKDAYS.indexOf(weekdayOf(date))];
  return names.pattern(weekday, Number(date.slice(8, 10)), names.months[Number(date.slice(5, 7)) - 1]);
}
