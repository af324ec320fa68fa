import { wallClockAt, type CivilDate } from "~/domain/promise/civil-date";
import { computePromise } from "~/domain/promise/compute-promise";
import { formatPromiseDate } from "~/domain/promise/format-promise-date";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { instantAtWallClock } from "~/domain/promise/wall-clock-instant";
import { toPromiseConfig, type ExpandedClosedDates, type PromiseSettings } from "~/schemas/promise/promise-settings";
import type { RejectedDocument } from "~/utils/form-json";
import { countryName } from "~/utils/format";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import { decideOptionRows, type ShippingOptionRows } from "./decide-option-rows.server";
import { validatePromiseSettings } from "./validate-promise-settings.server";

/** The admin is in English; dates still go through Intl (en-GB reads "Thu 4 Dec"). */
const ADMIN_LOCALE = "en-GB";

export type PreviewRequest = {
  /** Shop-local wall time "YYYY-MM-DDTHH:MM" to pin the order instant, or null for now. */
  at: string | null;
  country: string;
  region?: string;
  postalCode?: string;
  city?: string;
  /** The shipping method as the shopper sees it; matched as handle and as title. */
  method: string;
};

type Dates = { shipBy: CivilDate; earliest: CivilDate; latest: CivilDate; promised: CivilDate };
export type PromisePreview = {
  orderedAt: string;
  orderedAtLabel: string;
  isNow: boolean;
  shopper: string;
  method: string;
  outcome: ({ ok: true; laneId: string; laneLabel: string; paddingDays: number; labels: Dates } & Dates) | { ok: false; reason: string; details: string[] };
};

export type SettingsPreview = { ok: true; preview: PromisePreview; options: ShippingOptionRows } | RejectedDocument;

// Holiday expansion is the costly step; a draft's calendar inputs rarely change between keystrokes.
const closedDatesCache = new Map<string, ExpandedClosedDates>();

function configFor(settings: PromiseSettings, startDate: CivilDate): PromiseConfig {
  const key = JSON.stringify([settings.shop, settings.closedDates, settings.closedRanges, settings.carrier.closedDates, settings.horizonDays, startDate]);
  let closed = closedDatesCache.get(key);
  if (!closed) {
    if (closedDatesCache.size > 200) closedDatesCache.clear();
    closed = expandClosedDatesForSettings(settings, startDate);
    closedDatesCache.set(key, closed);
  }
  return toPromiseConfig(settings, closed);
}

function orderInstant(at: string | null, timeZone: string, now: number): number {
  const match = at === null ? null : /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(at);
  return match ? instantAtWallClock(match[1], Number(match[2]) * 60 + Number(match[3]), timeZone) : now;
}

function describeOrder(settings: PromiseSettings, request: PreviewRequest, orderedAt: number): PromisePreview {
  const timeZone = settings.shop.timeZone;
  const config = configFor(settings, wallClockAt(orderedAt, timeZone).date);
  const result = computePromise(config, {
    orderedAt,
    method: { handle: request.method, title: request.method },
    destination: { countryCode: request.country, provinceCode: request.region, postalCode: request.postalCode },
  });
  const label = (date: CivilDate) => formatPromiseDate(date, ADMIN_LOCALE);
  const when = new Intl.DateTimeFormat(ADMIN_LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone }).format(orderedAt);
  return {
    orderedAt: new Date(orderedAt).toISOString(),
    orderedAtLabel: `${when} (${timeZone})`,
    isNow: request.at === null,
    shopper: [request.city?.trim(), countryName(request.country)].filter(Boolean).join(", "),
    method: request.method,
    outcome: result.ok
      ? {
          ok: true,
          laneId: result.lane.id,
          laneLabel: result.lane.label,
          paddingDays: result.paddingDays,
          shipBy: result.shipBy,
          earliest: result.earliest,
          latest: result.latest,
          promised: result.promised,
          labels: { shipBy: label(result.shipBy), earliest: label(result.earliest), latest: label(result.latest), promised: label(result.promised) },
        }
      : { ok: false, reason: result.reason, details: result.details },
  };
}

/**
 * The live preview of a settings draft, before it is saved: the promise an order placed at the given
 * instant (now by default: the clock is read by the caller) by a shopper at the given destination would
 * get, plus which of the shop's shipping options (last snapshot) this draft would date or skip.
 * An invalid draft returns the field errors instead.
 */
export async function previewPromiseSettings(shop: string, document: unknown, request: PreviewRequest, now: number): Promise<SettingsPreview> {
  const validation = validatePromiseSettings(document);
  if (!validation.ok) return validation;
  const { settings } = validation;
  const orderedAt = orderInstant(request.at, settings.shop.timeZone, now);
  const preview = describeOrder(settings, request, orderedAt);
  const options = await decideOptionRows(shop, configFor(settings, wallClockAt(orderedAt, settings.shop.timeZone).date), settings.checkoutSurface);
  return { ok: true, preview, options };
}
