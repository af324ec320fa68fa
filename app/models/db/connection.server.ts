import type { Prisma } from "~/generated/prisma/client";
import type { SqliteDb } from "./sqlite.server";

/**
 * Where a model's write runs: the worker's own better-sqlite3 connection (synchronous, the hot paths) or a
 * Prisma transaction (asynchronous, everything else). A repository defines each statement once and runs it
 * on either; its result is a value on the first and a promise on the second.
 */
export type Connection = SqliteDb | Prisma.TransactionClient;

/** What a write returns on connection `C`. */
export type OnConnection<C extends Connection, T> = C extends SqliteDb ? T : Promise<T>;

function isSqlite(connection: Connection): connection is SqliteDb {
  return (connection as SqliteDb).kind === "sqlite";
}

/**
 * Runs one SQL statement (standard SQL, `?` placeholders, parameters as SQLite stores them: see sqliteValue)
 * on `connection` and maps the number of changed rows to the statement's result.
 */
export function runStatement<C extends Connection, T>(
  connection: C,
  sql: string,
  params: readonly unknown[],
  result: (changes: number) => T,
): OnConnection<C, T> {
  if (isSqlite(connection)) return result(connection.statement(sql).run(...params).changes) as OnConnection<C, T>;
  return connection.$executeRawUnsafe(sql, ...params).then(result) as OnConnection<C, T>;
}
