import { findLatestJobOfType } from "~/models/jobs/job.server";
import { findCheckoutVersion, findLatestSettings, listSettingsVersions } from "~/models/promise/promise-settings.server";
import { getShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import { defaultPromiseSettings } from "~/schemas/promise/default-promise-settings";
import { describeJobState } from "~/domain/jobs/job-state";
import { listHolidayCalendars } from "./expand-closed-dates.server";
import { previewPromiseSettings, type PreviewRequest } from "./preview-promise-settings.server";

type Lane = { method?: { handle?: string; titlePattern?: string }; destination?: { country?: string } };

/** A first preview question from the document itself: its first lane's method and destination. */
function defaultPreviewRequest(document: { lanes?: Lane[]; shop?: { country?: string } }): PreviewRequest {
  const lane = document.lanes?.[0];
  const country = lane?.destination?.country;
  const method = lane?.method?.handle ?? lane?.method?.titlePattern?.replace(/\*/g, " ").trim() ?? "";
  return { at: null, country: country && country !== "*" ? country : (document.shop?.country ?? "US"), method: method || "Standard" };
}

/**
 * Everything the "Delivery promise" settings page shows, read at `now`: the document to edit (the newest
 * version, or a first draft from the shop's time zone and country when there is none), the versions,
 * the version checkout shows (the newest published) and the state of the latest metafield sync (a save's
 * or the daily one), the holiday calendars, and the first preview.
 */
export async function loadPromiseSettingsPage(shop: string, now: Date) {
  const [latest, versions, { snapshot }, checkout, syncJob] = await Promise.all([
    findLatestSettings(shop),
    listSettingsVersions(shop, now),
    getShippingSnapshot(shop),
    findCheckoutVersion(shop),
    findLatestJobOfType(shop, "promise.sync-config"),
  ]);
  const document = latest
    ? (JSON.parse(latest.document) as Record<string, unknown>)
    : (defaultPromiseSettings(snapshot?.shopTimeZone ?? "UTC", snapshot?.shopCountry ?? "US") as Record<string, unknown>);
  const inForce = versions.find((row) => row.isInForce)?.version ?? null;
  const previewRequest = defaultPreviewRequest(document);
  return {
    document,
    isFirstDraft: latest === null,
    /** Whether a first draft's time zone and country are the shop's (from the last snapshot) or placeholders. */
    isDraftFromShop: latest === null && snapshot !== null,
    versions,
    inForce,
    /** What shoppers see: the newest version published to the shop metafield, or null when none is. */
    checkout,
    sync: describeJobState(syncJob),
    calendars: listHolidayCalendars(),
    previewRequest,
    preview: await previewPromiseSettings(shop, document, previewRequest, now.getTime()),
  };
}
