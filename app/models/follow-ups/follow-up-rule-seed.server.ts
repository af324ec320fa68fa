import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import prisma from "~/models/db/prisma.server";

/**
 * Stores a validated rule as made at `madeAt` (it speaks of events after that: docs/follow-ups.md), unless the
 * shop already has a rule with its id, which is left as it is. True when it was added. For seeds (the demo shop).
 */
export async function addFollowUpRuleIfMissing(shop: string, rule: FollowUpRule, madeAt: Date): Promise<boolean> {
  const existing = await prisma.followUpRule.findUnique({ where: { shop_id: { shop, id: rule.id } }, select: { id: true } });
  if (existing) return false;
  await prisma.followUpRule.create({
    data: {
      shop,
      id: rule.id,
      version: rule.version,
      name: rule.name,
      trigger: rule.trigger,
      active: rule.active,
      document: JSON.stringify(rule),
      createdAt: madeAt,
    },
  });
  return true;
}
