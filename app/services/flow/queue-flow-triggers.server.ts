import { apologyCodeFields, flowEventsOf, flowPayload, type FlowTriggerHandle } from "~/domain/flow/flow-triggers";
import { errorText } from "~/domain/errors/error-text";
import type { Connection } from "~/models/db/connection.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import { enabledFlowTriggers, flowTriggerEnabledSince, loadApologyFacts, loadFlowOrderState } from "~/models/flow/flow-trigger-use.server";
import { enqueueJob } from "~/models/jobs/job.server";

// Flow events into the outbox, in the transaction that changes what they are about (docs/flow.md). One
// `flow.trigger` job per order and trigger: the dedupe key makes a second queueing, from a duplicate or
// out-of-order webhook or a later refresh, a no-op. Only triggers the shop's enabled workflows use are queued,
// and only for events from the moment the merchant enabled them on.

export const FLOW_TRIGGER_JOB = "flow.trigger";

function queueFlowEvent(connection: Connection, shop: string, orderGid: string, trigger: FlowTriggerHandle, payload: Record<string, unknown>, now: Date) {
  const job = { shop, type: FLOW_TRIGGER_JOB, orderGid, payload: { handle: trigger, orderGid, payload }, dedupeKey: `flow:${trigger}:${orderGid}` };
  return enqueueJob(connection, job, now);
}

/**
 * Runs `refresh` (the order's outcome refresh) and queues the Flow events it caused: the outcome is read
 * before and after it in the same transaction and compared (flowEventsOf). A shop with no enabled trigger
 * costs one lookup. A failure here is logged and never holds up the refresh or the delivery; an error of
 * `refresh` itself propagates, as without Flow.
 */
export function refreshWithFlowTriggers(db: SqliteDb, shop: string, orderGid: string, now: Date, refresh: () => void): void {
  let enabled: Map<string, Date> | null;
  let before: ReturnType<typeof loadFlowOrderState> = null;
  try {
    enabled = enabledFlowTriggers(db, shop);
    if (enabled.size > 0) before = loadFlowOrderState(db, shop, orderGid);
  } catch (error: unknown) {
    console.warn(`[worker] Flow triggers of ${orderGid} not read: ${errorText(error, { withName: true })}`);
    enabled = null;
  }
  refresh();
  if (!enabled || enabled.size === 0) return;
  try {
    const after = loadFlowOrderState(db, shop, orderGid);
    if (!after) return;
    for (const event of flowEventsOf(before?.state ?? null, after.state)) {
      const since = enabled.get(event.trigger);
      // An event from before the merchant enabled the trigger (a backfilled order, a day-old webhook) is not news.
      if (!since || event.happenedAt.getTime() < since.getTime()) continue;
      queueFlowEvent(db, shop, orderGid, event.trigger, flowPayload(after.legacyId, event.fields), now);
    }
  } catch (error: unknown) {
    console.warn(`[worker] Flow triggers of ${orderGid} not queued: ${errorText(error, { withName: true })}`);
  }
}

/**
 * For the apology code work: queues the "Apology code issued" event for the order, on the caller's connection
 * and in its transaction (the worker's or a Prisma one), when the shop's workflows use that trigger. Once per
 * order: a second call, or a second code, queues nothing. Returns whether a job was queued.
 */
export async function queueApologyCodeIssued(connection: Connection, shop: string, issued: { orderGid: string; code: string }, now: Date): Promise<boolean> {
  const trigger = "kept-apology-code-issued";
  const since = await flowTriggerEnabledSince(connection, shop, trigger);
  if (!since || now.getTime() < since.getTime()) return false;
  const facts = await loadApologyFacts(connection, shop, issued.orderGid);
  if (!facts) return false;
  const payload = flowPayload(facts.legacyId, apologyCodeFields(issued.code, facts));
  return (await queueFlowEvent(connection, shop, issued.orderGid, trigger, payload, now)) !== null;
}
