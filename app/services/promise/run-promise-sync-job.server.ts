import { inTransaction } from "~/models/db/prisma.server";
import { wallClockAt } from "~/domain/promise/civil-date";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { findSettingsInForceNow, markVersionPublished } from "~/models/promise/promise-settings.server";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise/promise-settings";
import { unauthenticated } from "~/shopify.server";
import { expandClosedDatesForSettings } from "./expand-closed-dates.server";
import { ensureDeliveryCustomization } from "./ensure-delivery-customization.server";
import { FUNCTION_METAFIELD_LIMIT_BYTES, syncPromiseConfig } from "./sync-promise-config.server";

/**
 * The outbox job "promise.sync-config" (queued by every save and once per shop-local day by the
 * worker): writes the settings in force now (not the version that queued the job, so an older job
 * running late cannot overwrite a newer config) as the compact config, with holidays expanded from
 * today in the shop's zone and that window's last day as its horizon (`validUntil`), then ensures the
 * delivery customization that runs the Function (with its cut-off variables). Once the metafield is
 * written the version counts as published: orders placed from then on are recorded with it. Failures
 * throw and are retried with backoff; both steps are idempotent, so a retry after a half-done run
 * repeats nothing harmful.
 */
export async function runPromiseSyncJob(job: ClaimedJob): Promise<void> {
  const row = await findSettingsInForceNow(job.shop);
  if (row) {
    const settings = promiseSettingsSchema.parse(JSON.parse(row.document));
    const today = wallClockAt(Date.now(), settings.shop.timeZone).date;
    const config = toPromiseConfig(settings, expandClosedDatesForSettings(settings, today));
    const { admin } = await unauthenticated.admin(job.shop);
    const graphql = (query: string, options?: { variables?: Record<string, unknown> }) => admin.graphql(query, options);
    const result = await syncPromiseConfig(graphql, config, settings.checkoutSurface);
    if (!result.ok) throw new Error(`metafieldsSet refused the config: ${result.errors.join("; ")}`);
    // Checkout reads this version from now on, even if the customization step below has to be retried.
    await markVersionPublished(job.shop, row.version, new Date());
    if (result.bytes > FUNCTION_METAFIELD_LIMIT_BYTES) {
      console.warn(
        `[promise] ${job.shop}: config is ${result.bytes} bytes; the Function reads at most ${FUNCTION_METAFIELD_LIMIT_BYTES} and will show nothing`,
      );
    }
    const customization = await ensureDeliveryCustomization(graphql, result.published);
    if (!customization.ok) throw new Error(`delivery customization refused: ${customization.errors.join("; ")}`);
  }
  await inTransaction((tx) => completeJob(tx, job.id));
}
