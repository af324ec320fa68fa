import type { Prisma } from "~/generated/prisma/client";
import { sqliteDate, type SqliteDb } from "../db/sqlite.server";

// An apology's personal discount code on its FollowUp row (docs/follow-ups.md, "Codes in apologies"): chosen
// and committed before Shopify is asked, so every retry, after a crash or a lost answer, asks for the same
// code; then created, failed or withheld. Only the sender's worker writes these, on its own connection. They
// leave `updatedAt` alone: the send job's dedupe key carries it, and the code step runs inside that job (a
// new key would queue a second job for the same row while the first waits to retry Shopify).

type FollowUpCodeStatus = "pending" | "created" | "failed" | "withheld" | "erased";

export type FollowUpCode = { code: string | null; status: FollowUpCodeStatus | null; expiresAt: Date | null; error: string | null };

type Row = { discountCode: string | null; discountStatus: string | null; discountExpiresAt: string | null; discountError: string | null };

export function findFollowUpCode(db: SqliteDb, shop: string, id: string): FollowUpCode | null {
  const row = db
    .statement(`SELECT "discountCode", "discountStatus", "discountExpiresAt", "discountError" FROM "FollowUp" WHERE "shop" = ? AND "id" = ?`)
    .get(shop, id) as Row | undefined;
  if (!row) return null;
  return {
    code: row.discountCode,
    status: row.discountStatus as FollowUpCodeStatus | null,
    expiresAt: row.discountExpiresAt ? new Date(row.discountExpiresAt) : null,
    error: row.discountError,
  };
}

/** Stores the code the row will ask Shopify for, once: a row that has a code keeps it. */
export function chooseFollowUpCode(db: SqliteDb, shop: string, id: string, choice: { code: string; expiresAt: Date }) {
  db.statement(
    `UPDATE "FollowUp" SET "discountCode" = ?, "discountStatus" = 'pending', "discountExpiresAt" = ?
    WHERE "shop" = ? AND "id" = ? AND "discountCode" IS NULL AND "status" = 'scheduled'`,
  ).run(choice.code, sqliteDate(choice.expiresAt), shop, id);
}

/** A new code for a pending one that turned out to belong to another discount (it was never sent). */
export function replaceFollowUpCode(db: SqliteDb, shop: string, id: string, code: string) {
  db.statement(`UPDATE "FollowUp" SET "discountCode" = ? WHERE "shop" = ? AND "id" = ? AND "discountStatus" = 'pending'`).run(code, shop, id);
}

export type CodeOutcome = { status: "failed" | "withheld"; error: string };

/** Why the row's apology goes without a code; a code already created or erased never changes here. */
export function recordFollowUpCode(db: SqliteDb, shop: string, id: string, outcome: CodeOutcome) {
  db.statement(
    `UPDATE "FollowUp" SET "discountStatus" = ?, "discountError" = ?
    WHERE "shop" = ? AND "id" = ? AND ("discountStatus" IS NULL OR "discountStatus" = 'pending')`,
  ).run(outcome.status, outcome.error.slice(0, 500), shop, id);
}

/**
 * Records a code Shopify made, in the caller's Prisma transaction, so what else the code causes (the Flow
 * event "Apology code issued") commits with it. Only a pending code changes; returns whether it did.
 */
export async function recordFollowUpCodeCreated(tx: Prisma.TransactionClient, shop: string, id: string, discountGid: string): Promise<boolean> {
  const { count } = await tx.followUp.updateMany({
    where: { shop, id, discountStatus: "pending" },
    data: { discountStatus: "created", discountGid, discountError: null },
  });
  return count === 1;
}
