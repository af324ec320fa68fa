import prisma from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Saves a new version of the shop's promise settings document (already validated by the caller) and
 * returns its number. Versions are never changed or deleted: recorded promises refer to them.
 */
export async function saveSettingsVersion(shop: string, document: unknown, effectiveFrom: Date) {
  const latest = await prisma.promiseSettingsVersion.findFirst({ where: { shop }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (latest?.version ?? 0) + 1;
  await prisma.promiseSettingsVersion.create({ data: { shop, version, document: JSON.stringify(document), effectiveFrom } });
  return version;
}

/** The settings version in force at `at`: the newest one effective at or before that instant. */
export async function findSettingsInForce(tx: Tx, shop: string, at: Date): Promise<{ version: number; document: string } | null> {
  // Plain SQL: asked for every new order on the worker's hot path.
  const rows = await tx.$queryRaw<{ version: number | bigint; document: string }[]>`
    SELECT "version", "document" FROM "PromiseSettingsVersion"
    WHERE "shop" = ${shop} AND "effectiveFrom" <= ${at} ORDER BY "version" DESC LIMIT 1`;
  return rows[0] ? { version: Number(rows[0].version), document: rows[0].document } : null;
}

export async function countSettingsVersions(shop: string) {
  return prisma.promiseSettingsVersion.count({ where: { shop } });
}
