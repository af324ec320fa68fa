import { z } from "zod";
import { FLOW_TRIGGER_RECEIVE_MUTATION } from "~/graphql/flow/flow-trigger-receive";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";

const receiveSchema = z.object({
  flowTriggerReceive: z.object({ userErrors: z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() }).passthrough()) }),
});

export type FlowTriggerResult = { ok: true } | { ok: false; message: string };

/**
 * Sends one trigger event to Flow with `flowTriggerReceive`. Shopify's userErrors (an unknown handle, a
 * payload that does not match the extension's fields) come back as a refusal; transport and top-level
 * GraphQL errors (THROTTLED) throw. The caller decides what a refusal means (the job retries it, boundedly).
 */
export async function sendFlowTrigger(graphql: AdminGraphql, handle: string, payload: Record<string, unknown>): Promise<FlowTriggerResult> {
  const { flowTriggerReceive } = await runAdminOperation(graphql, FLOW_TRIGGER_RECEIVE_MUTATION, { handle, payload }, receiveSchema);
  if (flowTriggerReceive.userErrors.length === 0) return { ok: true };
  return { ok: false, message: flowTriggerReceive.userErrors.map((error) => `${(error.field ?? []).join(".") || "payload"}: ${error.message}`).join("; ") };
}
