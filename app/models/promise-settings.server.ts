import prisma, { inTransaction } from "~/db.server";
import { enqueueJob } from "./job.server";
import { enqueueShippingSnapshot } from "./shipping-snapshot.server";
import type { Prisma } from "~/generated/prisma/client";
import { sqliteDate, type SqliteDb } from "./sqlite.server";

type Tx = Prisma.TransactionClient;

/** The dedupe key of a version's metafield sync job (one job per version). */
export const syncJobKey = (version: number) => `promise-sync:v${version}`;

/**
 * Saves a new version of the shop's promise settings document (already validated by the caller) and
 * returns its number. Versions are never changed or deleted: recorded promises refer to them.
 */
export async function saveSettingsVersion(shop: string, document: unknown, effectiveFrom: Date) {
  return inTransaction(async (tx) => {
    const latest = await tx.promiseSettingsVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    await tx.promiseSettingsVersion.create({ data: { shop, version, document: JSON.stringify(document), effectiveFrom } });
    // The outbox: the metafield sync is queued in the same transaction as the version it publishes.
    await enqueueJob(tx, { shop, type: "promise.sync-config", payload: { version }, dedupeKey: syncJobKey(version) });
    // Which options get Kept's date depends on the settings and on Shopify's delivery settings: look again.
    await enqueueShippingSnapshot(tx, shop);
    return version;
  });
}

/** The settings in force right now (what checkout should show). */
export async function findSettingsInForceNow(shop: string) {
  return findSettingsInForce(prisma, shop, new Date());
}

/** The settings version in force at `at`: the newest one effective at or before that instant. */
export async function findSettingsInForce(tx: Tx | typeof prisma, shop: string, at: Date): Promise<{ version: number; document: string } | null> {
  // Plain SQL: asked for every new order on the worker's hot path.
  const rows = await tx.$queryRaw<{ version: number | bigint; document: string }[]>`
    SELECT "version", "document" FROM "PromiseSettingsVersion"
    WHERE "shop" = ${shop} AND "effectiveFrom" <= ${at} ORDER BY "version" DESC LIMIT 1`;
  return rows[0] ? { version: Number(rows[0].version), document: rows[0].document } : null;
}

export async function countSettingsVersions(shop: string) {
  return prisma.promiseSettingsVersion.count({ where: { shop } });
}

export type VersionInForce = { version: number; createdAt: string };

/**
 * The settings version in force at `at` on the worker's connection (asked for every new order). Only
 * the number and creation stamp: the document is loaded when the worker has not parsed it yet.
 */
export function findVersionInForce(db: SqliteDb, shop: string, at: Date): VersionInForce | undefined {
  return db
    .statement(`SELECT "version", "createdAt" FROM "PromiseSettingsVersion"
      WHERE "shop" = ? AND "effectiveFrom" <= ? ORDER BY "version" DESC LIMIT 1`)
    .get(shop, sqliteDate(at)) as VersionInForce | undefined;
}

export function loadSettingsDocument(db: SqliteDb, shop: string, version: number): string {
  const row = db.statement(`SELECT "document" FROM "PromiseSettingsVersion" WHERE "shop" = ? AND "version" = ?`).get(shop, version);
  if (!row) throw new Error(`settings version ${version} of ${shop} disappeared`);
  return (row as { document: string }).document;
}

/** The shop's versions, newest first, and which one is in force at `now` (the newest effective by then). */
export async function listSettingsVersions(shop: string, now: Date, take = 20) {
  const rows = await prisma.promiseSettingsVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take,
    select: { version: true, effectiveFrom: true, createdAt: true },
  });
  const inForce = rows.find((row) => row.effectiveFrom <= now)?.version ?? null;
  return rows.map((row) => ({ ...row, isInForce: row.version === inForce }));
}

/** The newest saved version (what the editor starts from), or null when the shop has none. */
export async function findLatestSettings(shop: string) {
  return prisma.promiseSettingsVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true, document: true, effectiveFrom: true } });
}
