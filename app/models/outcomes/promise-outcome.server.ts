import type { StoredVerdict } from "~/domain/outcomes/describe-outcome";
import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";

// The stored verdict on each order's promise (PromiseOutcome) and what it is computed from, on the
// worker's connection: the refresh runs inside the transaction that applies an order, fulfillment or
// scan, and in the sweep at `nextCheckAt`. Dates are stored as Prisma writes them (ISO, +00:00), so
// comparisons and ORDER BY on them are chronological.

type Row = Record<string, unknown>;

const toDate = (value: unknown): Date | null => (typeof value === "string" || typeof value === "number" ? new Date(value) : null);
const toText = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The order's fields the verdict reads. */
type OutcomeOrderRow = {
  createdAt: Date;
  cancelledAt: Date | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  lineCount: number;
  shipCountry: string | null;
  shipProvince: string | null;
};

/** The promise recorded at the order's first sight (DeliveryPromise), as the verdict reads it. */
type OutcomePromiseRow = {
  status: "promised" | "none";
  noPromiseReason: string | null;
  shownAtCheckout: boolean | null;
  laneKey: string | null;
  shipBy: string | null;
  rawLatest: string | null;
  promisedDate: string | null;
  settingsVersion: number | null;
};

/** One fulfillment with what its scans say: whether a `delivered` scan confirmed it and when the last scan was. */
type ParcelRow = {
  status: string | null;
  lineCount: number;
  shippedAt: Date;
  deliveredAt: Date | null;
  deliveredByScan: boolean;
  lastScanAt: Date | null;
};

/** The arrival fact stored with the outcome (it never goes backwards, so the next refresh starts from it). */
export type StoredArrival = { kind: string; at: Date | null; by: string | null; how: string | null; parcels: number };

export type OutcomeInputs = {
  order: OutcomeOrderRow;
  promise: OutcomePromiseRow | null;
  parcels: ParcelRow[];
  stored: StoredArrival | null;
};

const ORDER_SQL = `SELECT "createdAtShopify", "cancelledAt", "financialStatus", "fulfillmentStatus", "lineCount", "shipCountry", "shipProvince"
  FROM "Order" WHERE "shop" = ? AND "orderGid" = ?`;
const PROMISE_SQL = `SELECT "status", "noPromiseReason", "shownAtCheckout", "laneKey", "shipBy", "rawLatest", "promisedDate", "settingsVersion"
  FROM "DeliveryPromise" WHERE "shop" = ? AND "orderGid" = ?`;
const PARCELS_SQL = `SELECT f."status", f."lineCount", COALESCE(f."shippedAt", f."createdAtShopify") AS "shippedAt", f."deliveredAt",
    EXISTS (SELECT 1 FROM "DeliveryEvent" e WHERE e."shop" = f."shop" AND e."fulfillmentGid" = f."fulfillmentGid" AND e."status" = 'delivered') AS "byScan",
    (SELECT MAX(e."happenedAt") FROM "DeliveryEvent" e WHERE e."shop" = f."shop" AND e."fulfillmentGid" = f."fulfillmentGid") AS "lastScanAt"
  FROM "Fulfillment" f WHERE f."shop" = ? AND f."orderGid" = ?`;
const STORED_SQL = `SELECT "arrivalKind", "arrivalAt", "arrivalBy", "arrivalHow", "parcels" FROM "PromiseOutcome" WHERE "shop" = ? AND "orderGid" = ?`;

/** Everything the order's verdict is computed from, or null when the order is not stored (yet). */
export function loadOutcomeInputs(db: SqliteDb, shop: string, orderGid: string): OutcomeInputs | null {
  const order = db.statement(ORDER_SQL).get(shop, orderGid) as Row | undefined;
  if (!order) return null;
  const promise = db.statement(PROMISE_SQL).get(shop, orderGid) as Row | undefined;
  const parcels = db.statement(PARCELS_SQL).all(shop, orderGid) as Row[];
  const stored = db.statement(STORED_SQL).get(shop, orderGid) as Row | undefined;
  return {
    order: {
      createdAt: toDate(order.createdAtShopify) as Date,
      cancelledAt: toDate(order.cancelledAt),
      financialStatus: toText(order.financialStatus),
      fulfillmentStatus: toText(order.fulfillmentStatus),
      lineCount: Number(order.lineCount),
      shipCountry: toText(order.shipCountry),
      shipProvince: toText(order.shipProvince),
    },
    promise: promise
      ? {
          status: promise.status === "promised" ? "promised" : "none",
          noPromiseReason: toText(promise.noPromiseReason),
          shownAtCheckout: promise.shownAtCheckout === null ? null : Boolean(promise.shownAtCheckout),
          laneKey: toText(promise.laneKey),
          shipBy: toText(promise.shipBy),
          rawLatest: toText(promise.rawLatest),
          promisedDate: toText(promise.promisedDate),
          settingsVersion: promise.settingsVersion === null ? null : Number(promise.settingsVersion),
        }
      : null,
    parcels: parcels.map((parcel) => ({
      status: toText(parcel.status),
      lineCount: Number(parcel.lineCount),
      shippedAt: toDate(parcel.shippedAt) as Date,
      deliveredAt: toDate(parcel.deliveredAt),
      deliveredByScan: Boolean(parcel.byScan),
      lastScanAt: toDate(parcel.lastScanAt),
    })),
    stored: stored
      ? {
          kind: String(stored.arrivalKind),
          at: toDate(stored.arrivalAt),
          by: toText(stored.arrivalBy),
          how: toText(stored.arrivalHow),
          parcels: Number(stored.parcels),
        }
      : null,
  };
}

/** A PromiseOutcome row as the refresh writes it (every column but the key). */
export type OutcomeRow = StoredVerdict & {
  arrivalAt: Date | null;
  parcels: number;
  shipped: string;
  shippedAt: Date | null;
  transitHours: number | null;
  laneKey: string | null;
  promisedDate: string | null;
  destinationZone: string;
  orderedAt: Date;
  nextCheckAt: Date | null;
  updatedAt: Date;
};

const OUTCOME_COLUMNS = [
  "verdict",
  "daysEarly",
  "lateCause",
  "risk",
  "reason",
  "arrivalKind",
  "arrivalAt",
  "arrivalBy",
  "arrivalHow",
  "arrivalDate",
  "parcels",
  "shipped",
  "shippedAt",
  "transitHours",
  "laneKey",
  "promisedDate",
  "destinationZone",
  "orderedAt",
  "nextCheckAt",
  "updatedAt",
] as const satisfies readonly (keyof OutcomeRow)[];

const SAVE_SQL = `INSERT INTO "PromiseOutcome" ("shop", "orderGid", ${OUTCOME_COLUMNS.map((name) => `"${name}"`).join(", ")})
  VALUES (?, ?, ${OUTCOME_COLUMNS.map(() => "?").join(", ")})
  ON CONFLICT ("shop", "orderGid") DO UPDATE SET ${OUTCOME_COLUMNS.map((name) => `"${name}" = excluded."${name}"`).join(", ")}`;

/** Writes the order's outcome (the order must be stored: the row belongs to it and is erased with it). */
export function saveOutcome(db: SqliteDb, shop: string, orderGid: string, row: OutcomeRow) {
  db.statement(SAVE_SQL).run(shop, orderGid, ...OUTCOME_COLUMNS.map((name) => sqliteValue(row[name])));
}

const TRANSIT_SQL = (scope: "lane" | "shop") =>
  `SELECT "transitHours" FROM "PromiseOutcome" WHERE "shop" = ?${scope === "lane" ? ` AND "laneKey" = ?` : ""}
    AND "arrivalKind" = 'confirmed' AND "transitHours" IS NOT NULL ORDER BY "arrivalAt" DESC LIMIT ?`;

/**
 * Hours from shipping to a confirmed arrival of the lane's (or, with `laneKey` null, the shop's) most
 * recent `limit` deliveries, newest first: the history arrival is inferred from.
 */
export function recentTransitHours(db: SqliteDb, shop: string, laneKey: string | null, limit: number): number[] {
  const rows = (laneKey === null ? db.statement(TRANSIT_SQL("shop")).all(shop, limit) : db.statement(TRANSIT_SQL("lane")).all(shop, laneKey, limit)) as Row[];
  return rows.map((row) => Number(row.transitHours));
}

/**
 * Orders of any shop whose verdict may change at or before `now` with no new event (a ship-by, a carrier
 * date or a promised day passing, an inference falling due), soonest first: the sweep's work list.
 * Across shops, like claiming jobs; each refresh is then scoped by its shop.
 */
export function listDueOutcomes(db: SqliteDb, now: Date, limit: number): { shop: string; orderGid: string }[] {
  return db
    .statement(`SELECT "shop", "orderGid" FROM "PromiseOutcome" WHERE "nextCheckAt" <= ? ORDER BY "nextCheckAt" LIMIT ?`)
    .all(sqliteDate(now), limit) as { shop: string; orderGid: string }[];
}

/** Moves an order's next check to `at` (the sweep, after a refresh that failed: it is tried again later, not in a loop). */
export function postponeOutcomeCheck(db: SqliteDb, shop: string, orderGid: string, at: Date) {
  db.statement(`UPDATE "PromiseOutcome" SET "nextCheckAt" = ? WHERE "shop" = ? AND "orderGid" = ?`).run(sqliteDate(at), shop, orderGid);
}

/**
 * Orders of any shop that have no outcome yet (stored before outcomes existed, or whose refresh failed
 * on the webhook path): the sweep computes theirs. Across shops; each refresh is scoped by its shop.
 */
export function listOrdersWithoutOutcome(db: SqliteDb, limit: number): { shop: string; orderGid: string }[] {
  return db
    .statement(
      `SELECT o."shop", o."orderGid" FROM "Order" o
      WHERE NOT EXISTS (SELECT 1 FROM "PromiseOutcome" p WHERE p."shop" = o."shop" AND p."orderGid" = o."orderGid") LIMIT ?`,
    )
    .all(limit) as { shop: string; orderGid: string }[];
}
