import { inTransaction } from "~/db.server";
import { wallClockAt } from "~/domain/promise/civil-date";
import { completeJob, type ClaimedJob } from "~/models/job.server";
import { findSettingsInForceNow } from "~/models/promise-settings.server";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise-settings";
import { unauthenticated } from "~/shopify.server";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import { syncPromiseConfig } from "./sync-promise-config.server";

/**
 * The outbox job "promise.sync-config": writes the settings in force now (not the version that queued
 * the job, so an older job running late cannot overwrite a newer config) as the compact config, with
 * holidays expanded from today in the shop's zone. Failures throw and are retried with backoff.
 */
export async function runPromiseSyncJob(job: ClaimedJob): Promise<void> {
  const row = await findSettingsInForceNow(job.shop);
  if (row) {
    const settings = promiseSettingsSchema.parse(JSON.parse(row.document));
    const today = wallClockAt(Date.now(), settings.shop.timeZone).date;
    const config = toPromiseConfig(settings, expandClosedDatesForSettings(settings, today));
    const { admin } = await unauthenticated.admin(job.shop);
    const result = await syncPromiseConfig((query, options) => admin.graphql(query, options), config);
    if (!result.ok) throw new Error(`metafieldsSet refused the config: ${result.errors.join("; ")}`);
  }
  await inTransaction((tx) => completeJob(tx, job.id));
}
