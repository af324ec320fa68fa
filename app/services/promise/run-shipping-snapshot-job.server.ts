import { inTransaction } from "~/models/db/prisma.server";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { saveShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import { recordShopTimeZone } from "~/models/shop/shop.server";
import { unauthenticated } from "~/shopify.server";
import { fetchShippingOptions } from "./fetch-shipping-options.server";

/**
 * The outbox job "shipping.snapshot": reads the shop's shipping options from the Admin API and stores
 * them for the settings page, with the store's time zone, in the transaction that completes the job. Runs after "Refresh from
 * Shopify", after each settings save and on install. Failures (Shopify unreachable, throttled, an
 * unexpected answer) throw and are retried with backoff; the page keeps showing the last snapshot.
 */
export async function runShippingSnapshotJob(job: ClaimedJob): Promise<void> {
  const { admin } = await unauthenticated.admin(job.shop);
  const snapshot = await fetchShippingOptions((query, options) => admin.graphql(query, options));
  const fetchedAt = new Date();
  await inTransaction(async (tx) => {
    await saveShippingSnapshot(tx, job.shop, snapshot, fetchedAt);
    if (snapshot.shopTimeZone) await recordShopTimeZone(tx, job.shop, snapshot.shopTimeZone);
    await completeJob(tx, job.id);
  });
}
