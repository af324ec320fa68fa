import { replacesConsent, type ConsentRecord } from "~/domain/follow-ups/consent";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

// The customer's email marketing consent as Shopify last told it (customers_email_marketing_consent/update),
// on the worker's connection inside the transaction that applies the delivery. The sender reads it through
// findConsent (follow-up.server.ts). customers/redact leaves a marker in its place, state "redacted" as of the
// erasure (privacy/customer-data.server.ts), so a record Shopify made before the erasure never comes back.

type Row = { state: string; optInLevel: string | null; consentUpdatedAt: string | null };

/**
 * Stores the record unless the stored one is newer or the same (domain/follow-ups/consent.ts): "saved" when
 * it changed the customer's consent, "erased" for a record from before the customer's data was erased,
 * "unchanged" for a late, repeated or outranked one.
 */
export function saveCustomerConsent(db: SqliteDb, shop: string, customerGid: string, record: ConsentRecord, now: Date): "saved" | "unchanged" | "erased" {
  const row = db
    .statement(`SELECT "state", "optInLevel", "consentUpdatedAt" FROM "CustomerConsent" WHERE "shop" = ? AND "customerGid" = ?`)
    .get(shop, customerGid) as Row | undefined;
  // A row without a time (made before this webhook was read) is older than any record.
  const stored = row ? { state: row.state, optInLevel: row.optInLevel, at: new Date(row.consentUpdatedAt ?? 0) } : null;
  if (!replacesConsent(stored, record)) return stored?.state === "redacted" ? "erased" : "unchanged";
  db.statement(
    `INSERT INTO "CustomerConsent" ("shop", "customerGid", "state", "optInLevel", "consentUpdatedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT ("shop", "customerGid") DO UPDATE SET "state" = excluded."state", "optInLevel" = excluded."optInLevel",
      "consentUpdatedAt" = excluded."consentUpdatedAt", "updatedAt" = excluded."updatedAt"`,
  ).run(shop, customerGid, record.state, record.optInLevel, sqliteDate(record.at), sqliteDate(now));
  return "saved";
}
