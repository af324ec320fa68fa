import { randomUUID } from "node:crypto";
import { v7 as timeOrderedId } from "uuid";
import type { FollowUpFacts } from "~/domain/follow-ups/plan-follow-up";
import type { FollowUpRule } from "~/domain/follow-ups/follow-up-rule";
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from "~/domain/follow-ups/follow-up-settings";
import { parseStoredFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { sqliteDate, sqliteValue, type SqliteDb } from "../db/sqlite.server";

// Follow-ups on the worker's connection: the scheduler writes one FollowUp row per order and rule in the
// transaction that changed the order; the sender claims due rows with a conditional UPDATE (so two workers
// never take the same row) and records each step before the next (docs/follow-ups.md, "Exactly once").

type Row = Record<string, unknown>;
const toDate = (value: unknown): Date | null => (typeof value === "string" || typeof value === "number" ? new Date(value) : null);
const toText = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * Stored rule documents as parsed, by their text: the scheduler reads the shop's rules after every order
 * event, and validating each document with zod every time was about 40 % of its cost (bench:followups). A
 * changed document is another text, so an edit is seen at once.
 */
const parsedDocuments = new Map<string, FollowUpRule | null>();

function parseDocument(document: string): FollowUpRule | null {
  if (parsedDocuments.has(document)) return parsedDocuments.get(document) ?? null;
  const rule = parseStoredFollowUpRule(document);
  if (parsedDocuments.size >= 1000) parsedDocuments.clear();
  parsedDocuments.set(document, rule);
  return rule;
}

type ActiveRule = { rule: FollowUpRule; madeAt: Date };
/** The shop's active rules as last read, with the row versions they were read at ("id version updatedAt length", ...). */
const activeRules = new Map<string, { versions: string; rules: ActiveRule[] }>();

/**
 * The shop's active follow-up rules with when each was made (a document that no longer validates is left
 * out). The documents are read again only when a rule row changed (its `updatedAt` moves with every write,
 * a new document has a new version or length).
 */
export function listActiveFollowUpRules(db: SqliteDb, shop: string): ActiveRule[] {
  const rows = db
    .statement(
      `SELECT "id" || ' ' || "version" || ' ' || "updatedAt" || ' ' || length("document") AS "v" FROM "FollowUpRule" WHERE "shop" = ? AND "active" = 1 AND "archivedAt" IS NULL ORDER BY "id"`,
    )
    .all(shop) as Row[];
  if (rows.length === 0) return [];
  const versions = rows.map((row) => String(row.v)).join("\n");
  const known = activeRules.get(shop);
  if (known?.versions === versions) return known.rules;
  const documents = db
    .statement(`SELECT "document", "createdAt" FROM "FollowUpRule" WHERE "shop" = ? AND "active" = 1 AND "archivedAt" IS NULL ORDER BY "id"`)
    .all(shop) as Row[];
  const rules = documents.flatMap((row) => {
    const rule = parseDocument(String(row.document));
    return rule ? [{ rule, madeAt: toDate(row.createdAt) ?? new Date(0) }] : [];
  });
  if (activeRules.size >= 1000) activeRules.clear();
  activeRules.set(shop, { versions, rules });
  return rules;
}

/** `attempts`: how often SMTP was tried for it (a retry's backoff is the sender's to keep). */
export type StoredFollowUp = { id: string; ruleId: string; trigger: string; status: string; sendAt: Date; attempts: number };

/** The order's follow-ups so far, one per rule. */
export function listOrderFollowUps(db: SqliteDb, shop: string, orderGid: string): StoredFollowUp[] {
  const rows = db
    .statement(`SELECT "id", "ruleId", "trigger", "status", "sendAt", "attempts" FROM "FollowUp" WHERE "shop" = ? AND "orderGid" = ?`)
    .all(shop, orderGid) as Row[];
  return rows.map((row) => ({
    id: String(row.id),
    ruleId: String(row.ruleId),
    trigger: String(row.trigger),
    status: String(row.status),
    sendAt: toDate(row.sendAt) as Date,
    attempts: Number(row.attempts),
  }));
}

/** Orders with a row of the rule still to send, after `after` in GID order: those an edit of the rule plans again. */
export function listOrdersScheduledForRule(db: SqliteDb, shop: string, ruleId: string, after: string, limit: number): string[] {
  const rows = db
    .statement(`SELECT "orderGid" FROM "FollowUp" WHERE "shop" = ? AND "ruleId" = ? AND "status" = 'scheduled' AND "orderGid" > ? ORDER BY "orderGid" LIMIT ?`)
    .all(shop, ruleId, after, limit) as Row[];
  return rows.map((row) => String(row.orderGid));
}

const FACTS_SQL = `SELECT o."email", o."cancelledAt", o."returnedAt", o."financialStatus", o."customerGid",
    p."verdict", p."daysEarly", p."risk", p."arrivalKind", p."arrivalAt", p."shipped", p."shippedAt", p."promisedDate", p."destinationZone",
    d."shipBy", COALESCE(s."timezone", 'UTC') AS "shopZone"
  FROM "Order" o
  LEFT JOIN "PromiseOutcome" p ON p."shop" = o."shop" AND p."orderGid" = o."orderGid"
  LEFT JOIN "DeliveryPromise" d ON d."shop" = o."shop" AND d."orderGid" = o."orderGid"
  LEFT JOIN "Shop" s ON s."shop" = o."shop"
  WHERE o."shop" = ? AND o."orderGid" = ?`;

const VERDICTS = new Set(["kept", "late", "open", "not_applicable", "excluded"]);

/** What the planner reads about the order (its apology state is the caller's: it knows the rules). */
export function loadFollowUpFacts(db: SqliteDb, shop: string, orderGid: string): (Omit<FollowUpFacts, "apology"> & { customerGid: string | null }) | null {
  const row = db.statement(FACTS_SQL).get(shop, orderGid) as Row | undefined;
  if (!row) return null;
  const arrivalAt = toDate(row.arrivalAt);
  const arrivalKind = row.arrivalKind === "confirmed" || row.arrivalKind === "inferred" ? row.arrivalKind : null;
  const shipped = row.shipped === "fully" || row.shipped === "partly" ? row.shipped : "none";
  return {
    customerGid: toText(row.customerGid),
    cancelled: row.cancelledAt !== null,
    refunded: row.financialStatus === "refunded",
    returned: row.returnedAt !== null && row.returnedAt !== undefined,
    hasEmail: typeof row.email === "string" && row.email.includes("@"),
    verdict: VERDICTS.has(String(row.verdict)) ? (row.verdict as FollowUpFacts["verdict"]) : null,
    daysEarly: typeof row.daysEarly === "number" ? row.daysEarly : null,
    risk: toText(row.risk),
    arrival: arrivalKind && arrivalAt ? { kind: arrivalKind, at: arrivalAt } : { kind: "none" },
    shipped,
    shippedAt: toDate(row.shippedAt),
    shipBy: toText(row.shipBy),
    shopZone: String(row.shopZone),
    promisedDate: toText(row.promisedDate),
    destinationZone: toText(row.destinationZone) ?? String(row.shopZone),
  };
}

/** A stable Message-ID for the row, fixed when it is made: `<uuid@domain>` (RFC 5322). */
const messageIdFor = (shop: string) => `<${randomUUID()}@${shop}>`;

type NewFollowUp = {
  orderGid: string;
  customerGid: string | null;
  rule: FollowUpRule;
  category: string;
  status: "scheduled" | "skipped";
  sendAt: Date;
  reason: string | null;
};

/** Makes the order's row for the rule unless one exists (the unique key: one per order and rule). */
export function insertFollowUp(db: SqliteDb, shop: string, entry: NewFollowUp, now: Date): boolean {
  const { changes } = db
    .statement(
      `INSERT INTO "FollowUp" ("id", "shop", "orderGid", "customerGid", "ruleId", "ruleVersion", "trigger", "status", "reason", "sendAt", "category", "messageId", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("shop", "orderGid", "ruleId") DO NOTHING`,
    )
    .run(
      // Time-ordered, as the outbox's ids: a new row goes at the end of the primary key's b-tree, not at a
      // random page of it (the scheduler writes one after every order event that plans a message).
      timeOrderedId(),
      shop,
      entry.orderGid,
      entry.customerGid,
      entry.rule.id,
      entry.rule.version,
      entry.rule.trigger,
      entry.status,
      entry.reason,
      sqliteDate(entry.sendAt),
      entry.category,
      messageIdFor(shop),
      sqliteDate(now),
      sqliteDate(now),
    );
  return changes === 1;
}

/** Moves a still-scheduled row: a new send time, or skipped / cancelled with the reason. Rows past scheduled never change here. */
export function updateScheduledFollowUp(db: SqliteDb, shop: string, id: string, change: { status: string; sendAt?: Date; reason: string | null }, now: Date) {
  db.statement(
    `UPDATE "FollowUp" SET "status" = ?, "sendAt" = COALESCE(?, "sendAt"), "reason" = ?, "updatedAt" = ? WHERE "shop" = ? AND "id" = ? AND "status" = 'scheduled'`,
  ).run(change.status, sqliteDate(change.sendAt ?? null), change.reason, sqliteDate(now), shop, id);
}

/** Due follow-ups across shops, soonest first. */
export function listDueFollowUps(db: SqliteDb, now: Date, limit: number): { shop: string; id: string; orderGid: string; sendAt: Date; updatedAt: Date }[] {
  const rows = db
    .statement(
      `SELECT "shop", "id", "orderGid", "sendAt", "updatedAt" FROM "FollowUp" WHERE "status" = 'scheduled' AND "sendAt" <= ? ORDER BY "sendAt" LIMIT ?`,
    )
    .all(sqliteDate(now), limit) as Row[];
  return rows.map((row) => ({
    shop: String(row.shop),
    id: String(row.id),
    orderGid: String(row.orderGid),
    sendAt: toDate(row.sendAt) as Date,
    updatedAt: toDate(row.updatedAt) as Date,
  }));
}

/**
 * Takes a due row for sending: scheduled -> sending with a lease, in one conditional UPDATE that commits
 * before anything goes to SMTP (the intent is on record). False when another worker took it or it changed.
 */
export function claimFollowUp(db: SqliteDb, shop: string, id: string, now: Date, leaseMs: number): boolean {
  const { changes } = db
    .statement(
      `UPDATE "FollowUp" SET "status" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ?, "updatedAt" = ?
      WHERE "shop" = ? AND "id" = ? AND "status" = 'scheduled' AND "sendAt" <= ?`,
    )
    .run(sqliteDate(new Date(now.getTime() + leaseMs)), sqliteDate(now), shop, id, sqliteDate(now));
  return changes === 1;
}

export type ClaimedFollowUp = {
  id: string;
  shop: string;
  orderGid: string;
  ruleId: string;
  ruleVersion: number;
  trigger: string;
  status: string;
  category: string;
  messageId: string;
  attempts: number;
  sendAt: Date;
};

export function findFollowUp(db: SqliteDb, shop: string, id: string): ClaimedFollowUp | null {
  const row = db
    .statement(
      `SELECT "id", "shop", "orderGid", "ruleId", "ruleVersion", "trigger", "status", "category", "messageId", "attempts", "sendAt" FROM "FollowUp" WHERE "shop" = ? AND "id" = ?`,
    )
    .get(shop, id) as Row | undefined;
  if (!row) return null;
  return {
    id: String(row.id),
    shop: String(row.shop),
    orderGid: String(row.orderGid),
    ruleId: String(row.ruleId),
    ruleVersion: Number(row.ruleVersion),
    trigger: String(row.trigger),
    status: String(row.status),
    category: String(row.category),
    messageId: String(row.messageId),
    attempts: Number(row.attempts),
    sendAt: toDate(row.sendAt) as Date,
  };
}

/**
 * What happened to a claimed row: its final state, or back to scheduled for a retry at `sendAt`. A sent row
 * records the category it went out as (an apology with its code is marketing) and, when it went without the
 * code its rule offers, why.
 */
export type SendResult =
  | { status: "sent"; toEmail: string; locale: string; subject: string; smtpResponse: string; category?: string; reason?: string | null }
  | { status: "scheduled"; sendAt: Date; lastError: string | null; reason?: string | null }
  | { status: "skipped" | "cancelled"; reason: string }
  | { status: "failed" | "unknown"; lastError: string; toEmail: string | null };

/** Records the outcome of a claimed row; only a row still `sending` changes (a crashed worker's lease may have been taken over). */
export function finishFollowUp(db: SqliteDb, shop: string, id: string, result: SendResult, now: Date) {
  const fields: Record<string, unknown> = { status: result.status, leaseUntil: null, updatedAt: now };
  if (result.status === "sent")
    Object.assign(fields, {
      toEmail: result.toEmail,
      locale: result.locale,
      subject: result.subject,
      smtpResponse: result.smtpResponse,
      sentAt: now,
      lastError: null,
      ...(result.category ? { category: result.category } : {}),
      reason: result.reason ?? null,
    });
  if (result.status === "scheduled") Object.assign(fields, { sendAt: result.sendAt, lastError: result.lastError, reason: result.reason ?? null });
  if (result.status === "skipped" || result.status === "cancelled") Object.assign(fields, { reason: result.reason });
  if (result.status === "failed" || result.status === "unknown") Object.assign(fields, { lastError: result.lastError, toEmail: result.toEmail });
  const names = Object.keys(fields);
  db.statement(`UPDATE "FollowUp" SET ${names.map((name) => `"${name}" = ?`).join(", ")} WHERE "shop" = ? AND "id" = ? AND "status" = 'sending'`).run(
    ...names.map((name) => sqliteValue(fields[name])),
    shop,
    id,
  );
}

/**
 * Rows left `sending` by a worker that died (lease over): whether SMTP accepted the message cannot be known,
 * so they become `unknown`, shown to the merchant with a resend button, and are never resent by themselves.
 */
export function settleAbandonedSends(db: SqliteDb, now: Date): number {
  const { changes } = db
    .statement(
      `UPDATE "FollowUp" SET "status" = 'unknown', "lastError" = 'the sender stopped while sending: the message may or may not have gone out', "leaseUntil" = NULL, "updatedAt" = ?
      WHERE "status" = 'sending' AND "leaseUntil" < ?`,
    )
    .run(sqliteDate(now), sqliteDate(now));
  return changes;
}

/** When the address last got a marketing message from the shop (the per-customer cap). */
export function lastMarketingSentAt(db: SqliteDb, shop: string, email: string, exceptId: string): Date | null {
  const row = db
    .statement(
      `SELECT MAX("sentAt") AS "at" FROM "FollowUp" WHERE "shop" = ? AND "toEmail" = ? AND "category" = 'marketing' AND "status" = 'sent' AND "id" <> ?`,
    )
    .get(shop, email, exceptId) as Row | undefined;
  return toDate(row?.at);
}

export function isSuppressed(db: SqliteDb, shop: string, email: string): boolean {
  return db.statement(`SELECT 1 FROM "EmailSuppression" WHERE "shop" = ? AND "email" = ?`).get(shop, email) !== undefined;
}

export type StoredConsent = { state: string; optInLevel: string | null } | null;

export function findConsent(db: SqliteDb, shop: string, customerGid: string | null): StoredConsent {
  if (!customerGid) return null;
  const row = db.statement(`SELECT "state", "optInLevel" FROM "CustomerConsent" WHERE "shop" = ? AND "customerGid" = ?`).get(shop, customerGid) as
    Row | undefined;
  return row ? { state: String(row.state), optInLevel: toText(row.optInLevel) } : null;
}

export type FollowUpSendSettings = FollowUpSettings;

export function readFollowUpSettings(db: SqliteDb, shop: string): FollowUpSendSettings {
  const row = db.statement(`SELECT * FROM "FollowUpSettings" WHERE "shop" = ?`).get(shop) as Row | undefined;
  if (!row) return DEFAULT_FOLLOW_UP_SETTINGS;
  return {
    senderName: toText(row.senderName),
    senderEmail: toText(row.senderEmail),
    replyTo: toText(row.replyTo),
    strictConsent: Boolean(row.strictConsent),
    marketingCapDays: Number(row.marketingCapDays),
    windowStartMinute: Number(row.windowStartMinute),
    windowEndMinute: Number(row.windowEndMinute),
    reviewUrlTemplate: toText(row.reviewUrlTemplate),
  };
}

/** A rule of the shop whatever its state (the sender checks it is still on), or null. */
export function findFollowUpRule(db: SqliteDb, shop: string, id: string): { rule: FollowUpRule | null; live: boolean } | null {
  const row = db.statement(`SELECT "document", "active", "archivedAt" FROM "FollowUpRule" WHERE "shop" = ? AND "id" = ?`).get(shop, id) as Row | undefined;
  if (!row) return null;
  return { rule: parseDocument(String(row.document)), live: Boolean(row.active) && row.archivedAt === null };
}

/** The order's newest parcel with tracking, for "track your package". */
export function findTracking(db: SqliteDb, shop: string, orderGid: string): { url: string | null; number: string | null; carrier: string | null } | null {
  const row = db
    .statement(
      `SELECT "trackingUrl", "trackingNumber", "trackingCompany" FROM "Fulfillment" WHERE "shop" = ? AND "orderGid" = ? AND ("trackingUrl" IS NOT NULL OR "trackingNumber" IS NOT NULL)
      ORDER BY "createdAtShopify" DESC LIMIT 1`,
    )
    .get(shop, orderGid) as Row | undefined;
  return row ? { url: toText(row.trackingUrl), number: toText(row.trackingNumber), carrier: toText(row.trackingCompany) } : null;
}

/** The shop's orders placed since `since`, by id after `after`, for a rule's look back (at most `limit`). */
export function listOrdersPlacedSince(db: SqliteDb, shop: string, since: Date, after: string, limit: number): string[] {
  const rows = db
    .statement(`SELECT "orderGid" FROM "Order" WHERE "shop" = ? AND "createdAtShopify" >= ? AND "orderGid" > ? ORDER BY "orderGid" LIMIT ?`)
    .all(shop, sqliteDate(since), after, limit) as Row[];
  return rows.map((row) => String(row.orderGid));
}
