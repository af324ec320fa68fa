import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

// The retention of raw webhook bodies (docs/architecture.md, "Data lifecycle"): a processed delivery's body
// is emptied once it is older than WEBHOOK_BODY_RETENTION_DAYS, a bounded batch per transaction. The row
// stays (status, topic, ids, size, error, times), so the dedupe on (shop, webhookId) still answers
// "duplicate", and the orders, fulfillments and scans recorded from it are not touched.

/**
 * The shops with a delivery received before `before`: one pass over the (shop, receivedAt) index. A shop
 * whose old bodies are all pruned is listed too; its prune then finds nothing.
 */
export function listShopsWithDeliveriesBefore(db: SqliteDb, before: Date): string[] {
  const rows = db.statement(`SELECT DISTINCT "shop" FROM "WebhookDelivery" WHERE "receivedAt" < ?`).all(sqliteDate(before)) as { shop: string }[];
  return rows.map((row) => row.shop);
}

// Oldest first, along the (shop, receivedAt) index. A delivery still `received` (not yet applied, or its job
// retrying or dead and waiting for the merchant's retry) keeps its body; so do bodies a privacy request or
// a shop mismatch already emptied (they keep their own explanation).
const PRUNE_BODIES = `
  UPDATE "WebhookDelivery" SET "body" = '', "bodyPrunedAt" = ?
  WHERE "id" IN (
    SELECT "id" FROM "WebhookDelivery"
    WHERE "shop" = ? AND "receivedAt" < ? AND "status" <> 'received' AND "bodyPrunedAt" IS NULL AND "body" NOT IN ('', '[redacted]')
    ORDER BY "receivedAt" LIMIT ?)`;

/**
 * Empties the bodies of at most `limit` of the shop's processed deliveries received before `before`,
 * marking them pruned at `now`, in the caller's transaction; returns how many.
 */
export function pruneDeliveryBodies(db: SqliteDb, shop: string, options: { before: Date; now: Date; limit: number }): number {
  return db.statement(PRUNE_BODIES).run(sqliteDate(options.now), shop, sqliteDate(options.before), options.limit).changes;
}
