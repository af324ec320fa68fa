import prisma from "~/models/db/prisma.server";

/** Every table of the schema, read from the database itself (a new model needs no edit here). */
export async function listTables(): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" <> '_prisma_migrations' ORDER BY "name"`,
  );
  return rows.map((row) => row.name);
}

/** Empties every table of this test file's own SQLite database. */
export async function resetDatabase() {
  for (const table of await listTables()) await prisma.$executeRawUnsafe(`DELETE FROM "${table}"`);
}
