// npm run bench:lifecycle — the database's size per 1,000 orders before and after the body retention
// (docs/architecture.md, "Data lifecycle"). N orders (2,000 by default) with their fulfillment and delivered
// scan go as signed deliveries through the real webhook intake and worker into a SQLite file, for a shop with
// promise settings and follow-up rules. Each body is padded to --body-bytes (10,000 by default: the probe's
// average delivery; Shopify's orders carry many fields Kept never reads) with one field Kept ignores. Then the
// prune runs as the hourly job does, 1,000 bodies per transaction, with `now` 31 days later, and the file is
// measured again, and once more after VACUUM. Prints both figures side by side.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { percentile } from "../app/domain/stats/percentiles";

const { values } = parseArgs({ options: { orders: { type: "string", default: "2000" }, "body-bytes": { type: "string", default: "10000" } } });
const ORDERS = Number(values.orders);
const BODY_BYTES = Number(values["body-bytes"]);
const BLOCK = 500;
const SECRET = "bench-secret-0123456789";
const SHOP = "lifecycle-shop.myshopify.com";
const DAY_MS = 86_400_000;
const dir = path.resolve("var/bench/lifecycle");
const file = path.join(dir, "app.sqlite");
const env = {
  NODE_ENV: "production" as const,
  DATABASE_URL: `file:${file}`,
  SHOPIFY_API_KEY: "bench-key",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://kept.example.com",
  SCOPES: "read_orders",
  WORKER_IN_PROCESS: "0",
};

const loadBefore = loadavg().map((n) => n.toFixed(2));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...env, npm_config_loglevel: "error" }, stdio: "ignore" });
Object.assign(process.env, env);
// The app reads its configuration when its modules load: import them once it is set.
const { getWorkerDb } = await import("../app/models/db/sqlite.server");
const { pruneDeliveryBodies } = await import("../app/models/intake/webhook-retention.server");
const { receiveWebhook } = await import("../app/services/intake/receive-webhook.server");
const { drainJobs } = await import("../app/services/jobs/all-jobs.server");
const { webhookRequest } = await import("../test/support/webhooks");
const { orderEvents, setUpShops } = await import("./support/follow-up-orders");
const db = getWorkerDb();
const now = new Date();
setUpShops(db, [SHOP], SHOP, now);

/** A payload padded to about `bytes` of JSON with a field Kept does not read. */
function padded(payload: unknown, bytes: number): unknown {
  const size = Buffer.byteLength(JSON.stringify(payload));
  return size >= bytes ? payload : { ...(payload as object), bench_fields_kept_does_not_read: "x".repeat(bytes - size - 40) };
}

// 1. The orders through the intake and the worker, block by block.
const config = { secret: SECRET, maxBytes: 1 << 20 };
let refused = 0;
for (let start = 0; start < ORDERS; start += BLOCK) {
  const events = Array.from({ length: Math.min(BLOCK, ORDERS - start) }, (_, offset) => orderEvents(SHOP, start + offset, now));
  for (let stage = 0; stage < 3; stage += 1) {
    for (const event of events) {
      const request = webhookRequest(event[stage].topic, padded(event[stage].payload, BODY_BYTES), {
        shop: SHOP,
        webhookId: event[stage].webhookId,
        secret: SECRET,
      });
      if ((await receiveWebhook(request, config)).status !== 200) refused += 1;
    }
    await drainJobs();
  }
}

const count = (sql: string) => (db.statement(sql).get() as { n: number }).n;
/** The file's size once the WAL is checkpointed into it, and what of it is free pages. */
function measure() {
  db.connection.pragma("wal_checkpoint(TRUNCATE)");
  const pageSize = db.connection.pragma("page_size", { simple: true }) as number;
  const free = (db.connection.pragma("freelist_count", { simple: true }) as number) * pageSize;
  return { fileBytes: statSync(file).size, freeBytes: free };
}
const recorded = () => ({
  orders: count(`SELECT COUNT(*) AS n FROM "Order"`),
  fulfillments: count(`SELECT COUNT(*) AS n FROM "Fulfillment"`),
  scans: count(`SELECT COUNT(*) AS n FROM "DeliveryEvent"`),
  deliveries: count(`SELECT COUNT(*) AS n FROM "WebhookDelivery"`),
});
const before = { ...measure(), ...recorded() };
const bodyBytes = count(`SELECT AVG("bodyBytes") AS n FROM "WebhookDelivery"`);
const stored = count(`SELECT SUM(LENGTH(CAST("body" AS BLOB))) AS n FROM "WebhookDelivery"`);

// 2. The prune, 31 days later, as the hourly job runs it (1,000 bodies per transaction).
const later = new Date(now.getTime() + 31 * DAY_MS);
const cutoff = new Date(later.getTime() - 30 * DAY_MS);
const batchMs: number[] = [];
let pruned = 0;
for (;;) {
  const started = performance.now();
  const changes = db.transaction(() => pruneDeliveryBodies(db, SHOP, { before: cutoff, now: later, limit: 1000 }));
  batchMs.push(performance.now() - started);
  pruned += changes;
  if (changes < 1000) break;
}
// An hour later: the run finds everything pruned already.
const idleStarted = performance.now();
db.transaction(() => pruneDeliveryBodies(db, SHOP, { before: new Date(cutoff.getTime() + 3_600_000), now: later, limit: 1000 }));
const idleMs = performance.now() - idleStarted;
const afterPrune = { ...measure(), ...recorded() };
const vacuumStarted = performance.now();
db.connection.exec("VACUUM");
const vacuumMs = performance.now() - vacuumStarted;
const afterVacuum = measure();

const perThousand = (bytes: number) => `${(((bytes / before.orders) * 1000) / 1_048_576).toFixed(2)} MB`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
console.log(
  `bench:lifecycle: ${ORDERS} orders, ${before.deliveries} deliveries (${refused} refused), bodies ${bodyBytes.toFixed(0)} bytes on average (${mb(stored)} stored); load ${loadBefore.join(" ")}`,
);
const rows = (figures: ReturnType<typeof recorded>) =>
  `${figures.orders} orders, ${figures.fulfillments} fulfillments, ${figures.scans} scans, ${figures.deliveries} deliveries`;
console.log(`recorded: before the prune ${rows(before)}; after it ${rows(afterPrune)}`);
console.log(
  `prune (now = 31 days later, 30 days kept): ${pruned} bodies in ${batchMs.length} transactions, p50 ${(percentile(batchMs, 50) ?? 0).toFixed(1)} ms, max ${Math.max(...batchMs).toFixed(1)} ms; the next hour's run: ${idleMs.toFixed(1)} ms; VACUUM ${vacuumMs.toFixed(0)} ms`,
);
console.log("");
console.log("database per 1,000 orders   before pruning   after pruning (free pages reused)   after VACUUM");
console.log(
  `                             ${perThousand(before.fileBytes).padEnd(17)}${`${perThousand(afterPrune.fileBytes)} (${perThousand(afterPrune.freeBytes)} free)`.padEnd(36)}${perThousand(afterVacuum.fileBytes)}`,
);
console.log(`whole file                   ${mb(before.fileBytes).padEnd(17)}${mb(afterPrune.fileBytes).padEnd(36)}${mb(afterVacuum.fileBytes)}`);
