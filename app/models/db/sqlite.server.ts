import Database from "better-sqlite3";
import { hasOpenTransactions } from "~/models/db/prisma.server";
import { getEnv } from "~/utils/env.server";

// Plain better-sqlite3 connections for the two hot paths: the webhook intake (web process, main thread)
// and the worker's per-delivery path (its own thread or process). Everything else uses Prisma.
// Both load the same better-sqlite3 copy as Prisma's adapter (test/db/sqlite-single-copy.test.ts).
// The SQL is standard (ON CONFLICT, conditional UPDATE, RETURNING) and maps to PostgreSQL unchanged
// apart from `?` placeholders becoming `$n` (docs/architecture.md).

export type SqliteDb = {
  /** Tells this connection from a Prisma transaction (connection.server.ts). */
  kind: "sqlite";
  connection: Database.Database;
  /** A prepared statement for `sql`, prepared once per connection and reused. */
  statement(sql: string): Database.Statement;
  /** Runs `work` in one transaction that takes the write lock first (BEGIN IMMEDIATE). */
  transaction<T>(work: () => T): T;
  /**
   * Names the transaction `transaction` is running, unique across connections and transactions; null outside
   * one. Inside it this connection holds the write lock, so what it read stays true until the commit: a
   * hot path may keep a read for the rest of its transaction by this name.
   */
  transactionKey(): string | null;
};

let connections = 0;

export type SqliteOptions = {
  /** How long SQLite itself waits for the write lock (its busy handler sleeps 1, 2, 5, 10 ... ms). */
  busyTimeoutMs: number;
  /** Commits that grow the WAL past this many pages checkpoint it (SQLite's default is 1000). */
  walAutocheckpointPages?: number;
};

/** Opens a connection on a `file:` URL in WAL mode with synchronous=NORMAL and foreign keys on, as Prisma's connection uses. */
export function openSqlite(url: string, options: SqliteOptions): SqliteDb {
  const connection = new Database(url.replace(/^file:/, ""), { timeout: options.busyTimeoutMs });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  // As on Prisma's connection (prisma.server.ts): the schema's cascades need SQLite's foreign keys.
  connection.pragma("foreign_keys = ON");
  if (options.walAutocheckpointPages !== undefined) connection.pragma(`wal_autocheckpoint = ${options.walAutocheckpointPages}`);
  const statements = new Map<string, Database.Statement>();
  const immediate = connection.transaction((work: () => unknown) => work()).immediate;
  const serial = (connections += 1);
  let transactions = 0;
  let current: string | null = null;
  return {
    kind: "sqlite",
    connection,
    statement(sql) {
      let prepared = statements.get(sql);
      if (!prepared) {
        prepared = connection.prepare(sql);
        statements.set(sql, prepared);
      }
      return prepared;
    },
    transaction<T>(work: () => T): T {
      if (connection.inTransaction) return immediate(work) as T;
      current = `${serial}:${(transactions += 1)}`;
      try {
        return immediate(work) as T;
      } finally {
        current = null;
      }
    },
    transactionKey() {
      return connection.inTransaction ? current : null;
    },
  };
}

let workerDb: SqliteDb | undefined;

/**
 * The worker checkpoints the WAL once it holds 4000 pages (16 MB) rather than SQLite's 1000: a page the
 * hot path rewrites again and again is then copied back to the database once per checkpoint, not four
 * times, and each checkpoint's fsync is paid a quarter as often (a batch's commit took about 40 % less
 * time in bench:webhooks, measured with a temporary probe). The intake and Prisma's connection in the
 * web process leave checkpoints to it.
 */
const WORKER_WAL_AUTOCHECKPOINT_PAGES = 4_000;

/**
 * The worker's own connection (one per thread or process). SQLite's busy handler may block for the write
 * lock here: this thread serves no HTTP, and the intake holds the lock well under a millisecond. It must
 * not be used while a Prisma transaction of this thread is open (that transaction could only finish on
 * this thread): `assertNoPrismaTransaction` guards it.
 */
export function getWorkerDb(): SqliteDb {
  workerDb ??= openSqlite(getEnv().DATABASE_URL, { busyTimeoutMs: 5_000, walAutocheckpointPages: WORKER_WAL_AUTOCHECKPOINT_PAGES });
  assertNoPrismaTransaction();
  return workerDb;
}

export function closeWorkerDb() {
  workerDb?.connection.close();
  workerDb = undefined;
}

function assertNoPrismaTransaction() {
  if (hasOpenTransactions()) throw new Error("the worker's SQLite connection was used inside a Prisma transaction of the same thread");
}

/** A DateTime exactly as Prisma's SQLite adapter writes it (ISO 8601 with +00:00), so both compare as text. */
export function sqliteDate(date: Date): string;
export function sqliteDate(date: Date | null): string | null;
export function sqliteDate(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "+00:00") : null;
}

/** Maps a record's values to what SQLite stores: dates as Prisma writes them, booleans as 0/1. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** SQLITE_BUSY or SQLITE_LOCKED, with any extended code (SQLITE_BUSY_SNAPSHOT, ...). */
export function isBusyError(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(error.code);
}

const transactionReads = new Map<string, { transaction: string; value: unknown }>();

/**
 * `read()` once per transaction and `key`: inside one of `db.transaction`'s transactions the connection holds
 * the write lock, so nothing another connection writes can change the answer before the commit (the worker's
 * batch of 25 deliveries reads the shop's rules once, not 25 times). Outside a transaction it always reads.
 * Only for reads the transaction itself does not change.
 */
export function readOncePerTransaction<T>(db: SqliteDb, key: string, read: () => T): T {
  const transaction = db.transactionKey();
  if (transaction === null) return read();
  const known = transactionReads.get(key);
  if (known?.transaction === transaction) return known.value as T;
  const value = read();
  if (transactionReads.size >= 1000) transactionReads.clear();
  transactionReads.set(key, { transaction, value });
  return value;
}
