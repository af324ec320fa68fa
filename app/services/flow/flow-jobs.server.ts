import { z } from "zod";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { enabledFlowTriggers } from "~/models/flow/flow-trigger-use.server";
import { completeJob, type ClaimedJob } from "~/models/jobs/job.server";
import { unauthenticated } from "~/shopify.server";
import { defineJobs } from "../jobs/job-registry.server";
import { FLOW_TRIGGER_JOB } from "./queue-flow-triggers.server";
import { sendFlowTrigger } from "./send-flow-trigger.server";

const jobPayload = z.object({
  handle: z.string().min(1),
  orderGid: z.string().min(1),
  payload: z.record(z.union([z.string(), z.number(), z.boolean()])),
});

/**
 * The outbox job "flow.trigger": one `flowTriggerReceive` for one order and trigger. A workflow the merchant
 * turned off since the event was queued starts nothing, so the job ends without a call. A refusal (userErrors)
 * throws like an unreachable Shopify: the outbox retries with backoff and, after its attempts, the job is
 * dead, listed in Settings with Shopify's message and retryable there.
 */
async function runFlowTriggerJob(job: ClaimedJob): Promise<void> {
  const parsed = jobPayload.safeParse(JSON.parse(job.payload));
  if (!parsed.success) throw new Error(`flow.trigger: invalid payload ${job.payload}`);
  const { handle, payload } = parsed.data;
  const db = getWorkerDb();
  if (!enabledFlowTriggers(db, job.shop).has(handle)) {
    completeJob(db, job.id);
    return;
  }
  const { admin } = await unauthenticated.admin(job.shop);
  const result = await sendFlowTrigger((query, options) => admin.graphql(query, options), handle, payload);
  if (!result.ok) throw new Error(`Shopify refused the Flow trigger ${handle}: ${result.message}`);
  completeJob(db, job.id);
}

export const flowJobs = defineJobs({ capability: "flow", handlers: { [FLOW_TRIGGER_JOB]: runFlowTriggerJob } });
