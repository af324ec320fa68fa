import { FLOW_TRIGGERS } from "~/domain/flow/flow-triggers";
import { listFlowTriggerUses } from "~/models/flow/flow-trigger-use.server";
import { formatInZone } from "~/utils/format";

/** Kept's Flow triggers for Settings: each with whether a workflow of the shop uses it, and since when (in the shop's zone). */
export async function loadFlowTriggers(shop: string, timeZone: string) {
  const uses = new Map((await listFlowTriggerUses(shop)).map((use) => [use.trigger, use]));
  return FLOW_TRIGGERS.map((trigger) => {
    const use = uses.get(trigger.handle);
    return {
      handle: trigger.handle,
      name: trigger.name,
      description: trigger.description,
      usedSince: use?.enabled && use.enabledSince ? formatInZone(use.enabledSince, timeZone) : null,
    };
  });
}
