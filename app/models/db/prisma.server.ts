import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

declare global {
  var keptPrisma: PrismaClient | undefined;
}

/**
 * Prisma's better-sqlite3 adapter with SQLite's foreign keys switched on for its connection: SQLite leaves
 * them off by default, and the schema's `onDelete: Cascade` (an order's promise, evaluation and follow-ups)
 * relies on them. The pragma is per connection and must run outside a transaction, so it runs at connect.
 */
class SqliteWithForeignKeys extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA foreign_keys = ON");
    return adapter;
  }
}

/** Opens a Prisma client on a SQLite file, in WAL mode so the web process and the worker can share it. */
export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new SqliteWithForeignKeys({ url, timeout: 10_000 }) });
}

/**
 * Switches a fresh SQLite file to WAL with a busy timeout; called once per process. Checkpoints are left
 * to the worker's connection (every 4000 pages): one here, on the web process's event loop, would hold up
 * acknowledgements for its fsync.
 */
export async function prepareSqlite(client: PrismaClient = prisma): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
  await client.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 10000");
}

// Dev servers reload modules; keep one client per process.
const prisma = (globalThis.keptPrisma ??= createPrismaClient(getEnv().DATABASE_URL));

export default prisma;

/**
 * Runs `work` in one database transaction (all of it applies, or none). The first statement is a
 * no-op write so the transaction holds SQLite's write lock from the start: the adapter's deferred
 * BEGIN would otherwise fail with "database is locked" when a read is followed by a write after
 * another connection (the webhook intake) has committed. Harmless on PostgreSQL.
 */
export async function inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  openTransactions += 1;
  try {
    return await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('UPDATE "Job" SET "attempts" = "attempts" WHERE 0 = 1');
        return work(tx);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } finally {
    openTransactions -= 1;
    if (openTransactions === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }
}

let openTransactions = 0;
const idleWaiters: (() => void)[] = [];

/** True while an `inTransaction` of this thread is open (it may hold SQLite's write lock). */
export function hasOpenTransactions(): boolean {
  return openTransactions > 0;
}

/**
 * Resolves when no transaction of this process is open (or after `maxMs`). The webhook intake's own
 * connection waits on it instead of blocking the thread that has to finish the transaction.
 */
export function whenTransactionsIdle(maxMs: number): Promise<void> {
  if (openTransactions === 0) return new Promise((resolve) => setTimeout(resolve, Math.min(maxMs, 2)));
  return new Promise((resolve) => {
    idleWaiters.push(resolve);
    setTimeout(resolve, maxMs);
  });
}
