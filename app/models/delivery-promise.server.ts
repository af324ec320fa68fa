import { sqliteDate, type SqliteDb } from "./sqlite.server";

export type PromiseRecord = {
  status: "promised" | "none";
  noPromiseReason: string | null;
  laneKey: string | null;
  laneLabel: string | null;
  shipBy: string | null;
  rawEarliest: string | null;
  rawLatest: string | null;
  promisedDate: string | null;
  paddingDays: number | null;
  settingsVersion: number | null;
  reason: string[];
};

/** Records an order's promise once; a replayed or late orders/create keeps the first record. Worker connection. */
export function recordPromise(db: SqliteDb, shop: string, orderGid: string, promise: PromiseRecord) {
  db.statement(`
    INSERT INTO "DeliveryPromise" ("shop", "orderGid", "status", "noPromiseReason", "laneKey", "laneLabel", "shipBy", "rawEarliest",
      "rawLatest", "promisedDate", "paddingDays", "settingsVersion", "reason", "computedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT ("shop", "orderGid") DO NOTHING`).run(
    shop, orderGid, promise.status, promise.noPromiseReason, promise.laneKey, promise.laneLabel, promise.shipBy, promise.rawEarliest,
    promise.rawLatest, promise.promisedDate, promise.paddingDays, promise.settingsVersion, JSON.stringify(promise.reason),
    sqliteDate(new Date()),
  );
}
