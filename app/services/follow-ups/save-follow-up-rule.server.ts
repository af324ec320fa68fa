import { saveFollowUpRule, type SaveFollowUpRuleResult } from "~/models/follow-ups/follow-up-rules.server";
import { enqueueLookBack, enqueueReplan } from "./follow-ups-jobs.server";

/**
 * Saves the editor's rule and queues, in the same transaction, the work it means for orders: a rule that looks
 * back makes rows for the orders it looks back on; an edited rule's rows still to send are planned again
 * (docs/follow-ups.md).
 */
export function saveFollowUpRuleVersion(shop: string, document: unknown, baseVersion: number, now: Date): Promise<SaveFollowUpRuleResult> {
  return saveFollowUpRule(shop, document, baseVersion, async (tx, rule) => {
    if (rule.version > 1) await enqueueReplan(tx, shop, { ruleId: rule.id, version: rule.version }, now);
    if (rule.lookBackDays > 0 && rule.active) await enqueueLookBack(tx, shop, { ruleId: rule.id, version: rule.version, lookBackDays: rule.lookBackDays }, now);
  });
}
