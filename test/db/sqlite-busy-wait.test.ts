import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { receiveWebhook } from "~/services/intake/receive-webhook.server";
import { orderPayload } from "../factories/payloads";
import { resetDatabase } from "../support/database";
import { TEST_ENV } from "../support/test-env";
import { webhookRequest } from "../support/webhooks";

// The worker's connection lets SQLite's busy handler wait for the write lock (busy_timeout). Built with
// HAVE_USLEEP (and nanosleep, SQLite's default since 3.42), that handler sleeps 1, 2, 5, 10 ... ms; without
// it, whole seconds. `PRAGMA compile_options` never lists HAVE_USLEEP, so the build's own defines are read.
describe("SQLite's busy wait", () => {
  it("sleeps in milliseconds in the better-sqlite3 build the app loads", () => {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve("better-sqlite3/package.json"));
    const defines = readFileSync(path.join(root, "deps", "defines.gypi"), "utf8");
    expect(defines).toContain("'HAVE_USLEEP=1'");
    expect(defines).not.toContain("HAVE_NANOSLEEP=0");
  });

  it("is what the worker's connection does (it runs on its own thread)", () => {
    expect(getWorkerDb().connection.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("never blocks the intake's event loop: a delivery waits for the lock without blocking, then is stored", async () => {
    // GIVEN another connection of this same thread holds the write lock
    await resetDatabase();
    const holder = getWorkerDb().connection;
    holder.exec("BEGIN IMMEDIATE");
    // WHEN a delivery arrives
    let settled = false;
    const pending = receiveWebhook(webhookRequest("orders/create", orderPayload(1)), { secret: TEST_ENV.SHOPIFY_API_SECRET, maxBytes: 1 << 20 });
    void pending.then(() => (settled = true));
    // THEN this thread keeps running (this timer fires) while the delivery waits
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    // AND once the lock is released it is stored and acknowledged
    holder.exec("COMMIT");
    expect(await pending).toEqual({ status: 200, body: "ok" });
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });
});
