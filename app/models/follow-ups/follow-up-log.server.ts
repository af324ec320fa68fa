import prisma from "~/models/db/prisma.server";
import { Prisma } from "~/generated/prisma/client";
import { searchWords } from "~/domain/orders/search-terms";

// The send log: every follow-up row of the shop with its order, filtered by state, rule and the order's
// words (the Orders page's search terms), newest planned time first; and the merchant's two hands on the dead
// letters: try a failed message again, send one whose outcome is unknown again.

export const FOLLOW_UP_STATUSES = ["scheduled", "sending", "sent", "skipped", "cancelled", "failed", "unknown"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export type FollowUpLogFilter = { status?: FollowUpStatus; ruleId?: string; search?: string };

const HIGHEST = "\u{10FFFF}";

function conditionsOf(shop: string, filter: FollowUpLogFilter): Prisma.Sql[] {
  const conditions = [Prisma.sql`f."shop" = ${shop}`];
  if (filter.status) conditions.push(Prisma.sql`f."status" = ${filter.status}`);
  if (filter.ruleId) conditions.push(Prisma.sql`f."ruleId" = ${filter.ruleId}`);
  for (const word of searchWords(filter.search ?? "")) {
    conditions.push(
      Prisma.sql`f."orderGid" IN (SELECT t."orderGid" FROM "OrderSearchTerm" AS t WHERE t."shop" = ${shop} AND t."term" >= ${word} AND t."term" < ${word + HIGHEST})`,
    );
  }
  return conditions;
}

type RawRow = {
  id: string;
  orderGid: string;
  ruleId: string;
  trigger: string;
  status: string;
  reason: string | null;
  sendAt: Date | string | number;
  sentAt: Date | string | number | null;
  category: string;
  toEmail: string | null;
  locale: string | null;
  subject: string | null;
  attempts: number | bigint;
  lastError: string | null;
  orderName: string;
  legacyId: string;
  email: string | null;
};

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

function toEntry(row: RawRow) {
  return {
    id: row.id,
    orderGid: row.orderGid,
    ruleId: row.ruleId,
    trigger: row.trigger,
    status: row.status as FollowUpStatus,
    reason: row.reason,
    sendAt: toDate(row.sendAt),
    sentAt: row.sentAt === null ? null : toDate(row.sentAt),
    category: row.category,
    // The address it went to, else the order's (a scheduled message has not chosen one yet).
    email: row.toEmail ?? row.email,
    locale: row.locale,
    subject: row.subject,
    attempts: Number(row.attempts),
    lastError: row.lastError,
    order: { name: row.orderName, legacyId: row.legacyId },
  };
}

export type FollowUpLogEntry = ReturnType<typeof toEntry>;

const SELECT = Prisma.sql`SELECT f."id", f."orderGid", f."ruleId", f."trigger", f."status", f."reason", f."sendAt", f."sentAt", f."category", f."toEmail",
  f."locale", f."subject", f."attempts", f."lastError", o."name" AS "orderName", o."legacyId", o."email"
  FROM "FollowUp" AS f JOIN "Order" AS o ON o."shop" = f."shop" AND o."orderGid" = f."orderGid"`;

/** One page of the log (`take` rows after `skip`), and whether there is a next page. */
export async function listFollowUpLog(shop: string, filter: FollowUpLogFilter, page: { skip: number; take: number }) {
  const where = Prisma.join(conditionsOf(shop, filter), " AND ");
  const rows = await prisma.$queryRaw<RawRow[]>(
    Prisma.sql`${SELECT} WHERE ${where} ORDER BY f."sendAt" DESC, f."id" DESC LIMIT ${page.take + 1} OFFSET ${page.skip}`,
  );
  return { entries: rows.slice(0, page.take).map(toEntry), hasNext: rows.length > page.take };
}

/** The order's follow-ups, in the order they go out. */
export async function listOrderFollowUpEntries(shop: string, orderGid: string) {
  const rows = await prisma.$queryRaw<RawRow[]>(
    Prisma.sql`${SELECT} WHERE f."shop" = ${shop} AND f."orderGid" = ${orderGid} ORDER BY f."sendAt" ASC, f."id" ASC`,
  );
  return rows.map(toEntry);
}

/**
 * The merchant's decision on a dead letter: a `failed` message is tried again from now (its attempts start
 * over); an `unknown` one (the server may have taken it) is sent again with the same Message-ID, so a mailbox
 * that did get the first shows one. A `scheduled` one can be cancelled. Anything else changes nothing.
 * Returns how many rows changed.
 */
export async function decideFollowUps(shop: string, ids: string[], decision: "retry" | "cancel", now: Date): Promise<number> {
  if (decision === "cancel") {
    const { count } = await prisma.followUp.updateMany({
      where: { shop, id: { in: ids }, status: "scheduled" },
      data: { status: "cancelled", reason: "cancelled by the shop", updatedAt: now },
    });
    return count;
  }
  const { count } = await prisma.followUp.updateMany({
    where: { shop, id: { in: ids }, status: { in: ["failed", "unknown"] } },
    data: { status: "scheduled", sendAt: now, attempts: 0, leaseUntil: null, reason: "sent again by the shop", updatedAt: now },
  });
  return count;
}

/** The ids of the shop's rows in `status` (for "Retry all" on the failed ones), at most `limit`. */
export async function listFollowUpIds(shop: string, status: FollowUpStatus, ruleId: string | undefined, limit: number): Promise<string[]> {
  const rows = await prisma.followUp.findMany({ where: { shop, status, ...(ruleId ? { ruleId } : {}) }, select: { id: true }, take: limit });
  return rows.map((row) => row.id);
}
