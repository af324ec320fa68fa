import { defineJobs } from "../jobs/job-registry.server";
import { processWebhookJobs } from "./process-webhook-batch.server";
import { processWebhookJob } from "./process-webhook.server";
import { PRUNE_BODIES_EVERY_MS, PRUNE_BODIES_JOB, queueBodyPrunes, runPruneBodiesJob } from "./prune-bodies.server";

/**
 * Webhook processing: order and fulfillment deliveries in batches (the hot path), the other topics one by
 * one; and every hour the prune of bodies older than WEBHOOK_BODY_RETENTION_DAYS.
 */
export const intakeJobs = defineJobs({
  capability: "intake",
  handlers: { "webhook.process": processWebhookJob, [PRUNE_BODIES_JOB]: runPruneBodiesJob },
  batches: { "webhook.process": processWebhookJobs },
  scheduled: [{ name: "webhook body retention", everyMs: PRUNE_BODIES_EVERY_MS, run: queueBodyPrunes }],
});
