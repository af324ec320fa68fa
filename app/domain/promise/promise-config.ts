import { WEEKDAYS, isCivilDate, isKnownTimeZone, type CivilDate, type Weekday } from "./civil-date";

/** A min–max range of whole days, min ≤ max. */
export interface DayRange {
  min: number;
  max: number;
}

/**
 * Which shipping methods a lane applies to: an exact method handle, or a title pattern
 * (case-insensitive substring, or a whole-title glob when it contains `*`). At least one is set;
 * when both are set, either may match.
 */
interface MethodMatcher {
  handle?: string;
  titlePattern?: string;
}

/** Where a lane delivers: a country ("*" = rest of world), optionally narrowed by region and postal prefix. */
export interface LaneDestination {
  country: string;
  region?: string;
  postalPrefix?: string;
}

/** One shipping lane: method × destination → carrier transit time in carrier delivery days. */
export interface Lane {
  id: string;
  label: string;
  method: MethodMatcher;
  destination: LaneDestination;
  transitDays: DayRange;
  /** This lane's padding (carrier days added after its latest date), e.g. set by the tuner; absent = the config's `paddingDays`. */
  paddingDays?: number;
}

/**
 * The one checkout surface that dates shipping options ("no double dates"): "option" = the line under
 * the option (checkout UI extension, Shopify Plus only), "title" = the option's title (the Function).
 */
export type CheckoutSurface = "option" | "title";

/**
 * The compact promise configuration the engine, the checkout extension and the Function read.
 * Produced on the server from the merchant's settings document (holidays already expanded).
 */
export interface PromiseConfig {
  version: 1;
  /** IANA zone of the shop/warehouse; cut-offs and ship-by dates live in this calendar. */
  timeZone: string;
  /** Order cut-off per weekday, "HH:MM" shop time ("24:00" = end of day). No entry = no same-day start. */
  cutoffs: Partial<Record<Weekday, string>>;
  processingDays: DayRange;
  workingDays: Weekday[];
  /** Warehouse closed dates, public holidays included. */
  closedDates: CivilDate[];
  carrier: { deliveryDays: Weekday[]; closedDates: CivilDate[] };
  lanes: Lane[];
  /** Extra carrier delivery days added after the raw latest date, for every lane without its own. */
  paddingDays: number;
  /**
   * Whether Shopify's own delivery dates are on for the shop (Admin API `deliveryPromiseSettings`), as
   * last read by the sync job. Shopify then dates (and may badge with Shop Promise) every option it has a
   * transit time for, so checkout surfaces must not add a second date there. Absent = unknown, which
   * checkout treats like "on" (the safe side).
   */
  shopifyDates?: boolean;
  /**
   * The store's time zone in Shopify's settings (`shop.ianaTimezone`). A Function only sees
   * `shop.localTime` in this zone, so it may promise only when it equals `timeZone`. Absent = unknown.
   */
  shopifyTimeZone?: string;
  /**
   * Which surface dates shipping options, resolved by the sync job from the shop's plan and the
   * merchant's choice (option-policy.ts). Absent (a config written before this field) = "title".
   */
  checkoutSurface?: CheckoutSurface;
  /**
   * The last date the closed-date lists cover (holidays are expanded for a window from the day the config
   * was built). A promise that needs a later day is refused: past it, a holiday would be silently ignored.
   * Absent = no horizon known (configs written before it existed).
   */
  validUntil?: CivilDate;
}

/** The padding a lane's promises get: its own when set (the tuner sets it per lane), else the config's. */
export function lanePadding(config: Pick<PromiseConfig, "paddingDays">, lane: Pick<Lane, "paddingDays">): number {
  return lane.paddingDays ?? config.paddingDays;
}

const CUTOFF_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since midnight of an "HH:MM" cut-off ("24:00" → 1440). */
export function cutoffToMinutes(cutoff: string): number {
  return Number(cutoff.slice(0, 2)) * 60 + Number(cutoff.slice(3, 5));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === "string" && (WEEKDAYS as readonly string[]).includes(value);
}

function isNonNegativeInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isDayRange(value: unknown): value is DayRange {
  return isRecord(value) && isNonNegativeInt(value.min) && isNonNegativeInt(value.max) && value.min <= value.max;
}

function isWeekdayList(value: unknown): value is Weekday[] {
  return Array.isArray(value) && value.length > 0 && value.every(isWeekday);
}

function isDateList(value: unknown): value is CivilDate[] {
  return Array.isArray(value) && value.every(isCivilDate);
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === "string" && value.length > 0);
}

function isLane(value: unknown): value is Lane {
  if (!isRecord(value) || !isRecord(value.method) || !isRecord(value.destination)) return false;
  const { method, destination } = value;
  const hasMatcher = method.handle !== undefined || method.titlePattern !== undefined;
  return (
    typeof value.id === "string" &&
    typeof value.label === "string" &&
    hasMatcher &&
    isOptionalString(method.handle) &&
    isOptionalString(method.titlePattern) &&
    typeof destination.country === "string" &&
    isOptionalString(destination.region) &&
    isOptionalString(destination.postalPrefix) &&
    isDayRange(value.transitDays) &&
    (value.paddingDays === undefined || isNonNegativeInt(value.paddingDays))
  );
}

function isCutoffMap(value: unknown): value is Partial<Record<Weekday, string>> {
  return isRecord(value) && Object.entries(value).every(([day, time]) => isWeekday(day) && typeof time === "string" && CUTOFF_PATTERN.test(time));
}

/**
 * Checks the structure of an untrusted promise configuration without asking the runtime about time
 * zones: for runtimes without `Intl` (a Shopify Function compiled with Javy), which never convert an
 * instant to a wall clock and so never use the zone.
 */
export function hasPromiseConfigShape(value: unknown): value is PromiseConfig {
  return (
    isRecord(value) &&
    value.version === 1 &&
    typeof value.timeZone === "string" &&
    isCutoffMap(value.cutoffs) &&
    isDayRange(value.processingDays) &&
    isWeekdayList(value.workingDays) &&
    isDateList(value.closedDates) &&
    isRecord(value.carrier) &&
    isWeekdayList(value.carrier.deliveryDays) &&
    isDateList(value.carrier.closedDates) &&
    Array.isArray(value.lanes) &&
    value.lanes.every(isLane) &&
    isNonNegativeInt(value.paddingDays) &&
    (value.shopifyDates === undefined || typeof value.shopifyDates === "boolean") &&
    isOptionalString(value.shopifyTimeZone) &&
    (value.checkoutSurface === undefined || value.checkoutSurface === "option" || value.checkoutSurface === "title") &&
    (value.validUntil === undefined || isCivilDate(value.validUntil))
  );
}

/**
 * Checks that an untrusted value (e.g. metafield JSON read in checkout) is a usable promise
 * configuration, including that the shop time zone is known to the runtime.
 */
export function isPromiseConfig(value: unknown): value is PromiseConfig {
  return hasPromiseConfigShape(value) && isKnownTimeZone(value.timeZone);
}
