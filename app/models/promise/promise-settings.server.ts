import prisma, { inTransaction } from "~/models/db/prisma.server";
import type { CivilDate } from "~/domain/promise/civil-date";
import { enqueueJob } from "../jobs/job.server";
import { enqueueShippingSnapshot } from "./shipping-snapshot.server";
import type { Prisma } from "~/generated/prisma/client";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

type Tx = Prisma.TransactionClient;

/** The dedupe key of a version's metafield sync job (one job per version). */
const syncJobKey = (version: number) => `promise-sync:v${version}`;

/** The dedupe key of a shop's daily re-publication: one job per shop-local day, however many workers ask. */
export const dailySyncJobKey = (day: CivilDate) => `promise-sync:day:${day}`;

/**
 * Saves a new version of the shop's promise settings document (already validated by the caller) and
 * returns its number. Versions are never changed or deleted: recorded promises refer to them.
 * `alongside` writes what belongs with the version in the same transaction.
 */
export async function saveSettingsVersion(shop: string, document: unknown, effectiveFrom: Date, alongside?: (tx: Tx, version: number) => Promise<void>) {
  return inTransaction(async (tx) => {
    const latest = await tx.promiseSettingsVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    // What else the version's saving writes (the tuner's log), committed with it or not at all.
    await alongside?.(tx, version);
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
async function findSettingsInForce(tx: Tx | typeof prisma, shop: string, at: Date): Promise<{ version: number; document: string } | null> {
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
 * The settings version checkout had at `at`: the newest version whose config had reached the shop
 * metafield by then, or undefined when none had. Worker connection (asked for every new order). Newest by
 * number, not by publication time: the sync job always publishes the version in force, so versions reach
 * checkout in order, and an older version a late job wrote again is replaced by the next daily run.
 */
export function findVersionPublishedBy(db: SqliteDb, shop: string, at: Date): VersionInForce | undefined {
  return newestVersionBy(db, "publishedAt", shop, at);
}

/** A version of the shop by its number (as a recorded promise names it), or undefined. Worker connection. */
export function findVersionByNumber(db: SqliteDb, shop: string, version: number): VersionInForce | undefined {
  return db.statement(`SELECT "version", "createdAt" FROM "PromiseSettingsVersion" WHERE "shop" = ? AND "version" = ?`).get(shop, version) as
    VersionInForce | undefined;
}

/** The newest version (by number) of the shop whose `publishedAt` or `effectiveFrom` is at or before `at`. */
function newestVersionBy(db: SqliteDb, column: "publishedAt" | "effectiveFrom", shop: string, at: Date): VersionInForce | undefined {
  return db
    .statement(`SELECT "version", "createdAt" FROM "PromiseSettingsVersion" WHERE "shop" = ? AND "${column}" <= ? ORDER BY "version" DESC LIMIT 1`)
    .get(shop, sqliteDate(at)) as VersionInForce | undefined;
}

/** Records that `version`'s config reached the shop metafield at `at`; only the first time counts. */
export async function markVersionPublished(shop: string, version: number, at: Date) {
  await prisma.promiseSettingsVersion.updateMany({ where: { shop, version, publishedAt: null }, data: { publishedAt: at } });
}

/** The version checkout shows now (the newest published one) and when it was published, or null. */
export async function findCheckoutVersion(shop: string) {
  return prisma.promiseSettingsVersion.findFirst({
    where: { shop, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true },
  });
}

/**
 * Every installed shop with settings in force at `at`, with that version (for the daily re-publication).
 * Plain SQL that PostgreSQL runs unchanged; the worker's connection.
 */
export function listShopsWithSettingsInForce(db: SqliteDb, at: Date): (VersionInForce & { shop: string })[] {
  return db
    .statement(
      `SELECT "v"."shop", "v"."version", "v"."createdAt" FROM "PromiseSettingsVersion" AS "v"
      JOIN "Shop" AS "s" ON "s"."shop" = "v"."shop"
      WHERE "s"."uninstalledAt" IS NULL AND "v"."version" = (
        SELECT MAX("w"."version") FROM "PromiseSettingsVersion" AS "w" WHERE "w"."shop" = "v"."shop" AND "w"."effectiveFrom" <= ?)`,
    )
    .all(sqliteDate(at)) as (VersionInForce & { shop: string })[];
}

/**
 * The settings version in force at `at` on the worker's connection (asked for every new order). Only
 * the number and creation stamp: the document is loaded when the worker has not parsed it yet.
 */
export function findVersionInForce(db: SqliteDb, shop: string, at: Date): VersionInForce | undefined {
  return newestVersionBy(db, "effectiveFrom", shop, at);
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
    select: { version: true, effectiveFrom: true, createdAt: true, publishedAt: true },
  });
  const inForce = rows.find((row) => row.effectiveFrom <= now)?.version ?? null;
  return rows.map((row) => ({ ...row, isInForce: row.version === inForce }));
}

/** The newest saved version (what the editor starts from), or null when the shop has none. */
export async function findLatestSettings(shop: string) {
  return prisma.promiseSettingsVersion.findFirst({
    where: { shop },
    orderBy: { version: "desc" },
    select: { version: true, document: true, effectiveFrom: true },
  });
}
