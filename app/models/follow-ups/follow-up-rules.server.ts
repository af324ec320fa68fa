import prisma, { inTransaction } from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { parseFollowUpRule, parseStoredFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { describeEditConflict } from "~/utils/editor-form";
import type { FieldError } from "~/utils/form-json";

// The admin's side of follow-up rules: the list with what each rule did, one rule for the editor, saving a
// version (refused when another save came in between) and archiving. The scheduler reads the same rows
// through the worker's connection (follow-up.server.ts).

export type FollowUpRuleRow = {
  id: string;
  name: string;
  rule: FollowUpRule | null;
  version: number;
  active: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const ROW = { id: true, name: true, document: true, version: true, active: true, archivedAt: true, createdAt: true, updatedAt: true } as const;

const toRow = (row: {
  id: string;
  name: string;
  document: string;
  version: number;
  active: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}) => ({
  id: row.id,
  name: row.name,
  rule: parseStoredFollowUpRule(row.document),
  version: row.version,
  active: row.active,
  archivedAt: row.archivedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** The shop's rules, live ones first, each with its stored document (null when it no longer validates). */
export async function listFollowUpRules(shop: string): Promise<FollowUpRuleRow[]> {
  const rows = await prisma.followUpRule.findMany({ where: { shop }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ROW });
  return rows.map(toRow);
}

export async function getFollowUpRule(shop: string, id: string): Promise<FollowUpRuleRow | null> {
  const row = await prisma.followUpRule.findUnique({ where: { shop_id: { shop, id } }, select: ROW });
  return row ? toRow(row) : null;
}

/** What each rule's follow-ups came to: counts by status, and the skipped ones by reason. */
export async function countFollowUpsByRule(shop: string) {
  const [byStatus, skipped] = await Promise.all([
    prisma.followUp.groupBy({ by: ["ruleId", "status"], where: { shop }, _count: { _all: true } }),
    prisma.followUp.groupBy({ by: ["ruleId", "reason"], where: { shop, status: "skipped" }, _count: { _all: true } }),
  ]);
  return {
    byStatus: byStatus.map((row) => ({ ruleId: row.ruleId, status: row.status, count: row._count._all })),
    skippedByReason: skipped.map((row) => ({ ruleId: row.ruleId, reason: row.reason ?? "no reason recorded", count: row._count._all })),
  };
}

export type SaveFollowUpRuleResult = { ok: true; id: string; version: number } | { ok: false; conflict: boolean; errors: FieldError[] };

/**
 * Saves the editor's document as the rule's next version. `baseVersion` is the version the editor started
 * from (0 for a new rule): a save in between is a conflict and nothing changes. A new rule starts now: it
 * speaks only of what happens to orders from here on (docs/follow-ups.md).
 */
export async function saveFollowUpRule(
  shop: string,
  document: unknown,
  baseVersion: number,
  onSaved?: (tx: Prisma.TransactionClient, rule: FollowUpRule) => Promise<unknown>,
): Promise<SaveFollowUpRuleResult> {
  const parsed = parseFollowUpRule(document);
  if (!parsed.ok) return { ok: false, conflict: false, errors: parsed.errors };
  const edited = parsed.rule;
  return inTransaction(async (tx): Promise<SaveFollowUpRuleResult> => {
    const current = await tx.followUpRule.findUnique({ where: { shop_id: { shop, id: edited.id } }, select: { version: true } });
    if ((current?.version ?? 0) !== baseVersion) return { ok: false, conflict: true, errors: [describeEditConflict("rule", current?.version ?? null)] };
    const version = baseVersion + 1;
    const fields = { name: edited.name, trigger: edited.trigger, active: edited.active, version, document: JSON.stringify({ ...edited, version }) };
    if (current) await tx.followUpRule.update({ where: { shop_id: { shop, id: edited.id } }, data: fields });
    else await tx.followUpRule.create({ data: { shop, id: edited.id, ...fields } });
    await onSaved?.(tx, { ...edited, version });
    return { ok: true, id: edited.id, version };
  });
}

/** Archives or restores a rule; false when the shop has no such rule. An archived rule sends nothing more. */
export async function setFollowUpRuleArchived(shop: string, id: string, archived: boolean, now: Date): Promise<boolean> {
  const { count } = await prisma.followUpRule.updateMany({ where: { shop, id }, data: { archivedAt: archived ? now : null } });
  return count > 0;
}
