import { completeJob, failJob, type ClaimedJob } from "~/models/jobs/job.server";
import { isShopActive } from "~/models/shop/shop.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import {
  eraseDeliveryBody,
  findDeliveryForJob,
  markDeliveryOutcome,
  type DeliveryForProcessing,
  type DeliveryOutcome,
} from "~/models/intake/webhook-delivery.server";
import { DATA_TOPICS, validateDataTopic, type DataTopic } from "../orders/apply-webhook.server";
import { errorText } from "~/domain/errors/error-text";
import { scheduleFollowUps } from "../follow-ups/schedule-follow-ups.server";
import { refreshWithFlowTriggers } from "../flow/queue-flow-triggers.server";
import { refreshOutcome } from "../outcomes/refresh-outcome.server";

/**
 * Deliveries per transaction. A transaction costs a commit (WAL pages) once, not per delivery; it also
 * holds SQLite's write lock, during which the intake's insert waits, so it stays a few milliseconds long.
 */
export const WEBHOOK_CHUNK = 25;

/**
 * The verdict is derived data: a failure to compute it is logged and never holds up the delivery (the
 * next event for the order, or the sweep, computes it again). It writes one row at its end, so a failure
 * leaves nothing half-written. The Flow events the refresh causes are queued with it (docs/flow.md).
 */
function refreshOutcomeSafely(db: SqliteDb, shop: string, orderGid: string, now: Date) {
  try {
    refreshWithFlowTriggers(db, shop, orderGid, now, () => refreshOutcome(db, shop, orderGid, now));
  } catch (error: unknown) {
    console.warn(`[worker] promise outcome of ${orderGid} not refreshed: ${errorText(error, { withName: true })}`);
  }
}

/** Follow-ups read the refreshed outcome; like it, a failure is logged and never holds up the delivery. */
function scheduleFollowUpsSafely(db: SqliteDb, shop: string, orderGid: string, now: Date) {
  try {
    scheduleFollowUps(db, shop, orderGid, now);
  } catch (error: unknown) {
    console.warn(`[worker] follow-ups of ${orderGid} not scheduled: ${errorText(error, { withName: true })}`);
  }
}

const toDate = (value: string | null) => (value === null ? null : new Date(value));

type Item = { job: ClaimedJob; delivery: DeliveryForProcessing; topic: DataTopic; data: unknown; invalid: string | null };

/**
 * Applies one validated delivery, refreshes the verdict on the order's promise (it commits with the event
 * that changed it), and records the delivery's outcome and its job's completion, in the caller's transaction.
 */
function applyItem(db: SqliteDb, item: Item, activeShops: Map<string, boolean>, now: Date) {
  const { job, delivery } = item;
  let outcome: DeliveryOutcome;
  if (item.invalid) {
    outcome = { status: "failed", error: item.invalid };
  } else {
    if (!activeShops.has(job.shop)) activeShops.set(job.shop, isShopActive(db, job.shop));
    if (activeShops.get(job.shop) && item.topic.scope === "customer") {
      const times = { triggeredAt: toDate(delivery.triggeredAt), receivedAt: toDate(delivery.receivedAt) ?? now };
      const { ignored, eraseBody } = item.topic.apply(db, job.shop, item.data, times);
      outcome = ignored ? { status: "ignored", error: ignored } : { status: "processed", error: null };
      if (eraseBody) eraseDeliveryBody(db, job.shop, delivery.id);
    } else if (activeShops.get(job.shop) && item.topic.scope === "order") {
      const { orderGid } = item.topic.apply(db, job.shop, delivery.topic, item.data);
      refreshOutcomeSafely(db, job.shop, orderGid, now);
      scheduleFollowUpsSafely(db, job.shop, orderGid, now);
      // The intake usually stored the same order GID already; only a different one is written.
      outcome = { status: "processed", error: null, orderGid: orderGid === delivery.orderGid ? null : orderGid };
    } else {
      outcome = { status: "ignored", error: "shop uninstalled: not applied" };
    }
  }
  markDeliveryOutcome(db, job.shop, delivery.id, outcome);
  completeJob(db, job.id);
}

/** One transaction for the chunk; if it fails, nothing of it applies and each delivery gets its own. */
function applyChunk(db: SqliteDb, items: Item[], now: Date) {
  try {
    db.transaction(() => {
      const activeShops = new Map<string, boolean>();
      for (const item of items) applyItem(db, item, activeShops, now);
    });
    return;
  } catch (error: unknown) {
    if (items.length > 1) console.warn(`[worker] batch of ${items.length} rolled back, applying one by one: ${errorText(error, { withName: true })}`);
  }
  for (const item of items) {
    try {
      db.transaction(() => applyItem(db, item, new Map(), now));
    } catch (error: unknown) {
      const outcome = failJob(db, item.job, errorText(error, { withName: true }));
      if (outcome === "cancelled") console.info(`[worker] job ${item.job.id} (webhook.process) was cancelled while it ran; nothing of it applied`);
      else console.warn(`[worker] job ${item.job.id} (webhook.process) failed, ${outcome}: ${errorText(error, { withName: true })}`);
    }
  }
}

/**
 * The worker's hot path for webhook jobs, synchronous on its own connection: validates each order,
 * fulfillment and customer consent delivery (an invalid one is marked failed with the field named and applies nothing), then
 * applies them in transactions of WEBHOOK_CHUNK, each recording the deliveries' outcomes and completing
 * their jobs, so a crash leaves every job either done with all its effects or still claimed with none
 * (its lease expires and a worker claims it again). Returns the jobs it does not handle (privacy and
 * app topics), to be run one by one through Prisma.
 */
export function processWebhookJobs(db: SqliteDb, jobs: ClaimedJob[], now = new Date()): ClaimedJob[] {
  const rest: ClaimedJob[] = [];
  const items: Item[] = [];
  for (const job of jobs) {
    const delivery = job.deliveryId ? findDeliveryForJob(db, job.shop, job.deliveryId) : undefined;
    const topic = delivery && DATA_TOPICS[delivery.topic];
    if (!topic || !delivery) {
      rest.push(job);
      continue;
    }
    const validated = validateDataTopic(topic, delivery.body);
    items.push({ job, delivery, topic, data: validated.ok ? validated.data : null, invalid: validated.ok ? null : validated.error });
  }
  for (let start = 0; start < items.length; start += WEBHOOK_CHUNK) applyChunk(db, items.slice(start, start + WEBHOOK_CHUNK), now);
  return rest;
}
