import { wallClockAt } from "~/domain/promise/civil-date";
import { enqueueJob } from "~/models/jobs/job.server";
import { dailySyncJobKey, listShopsWithSettingsInForce } from "~/models/promise/promise-settings.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { settingsOfVersion } from "./record-order-promise.server";

/** How often the worker asks whether a shop-local day has begun somewhere (a new day is picked up within this). */
export const DAILY_SYNC_CHECK_MS = 15 * 60_000;

/**
 * Queues one `promise.sync-config` job per installed shop with settings per shop-local day (the warehouse
 * zone of the settings in force), so the published config never runs out of holidays: the checkout
 * config covers `horizonDays` from the day it was built, and without a save nothing else rebuilds it.
 * The dedupe key carries the day, so every worker, thread and restart may call this as often as it
 * likes: `INSERT ... ON CONFLICT DO NOTHING` (SQLite and PostgreSQL alike) queues each day's job once.
 * Returns how many jobs were queued. Time is an input.
 */
export function queueDailyPromiseSyncs(db: SqliteDb, now: Date): number {
  return db.transaction(() => {
    let queued = 0;
    for (const row of listShopsWithSettingsInForce(db, now)) {
      // A stored version always validated when it was saved; UTC only guards a document that no longer does.
      const zone = settingsOfVersion(db, row.shop, row)?.shop.timeZone ?? "UTC";
      const day = wallClockAt(now.getTime(), zone).date;
      const job = { shop: row.shop, type: "promise.sync-config", payload: { day }, dedupeKey: dailySyncJobKey(day) };
      if (enqueueJob(db, job, now) !== null) queued++;
    }
    return queued;
  });
}
