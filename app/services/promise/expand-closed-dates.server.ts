import Holidays from "date-holidays";
import { addDays, compareDates, type CivilDate } from "../../domain/promise/civil-date";
import type { ExpandedClosedDates, PromiseSettings } from "../../schemas/promise/promise-settings";

/** A merchant closure spanning several days, both ends included (e.g. a summer shutdown). */
interface ClosedRange {
  from: CivilDate;
  to: CivilDate;
}

export interface ExpandClosedDatesInput {
  /** ISO 3166-1 alpha-2 country whose public holidays close the warehouse/carrier, e.g. "SE". */
  country: string;
  /** Optional subdivision for regional holidays, e.g. "BY" for Bavaria. */
  region?: string;
  /** First day of the window (a date, never the clock), e.g. the day the config is built. */
  startDate: CivilDate;
  /** Window length in days; defaults to 120. Dates outside the window are dropped. */
  days?: number;
  /** Treat full-day "bank" holidays (SE midsommarafton, julafton, nyårsafton) as closed. Default true. */
  includeBankHolidays?: boolean;
  closedDates?: readonly CivilDate[];
  closedRanges?: readonly ClosedRange[];
}

const DEFAULT_WINDOW_DAYS = 120;

/**
 * Lists the days a warehouse (or carrier) is closed in a window: the country's public holidays,
 * full-day bank holidays, and the merchant's own closed dates and ranges, as a sorted unique
 * YYYY-MM-DD list the pure promise engine can read.
 *
 * Which holidays count (date-holidays types):
 * - `public`: always closed (substitute days such as US "Independence Day (observed)" included).
 * - `bank`: closed when it covers a whole day. That catches SE midsommarafton/julafton/nyårsafton,
 *   which Swedish businesses and PostNord treat as closed, but not DE Heiliger Abend/Silvester,
 *   which are bank holidays only from 14:00 and on which carriers still deliver.
 * - `optional`, `school`, `observance`: ignored (merchants add them as closed dates if needed).
 * Throws RangeError when date-holidays has no calendar for the country or region.
 */
export function expandClosedDates(input: ExpandClosedDatesInput): CivilDate[] {
  const days = input.days ?? DEFAULT_WINDOW_DAYS;
  const firstDay = input.startDate;
  const lastDay = addDays(firstDay, days - 1);
  const isInWindow = (date: CivilDate) => compareDates(date, firstDay) >= 0 && compareDates(date, lastDay) <= 0;

  const closed = new Set<CivilDate>();
  for (const date of listHolidayDates(input, Number(firstDay.slice(0, 4)), Number(lastDay.slice(0, 4)))) {
    closed.add(date);
  }
  for (const date of input.closedDates ?? []) closed.add(date);
  for (const range of input.closedRanges ?? []) {
    // Only walk the part of the range that overlaps the window, so a typo like 2062 can't blow up.
    let day = compareDates(range.from, firstDay) < 0 ? firstDay : range.from;
    while (compareDates(day, range.to) <= 0 && compareDates(day, lastDay) <= 0) {
      closed.add(day);
      day = addDays(day, 1);
    }
  }
  return [...closed].filter(isInWindow).sort(compareDates);
}

function listHolidayDates(input: ExpandClosedDatesInput, fromYear: number, toYear: number): CivilDate[] {
  const calendars = new Holidays();
  const country = input.country.toUpperCase();
  if (!Object.hasOwn(calendars.getCountries(), country)) {
    throw new RangeError(`No public-holiday calendar for country "${input.country}"`);
  }
  const region = input.region?.toUpperCase();
  if (region !== undefined && !Object.hasOwn(calendars.getStates(country) ?? {}, region)) {
    throw new RangeError(`No public-holiday calendar for region "${input.region}" of ${country}`);
  }
  const holidays = region === undefined ? new Holidays(country) : new Holidays(country, region);
  const includeBank = input.includeBankHolidays ?? true;

  const dates: CivilDate[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      // `end - start` is 23 or 25 hours on DST days, so round to whole days.
      const lengthInDays = Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000);
      const isFullDay = holiday.date.endsWith("00:00:00") && lengthInDays >= 1;
      const isClosed = holiday.type === "public" || (includeBank && holiday.type === "bank" && isFullDay);
      if (!isClosed) continue;
      const firstDate = holiday.date.slice(0, 10);
      for (let offset = 0; offset < Math.max(1, lengthInDays); offset++) dates.push(addDays(firstDate, offset));
    }
  }
  return dates;
}

/**
 * Expands a merchant's promise settings into the two closed-date lists the engine needs,
 * for `settings.horizonDays` days from `startDate`:
 * - warehouse: shop-country holidays + the merchant's closed dates and closure ranges;
 * - carrier: shop-country holidays + the carrier's own closed dates (merchant closures don't stop the carrier).
 * `validUntil` is the window's last day: readers refuse a promise that needs a later one.
 */
export function expandClosedDatesForSettings(settings: PromiseSettings, startDate: CivilDate): ExpandedClosedDates {
  const place = {
    country: settings.shop.country,
    region: settings.shop.region,
    startDate,
    days: settings.horizonDays,
    includeBankHolidays: settings.shop.includeBankHolidays,
  };
  return {
    warehouse: expandClosedDates({ ...place, closedDates: settings.closedDates, closedRanges: settings.closedRanges }),
    carrier: expandClosedDates({ ...place, closedDates: settings.carrier.closedDates }),
    validUntil: addDays(startDate, settings.horizonDays - 1),
  };
}

type HolidayCalendars = { countries: { code: string; name: string }[]; regions: Record<string, { code: string; name: string }[]> };
let holidayCalendars: HolidayCalendars | undefined;

/** The public-holiday calendars date-holidays knows, for the settings page's country and region pickers (built once). */
export function listHolidayCalendars(): HolidayCalendars {
  holidayCalendars ??= buildHolidayCalendars();
  return holidayCalendars;
}

function buildHolidayCalendars(): HolidayCalendars {
  const calendars = new Holidays();
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");
  const countries = Object.entries(calendars.getCountries("en"))
    .map(([code, name]) => ({ code, name }))
    .sort(byName);
  const regions = Object.fromEntries(
    countries.flatMap(({ code }) => {
      const states = calendars.getStates(code, "en");
      // Only codes the settings schema accepts (a few islands use names as codes).
      const usable = Object.entries(states ?? {}).filter(([region]) => /^[A-Z0-9]{1,3}$/.test(region));
      return usable.length > 0 ? [[code, usable.map(([region, name]) => ({ code: region, name })).sort(byName)]] : [];
    }),
  );
  return { countries, regions };
}

/** Field errors for a holiday country or region date-holidays has no calendar for (the zod schema checks only the format). */
export function findHolidayCalendarIssues(shop: { country: string; region?: string }): { path: string; message: string }[] {
  const calendars = new Holidays();
  if (!Object.hasOwn(calendars.getCountries(), shop.country)) {
    return [{ path: "shop.country", message: `No public-holiday calendar for "${shop.country}"; pick a country from the list` }];
  }
  if (shop.region !== undefined && !Object.hasOwn(calendars.getStates(shop.country) ?? {}, shop.region)) {
    return [{ path: "shop.region", message: `No holiday calendar for region "${shop.region}" of ${shop.country}` }];
  }
  return [];
}
