import { saveFollowUpRule, type SaveFollowUpRuleResult } from "~/models/follow-ups/follow-up-rules.server";
import { enqueueLookBack } from "./follow-ups-jobs.server";

/**
 * Saves the editor's rule; a rule that looks back also queues, in the same transaction, the job that makes its
 * rows for the orders it looks back on (docs/follow-ups.md).
 */
export function saveFollowUpRuleVersion(shop: string, document: unknown, baseVersion: number, now: Date): Promise<SaveFollowUpRuleResult> {
  return saveFollowUpRule(shop, document, baseVersion, async (tx, rule) => {
    if (rule.lookBackDays > 0 && rule.active) await enqueueLookBack(tx, shop, { ruleId: rule.id, version: rule.version, lookBackDays: rule.lookBackDays }, now);
  });
}
