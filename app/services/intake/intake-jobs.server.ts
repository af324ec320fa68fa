import { defineJobs } from "../jobs/job-registry.server";
import { processWebhookJobs } from "./process-webhook-batch.server";
import { processWebhookJob } from "./process-webhook.server";

/** Webhook processing: order and fulfillment deliveries in batches (the hot path), the other topics one by one. */
export const intakeJobs = defineJobs({
  capability: "intake",
  handlers: { "webhook.process": processWebhookJob },
  batches: { "webhook.process": processWebhookJobs },
});
