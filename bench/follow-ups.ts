// npm run bench:followups — follow-ups under load, in one run. 10,000 German orders with their three events
// (created, fulfilled, a delivered scan) go through the webhook intake and the worker for a shop with three
// follow-up rules, and the same orders for a shop with none, block by block in turns; process.cpuUsage
// around each gives the CPU per delivery with and without scheduling. Then the sender (`npm run worker`, a
// child process) sends through nodemailer to an SMTP server on loopback: first the 10,000 arrival messages
// due at once (the send window opening: messages/s), then shipping messages falling due one by one at a
// steady rate (time from a row's sendAt to its send, p50/p95). --profile writes V8 CPU profiles of the intake
// phase and of the sender to var/bench/follow-ups/profiles (bench/profile-summary.ts reads them).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { percentile } from "../app/domain/stats/percentiles";
import { startMailSink } from "./support/mail-sink";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "10000" },
    block: { type: "string", default: "500" },
    steady: { type: "string", default: "2000" },
    rate: { type: "string", default: "100" },
    profile: { type: "boolean", default: false },
  },
});
const ORDERS = Number(values.orders);
const STEADY = Math.min(Number(values.steady), ORDERS);
const STEADY_RATE = Number(values.rate);
const SECRET = "bench-secret-0123456789";
const PLAIN = "plain-shop.myshopify.com";
const RULES = "rules-shop.myshopify.com";
const dir = path.resolve("var/bench/follow-ups");
const profiles = path.join(dir, "profiles");
const env = {
  NODE_ENV: "production" as const,
  DATABASE_URL: `file:${path.join(dir, "app.sqlite")}`,
  SHOPIFY_API_KEY: "bench-key",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://kept.example.com",
  SCOPES: "read_orders",
  WORKER_IN_PROCESS: "0",
};

async function waitUntil(check: () => boolean, what: string, timeoutMs: number) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const loadBefore = loadavg().map((n) => n.toFixed(2));
rmSync(dir, { recursive: true, force: true });
mkdirSync(profiles, { recursive: true });
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...env, npm_config_loglevel: "error" }, stdio: "ignore" });
Object.assign(process.env, env);
// The app reads its configuration when its modules load: import them once it is set.
const { getWorkerDb, sqliteDate } = await import("../app/models/db/sqlite.server");
const { runIntake } = await import("./support/follow-up-intake");
const { setUpShops } = await import("./support/follow-up-orders");
const db = getWorkerDb();
const now = new Date();
setUpShops(db, [PLAIN, RULES], RULES, now);

// 1. Intake and worker, with and without rules.
const inspector = new Session();
if (values.profile) {
  inspector.connect();
  await inspector.post("Profiler.enable");
  await inspector.post("Profiler.start");
}
const intake = await runIntake({ shops: [PLAIN, RULES], orders: ORDERS, block: Number(values.block), secret: SECRET, now });
if (values.profile) writeFileSync(path.join(profiles, "intake.cpuprofile"), JSON.stringify((await inspector.post("Profiler.stop")).profile));
const count = (sql: string, ...params: unknown[]) => (db.statement(sql).get(...params) as { n: number }).n;
const rowsByStatus = db
  .statement(`SELECT "trigger" || ' ' || "status" AS "k", COUNT(*) AS "n" FROM "FollowUp" WHERE "shop" = ? GROUP BY 1 ORDER BY 1`)
  .all(RULES) as { k: string; n: number }[];

// 2. The sender: every arrival message due now, the shipping messages later (the steady phase).
const sink = await startMailSink();
const later = sqliteDate(new Date(Date.now() + 30 * 86_400_000));
db.statement(`UPDATE "FollowUp" SET "sendAt" = ? WHERE "shop" = ? AND "trigger" = 'shipped' AND "status" = 'scheduled'`).run(later, RULES);
const burstDue = Date.now();
const burst = db
  .statement(`UPDATE "FollowUp" SET "sendAt" = ? WHERE "shop" = ? AND "trigger" = 'arrived' AND "status" = 'scheduled'`)
  .run(sqliteDate(new Date(burstDue)), RULES).changes;
const worker: ChildProcess = spawn(
  process.execPath,
  [...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profiles}`] : []), "--import", "tsx", "app/worker.ts"],
  {
    env: { ...process.env, ...env, SMTP_URL: sink.url, MAIL_FROM: "care@kept.example.com", WORKER_POLL_MS: "50" },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
let workerLog = "";
worker.stdout?.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
worker.stderr?.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
process.once("exit", () => worker.kill("SIGKILL"));
try {
  await waitUntil(() => sink.arrivals.length >= burst, `${burst} arrival messages`, 600_000);
  const burstArrivals = sink.arrivals.map((arrival) => arrival.at);
  const burstSeconds = (Math.max(...burstArrivals) - Math.min(...burstArrivals)) / 1000;

  const steadyStart = Date.now() + 2000;
  const steadyIds = db
    .statement(`SELECT "id" FROM "FollowUp" WHERE "shop" = ? AND "trigger" = 'shipped' AND "status" = 'scheduled' ORDER BY "orderGid" LIMIT ?`)
    .all(RULES, STEADY) as { id: string }[];
  const move = db.statement(`UPDATE "FollowUp" SET "sendAt" = ? WHERE "shop" = ? AND "id" = ?`);
  db.transaction(() => steadyIds.forEach(({ id }, index) => move.run(sqliteDate(new Date(steadyStart + (index * 1000) / STEADY_RATE)), RULES, id)));
  await waitUntil(() => sink.arrivals.length >= burst + steadyIds.length, `${steadyIds.length} steady messages`, 600_000);
  await waitUntil(() => count(`SELECT COUNT(*) AS n FROM "FollowUp" WHERE "status" = 'sending'`) === 0, "the last outcomes recorded", 30_000);
  const latencies = (
    db.statement(`SELECT "sendAt", "sentAt" FROM "FollowUp" WHERE "shop" = ? AND "trigger" = 'shipped' AND "status" = 'sent'`).all(RULES) as {
      sendAt: string;
      sentAt: string;
    }[]
  ).map((row) => (Date.parse(row.sentAt) - Date.parse(row.sendAt)) / 1000);
  const burstLatencies = (
    db.statement(`SELECT "sendAt", "sentAt" FROM "FollowUp" WHERE "shop" = ? AND "trigger" = 'arrived' AND "status" = 'sent'`).all(RULES) as {
      sendAt: string;
      sentAt: string;
    }[]
  ).map((row) => (Date.parse(row.sentAt) - Date.parse(row.sendAt)) / 1000);

  // 3. Checks: every message once at the server, every row sent.
  const distinct = new Set(sink.arrivals.map((arrival) => arrival.messageId)).size;
  const sent = count(`SELECT COUNT(*) AS n FROM "FollowUp" WHERE "shop" = ? AND "status" = 'sent'`, RULES);
  const sentIds = new Set(
    (db.statement(`SELECT "messageId" FROM "FollowUp" WHERE "shop" = ? AND "status" = 'sent'`).all(RULES) as { messageId: string }[]).map(
      (row) => row.messageId,
    ),
  );
  const unmatched = sink.arrivals.filter((arrival) => !sentIds.has(arrival.messageId)).length;
  const ok = distinct === sink.arrivals.length && sent === sink.arrivals.length && unmatched === 0 && [...intake.values()].every((f) => f.refused === 0);

  const plain = intake.get(PLAIN)!;
  const rules = intake.get(RULES)!;
  const per = (ms: number, deliveries: number) => ms / deliveries;
  const workerRatio = per(rules.workerMs, rules.deliveries) / per(plain.workerMs, plain.deliveries);
  const totalRatio = per(rules.intakeMs + rules.workerMs, rules.deliveries) / per(plain.intakeMs + plain.workerMs, plain.deliveries);
  const rate = (burst - 1) / burstSeconds;
  const line = (name: string, figure: string, target = "") => console.log(`${name.padEnd(58)} ${figure.padStart(12)}   ${target}`);
  console.log(
    `\nbench:followups — ${ORDERS} orders × 3 events per shop, 3 follow-up rules; sender: ${burst} due at once, then ${steadyIds.length} at ${STEADY_RATE}/s`,
  );
  console.log(`CPU per delivery over ${plain.deliveries} deliveries per shop (the first block of ${values.block} orders each is warm-up)`);
  console.log(
    `load average before: ${loadBefore.join(", ")}; after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")} (${cpus().length} cores)`,
  );
  line("", "figure", "target");
  line("sender: messages/s (burst, to SMTP on loopback)", rate.toFixed(0), ">= 200/s");
  line(
    "sender: burst, sendAt -> sent p50 / p95 s",
    `${percentile(burstLatencies, 50)?.toFixed(2)} / ${percentile(burstLatencies, 95)?.toFixed(2)}`,
    "(queue time)",
  );
  line("sender: steady, sendAt -> sent p50 / p95 s", `${percentile(latencies, 50)?.toFixed(2)} / ${percentile(latencies, 95)?.toFixed(2)}`);
  line(
    "intake CPU ms/delivery, no rules / with rules",
    `${per(plain.intakeMs, plain.deliveries).toFixed(3)} / ${per(rules.intakeMs, rules.deliveries).toFixed(3)}`,
  );
  line(
    "worker CPU ms/delivery, no rules / with rules",
    `${per(plain.workerMs, plain.deliveries).toFixed(3)} / ${per(rules.workerMs, rules.deliveries).toFixed(3)}`,
  );
  line("worker CPU with rules / without (scheduling's cost)", workerRatio.toFixed(3), "<= 1.10");
  line("intake + worker CPU with rules / without", totalRatio.toFixed(3), "<= 1.10");
  console.log(`rows: ${rowsByStatus.map((row) => `${row.k} ${row.n}`).join(", ")}`);
  console.log(
    `check: ${sink.arrivals.length} messages at the server, ${distinct} distinct Message-IDs, ${sent} rows sent, ${unmatched} unmatched: ${ok ? "passed" : "FAILED"}`,
  );
  process.exitCode = ok ? 0 : 1;
} catch (error: unknown) {
  console.error(workerLog.slice(-4000));
  throw error;
} finally {
  await new Promise((resolve) => {
    worker.once("exit", resolve);
    worker.kill(values.profile ? "SIGTERM" : "SIGKILL");
  });
  await sink.close();
}
