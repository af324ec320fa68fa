import prisma from "~/models/db/prisma.server";
import type { Prisma } from "~/generated/prisma/client";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

// The padding tuner's state per shop (auto-apply, last run) and its log of changes (docs/tuner.md).

type Tx = Prisma.TransactionClient;

export type PaddingChangeInput = {
  laneKey: string;
  laneLabel: string;
  fromDays: number;
  toDays: number;
  appliedBy: "merchant" | "auto";
  expectedBefore: number | null;
  expectedAfter: number | null;
  reason: string;
};

export async function findTuner(shop: string) {
  return prisma.paddingTuner.findUnique({ where: { shop }, select: { autoApply: true, lastRunAt: true } });
}

export async function setAutoApply(shop: string, autoApply: boolean) {
  await prisma.paddingTuner.upsert({ where: { shop }, create: { shop, autoApply }, update: { autoApply } });
}

/** Shops that apply the tuner's proposals themselves and have had no run since `before`, on the worker's connection. */
export function listShopsDueForAutoTune(db: SqliteDb, before: Date): string[] {
  const rows = db
    .statement(
      `SELECT "t"."shop" FROM "PaddingTuner" AS "t" JOIN "Shop" AS "s" ON "s"."shop" = "t"."shop"
      WHERE "s"."uninstalledAt" IS NULL AND "t"."autoApply" = 1 AND ("t"."lastRunAt" IS NULL OR "t"."lastRunAt" < ?)
      ORDER BY "t"."shop"`,
    )
    .all(sqliteDate(before)) as { shop: string }[];
  return rows.map((row) => row.shop);
}

/** Notes a run of the tuner, in the transaction of what it applied. */
export async function markTunerRun(tx: Tx, shop: string, at: Date) {
  await tx.paddingTuner.upsert({ where: { shop }, create: { shop, lastRunAt: at }, update: { lastRunAt: at } });
}

/** Logs the changes a settings version made, in the transaction that saves it. */
export async function recordPaddingChanges(tx: Tx, shop: string, version: number, changes: readonly PaddingChangeInput[], at: Date) {
  if (changes.length === 0) return;
  await tx.paddingChange.createMany({ data: changes.map((change) => ({ ...change, shop, version, createdAt: at })) });
}

export async function listPaddingChanges(shop: string, take: number) {
  return prisma.paddingChange.findMany({ where: { shop }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

export async function findPaddingChange(shop: string, id: string) {
  return prisma.paddingChange.findFirst({ where: { shop, id } });
}

/** Marks a change undone by `revertVersion`, in the transaction that saves it; false when it was already undone. */
export async function markPaddingChangeReverted(tx: Tx, shop: string, id: string, revertVersion: number, at: Date) {
  const { count } = await tx.paddingChange.updateMany({ where: { shop, id, revertedAt: null }, data: { revertedAt: at, revertVersion } });
  return count === 1;
}
