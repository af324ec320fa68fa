import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

declare global {
  // eslint-disable-next-line no-var
  var keptPrisma: PrismaClient | undefined;
}

/** Opens a Prisma client on a SQLite file, in WAL mode so the web process and the worker can share it. */
export function createPrismaClient(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  return client;
}

/** Switches a fresh SQLite file to WAL with a busy timeout; called once per process. */
export async function prepareSqlite(client: PrismaClient): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
}

// Dev servers reload modules; keep one client per process.
const prisma = (globalThis.keptPrisma ??= createPrismaClient(getEnv().DATABASE_URL));

export default prisma;

/** Runs `work` in one database transaction (all of it applies, or none). */
export function inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { timeout: 30_000, maxWait: 30_000 });
}
