import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The webhook intake (better-sqlite3) and Prisma's adapter write the same file from one process. Two
// copies of the SQLite library in one process do not share POSIX lock bookkeeping and can corrupt the
// database (sqlite.org/howtocorrupt.html, 2.2.1). Keep the top-level version in the adapter's range.
describe("SQLite library", () => {
  it("is loaded from a single better-sqlite3 copy by the app and by Prisma's adapter", () => {
    const require = createRequire(import.meta.url);
    const adapterEntry = require.resolve("@prisma/adapter-better-sqlite3");
    const fromAdapter = createRequire(adapterEntry).resolve("better-sqlite3");
    expect(fromAdapter).toBe(require.resolve("better-sqlite3"));
  });
});
