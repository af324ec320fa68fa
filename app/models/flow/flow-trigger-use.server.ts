import type { FlowOrderState } from "~/domain/flow/flow-triggers";
import prisma, { inTransaction } from "~/models/db/prisma.server";
import { runStatement, type Connection } from "../db/connection.server";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

// Which of Kept's Flow triggers each shop's enabled workflows use (FlowTriggerUse, from Flow's lifecycle
// callback), and the outcome facts the triggers are decided on, read on the worker's connection inside the
// transaction that refreshes the outcome.

type Row = Record<string, unknown>;
const toDate = (value: unknown): Date | null => (typeof value === "string" || typeof value === "number" ? new Date(value) : null);
const toText = (value: unknown): string | null => (typeof value === "string" ? value : null);
const isSqlite = (connection: Connection): connection is SqliteDb => (connection as SqliteDb).kind === "sqlite";

// One statement, so callbacks racing each other or arriving out of order settle on the newest: a row is
// written only when the callback's timestamp is newer than the stored one (Flow's rule: "notifications with
// newer timestamps should take precedence"); a replay (the same timestamp) changes nothing. `enabledSince`
// stays at the callback that first turned the trigger on while it stays on.
const RECORD_SQL = `
  INSERT INTO "FlowTriggerUse" ("shop", "trigger", "enabled", "enabledSince", "changedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT ("shop", "trigger") DO UPDATE SET
    "enabled" = excluded."enabled",
    "enabledSince" = CASE WHEN excluded."enabled" = 0 THEN NULL WHEN "FlowTriggerUse"."enabled" = 1 THEN "FlowTriggerUse"."enabledSince" ELSE excluded."enabledSince" END,
    "changedAt" = excluded."changedAt",
    "updatedAt" = excluded."updatedAt"
  WHERE excluded."changedAt" > "FlowTriggerUse"."changedAt"`;

/** Records one lifecycle callback; returns whether it changed the stored state (false: older than it, or a replay). */
export async function recordFlowTriggerUse(shop: string, trigger: string, enabled: boolean, timestamp: Date, now: Date): Promise<boolean> {
  const at = sqliteDate(timestamp);
  return inTransaction((tx) =>
    runStatement(tx, RECORD_SQL, [shop, trigger, enabled ? 1 : 0, enabled ? at : null, at, sqliteDate(now)], (changes) => changes === 1),
  );
}

/** The shop's triggers as stored (Settings, tests). */
export async function listFlowTriggerUses(shop: string) {
  return prisma.flowTriggerUse.findMany({
    where: { shop },
    orderBy: { trigger: "asc" },
    select: { trigger: true, enabled: true, enabledSince: true, changedAt: true },
  });
}

/** The shop's enabled triggers and since when, on the worker's connection (once per refreshed order: a primary-key range). */
export function enabledFlowTriggers(db: SqliteDb, shop: string): Map<string, Date> {
  const rows = db.statement(`SELECT "trigger", "enabledSince" FROM "FlowTriggerUse" WHERE "shop" = ? AND "enabled" = 1`).all(shop) as Row[];
  return new Map(rows.map((row) => [String(row.trigger), toDate(row.enabledSince) ?? new Date(0)]));
}

/** Since when the trigger is enabled for the shop, or null when it is off; on either connection (the apology's caller may be in a Prisma transaction). */
export async function flowTriggerEnabledSince(connection: Connection, shop: string, trigger: string): Promise<Date | null> {
  if (isSqlite(connection)) return enabledFlowTriggers(connection, shop).get(trigger) ?? null;
  const row = await connection.flowTriggerUse.findUnique({ where: { shop_trigger: { shop, trigger } }, select: { enabled: true, enabledSince: true } });
  return row?.enabled ? (row.enabledSince ?? new Date(0)) : null;
}

/** The order's numeric id and the promise an apology is for (promised date, late cause); null when the order is not stored. */
export async function loadApologyFacts(
  connection: Connection,
  shop: string,
  orderGid: string,
): Promise<{ legacyId: string; promisedDate: string | null; lateCause: string | null } | null> {
  if (isSqlite(connection)) {
    const found = loadFlowOrderState(connection, shop, orderGid);
    if (found) return { legacyId: found.legacyId, promisedDate: found.state.promisedDate, lateCause: found.state.lateCause };
    const order = connection.statement(`SELECT "legacyId" FROM "Order" WHERE "shop" = ? AND "orderGid" = ?`).get(shop, orderGid) as Row | undefined;
    return order ? { legacyId: String(order.legacyId), promisedDate: null, lateCause: null } : null;
  }
  const order = await connection.order.findUnique({
    where: { shop_orderGid: { shop, orderGid } },
    select: { legacyId: true, outcome: { select: { promisedDate: true, lateCause: true } } },
  });
  return order ? { legacyId: order.legacyId, promisedDate: order.outcome?.promisedDate ?? null, lateCause: order.outcome?.lateCause ?? null } : null;
}

const STATE_SQL = `SELECT o."legacyId", p."verdict", p."daysEarly", p."lateCause", p."arrivalKind", p."arrivalAt", p."arrivalDate", p."shipped", p."shippedAt",
    p."promisedDate", p."destinationZone", d."shipBy", COALESCE(s."timezone", 'UTC') AS "shopZone"
  FROM "Order" o
  JOIN "PromiseOutcome" p ON p."shop" = o."shop" AND p."orderGid" = o."orderGid"
  LEFT JOIN "DeliveryPromise" d ON d."shop" = o."shop" AND d."orderGid" = o."orderGid"
  LEFT JOIN "Shop" s ON s."shop" = o."shop"
  WHERE o."shop" = ? AND o."orderGid" = ?`;

/** The order's numeric id and its outcome's facts as stored now; null while it has no outcome. */
export function loadFlowOrderState(db: SqliteDb, shop: string, orderGid: string): { legacyId: string; state: FlowOrderState } | null {
  const row = db.statement(STATE_SQL).get(shop, orderGid) as Row | undefined;
  if (!row) return null;
  return {
    legacyId: String(row.legacyId),
    state: {
      verdict: String(row.verdict),
      daysEarly: typeof row.daysEarly === "number" ? row.daysEarly : null,
      lateCause: toText(row.lateCause),
      arrivalKind: String(row.arrivalKind),
      arrivalAt: toDate(row.arrivalAt),
      arrivalDate: toText(row.arrivalDate),
      shipped: String(row.shipped),
      shippedAt: toDate(row.shippedAt),
      shipBy: toText(row.shipBy),
      shopZone: String(row.shopZone),
      promisedDate: toText(row.promisedDate),
      destinationZone: String(row.destinationZone),
    },
  };
}
