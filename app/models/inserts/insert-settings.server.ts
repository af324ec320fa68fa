import { randomBytes } from "node:crypto";
import prisma from "~/models/db/prisma.server";
import type { PaperSize } from "~/schemas/inserts/insert-template";

export type InsertSettingsRow = { shop: string; maxInsertsPerParcel: number; holdoutSalt: string; fallbackLocale: string; paperSize: PaperSize };

const SELECT = { shop: true, maxInsertsPerParcel: true, holdoutSalt: true, fallbackLocale: true, paperSize: true } as const;

/**
 * The shop's insert settings, created with defaults on first use. The holdout salt is random per shop and
 * then never changes by itself: re-evaluating an order must put it in the same holdout.
 */
export async function ensureInsertSettings(shop: string): Promise<InsertSettingsRow> {
  const row = await prisma.insertSettings.upsert({
    where: { shop },
    create: { shop, holdoutSalt: randomBytes(12).toString("base64url") },
    update: {},
    select: SELECT,
  });
  return { ...row, paperSize: row.paperSize as PaperSize };
}

/** Changes what the merchant may change (not the salt: see `reshuffleHoldouts`). */
export async function updateInsertSettings(
  shop: string,
  changes: Partial<Pick<InsertSettingsRow, "maxInsertsPerParcel" | "fallbackLocale" | "paperSize">>,
): Promise<InsertSettingsRow> {
  await ensureInsertSettings(shop);
  const row = await prisma.insertSettings.update({ where: { shop }, data: changes, select: SELECT });
  return { ...row, paperSize: row.paperSize as PaperSize };
}

/** A new salt: from now on, different orders fall into each rule's holdout (orders already decided keep theirs). */
export async function reshuffleHoldouts(shop: string): Promise<void> {
  await ensureInsertSettings(shop);
  await prisma.insertSettings.update({ where: { shop }, data: { holdoutSalt: randomBytes(12).toString("base64url") } });
}
