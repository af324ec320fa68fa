// npm run bench:webhooks — signed orders/create deliveries at concurrency 20 against the built app in
// production mode, and the same load against a bare node:http + SQLite floor, in one run. Then checks
// that every acknowledged delivery is stored exactly once and processed by the worker.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { measuredLoad, type Prepared } from "./load";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "6000" },
    concurrency: { type: "string", default: "20" },
    profile: { type: "boolean", default: false },
    // The memory soak: this many seconds of deliveries at concurrency 50 (0 skips it).
    soak: { type: "string", default: "60" },
    // Where the soak's worker runs: on the web process's thread (the default deployment) or as `npm run worker`.
    "soak-worker": { type: "string", default: "thread" },
  },
});
const COUNT = Number(values.count);
// --profile: V8 CPU profiles of Kept's processes and threads in var/bench/profiles (open in Chrome DevTools).
const NODE_ARGS = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve("var/bench/profiles")}`] : [];
const CONCURRENCY = Number(values.concurrency);
const WARMUP = 500;
const SECRET = "bench-secret-0123456789";
const SHOP = "bench-shop.myshopify.com";
const dir = path.resolve("var/bench");
// Now, as Shopify sends it: the app refuses a delivery triggered outside its replay window (48 hours).
const TRIGGERED_AT = new Date().toISOString();

function orderBody(index: number): string {
  const id = 6_100_000_000_000 + index;
  return JSON.stringify({
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${10000 + index}`,
    email: `buyer${index % 500}@example.com`,
    created_at: "2026-11-20T10:00:00+01:00",
    updated_at: "2026-11-20T10:00:00+01:00",
    currency: "EUR",
    total_price: `${(index % 300) + 20}.00`,
    subtotal_price: "20.00",
    financial_status: "paid",
    tags: "",
    test: false,
    source_name: "web",
    customer_locale: "de",
    discount_codes: [],
    customer: { id: 9_000_000 + (index % 500), admin_graphql_api_id: `gid://shopify/Customer/${9_000_000 + (index % 500)}` },
    shipping_address: { country_code: "DE", province_code: "BE", zip: "10115", city: "Berlin" },
    shipping_lines: [{ title: "DHL Paket", code: "dhl_paket", source: "shopify" }],
    line_items: Array.from({ length: 3 }, (_, line) => ({
      id: id * 10 + line,
      title: `Item ${line}`,
      quantity: 1,
      price: "10.00",
      sku: `SKU-${line}`,
      vendor: "Kept",
    })),
  });
}

function prepare(prefix: string, index: number): Prepared {
  const body = orderBody(index);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-01",
      "x-shopify-webhook-id": `${prefix}-${index}`,
      "x-shopify-triggered-at": TRIGGERED_AT,
      "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function start(command: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (ready.test(log)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${command} exited ${code}: ${log}`)));
    process.once("exit", () => child.kill("SIGKILL"));
  });
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

const loadBefore = loadavg()
  .map((n) => n.toFixed(2))
  .join(", ");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
type Row = Awaited<ReturnType<typeof measuredLoad>>;
const row = (name: string, r: Row) =>
  `${name.padEnd(40)} ${r.rate.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)} ${String(r.failures).padStart(8)}` +
  `   ${r.serverCpuMs
    .map((ms) => ms.toFixed(3))
    .join(" + ")
    .padStart(13)} ${r.generatorCpuMs.toFixed(3).padStart(10)}`;

const warm = Array.from({ length: WARMUP }, (_, i) => prepare("warm", i));
const main = Array.from({ length: COUNT }, (_, i) => prepare("main", WARMUP + i));

/** The built app in production mode on a fresh database; the worker in-process or as `npm run worker`. */
async function startKept(workerInProcess: boolean, name: string) {
  const appDb = path.join(dir, `app-${name}.sqlite`);
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: `file:${appDb}`,
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: "https://kept.example.com",
    SCOPES: "read_orders",
    WORKER_POLL_MS: "50",
  };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, ...env, npm_config_loglevel: "error" } as NodeJS.ProcessEnv, stdio: "ignore" });
  // The demo shop's promise settings (a DE lane for DHL Paket), so every order's promise is really computed.
  const setup = new Database(appDb);
  setup
    .prepare(`INSERT INTO "PromiseSettingsVersion" ("shop", "version", "document", "effectiveFrom", "createdAt") VALUES (?, 1, ?, ?, ?)`)
    .run(SHOP, readFileSync("scripts/demo-promise-settings.json", "utf8"), "2026-01-01T00:00:00.000+00:00", new Date().toISOString().replace("Z", "+00:00"));
  setup.close();
  const port = await freePort();
  const children = [
    await start(process.execPath, [...NODE_ARGS, "server.mjs"], { ...env, PORT: String(port), WORKER_IN_PROCESS: workerInProcess ? "1" : "0" }, /listening/),
  ];
  if (!workerInProcess) children.push(await start(process.execPath, [...NODE_ARGS, "--import", "tsx", "app/worker.ts"], env, /worker\] started/));
  const db = new Database(appDb, { readonly: true });
  const pending = () => (db.prepare("SELECT COUNT(*) AS n FROM Job WHERE status IN ('pending','running')").get() as { n: number }).n;
  return { port, children, db, pending };
}

/** Stops Kept's processes; a profile is written when a process exits by itself, so gracefully then. */
async function stopKept(children: ChildProcess[]) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          child.removeAllListeners("exit");
          child.once("exit", resolve);
          child.kill(values.profile ? "SIGTERM" : "SIGKILL");
        }),
    ),
  );
}

async function runKept(workerInProcess: boolean) {
  const { port, children, db, pending } = await startKept(workerInProcess, workerInProcess ? "inproc" : "separate");
  try {
    await measuredLoad(port, warm, CONCURRENCY, []);
    await waitUntil(() => pending() === 0, 120_000);
    const result = await measuredLoad(
      port,
      main,
      CONCURRENCY,
      children.map((child) => child.pid),
      () => waitUntil(() => pending() === 0, 600_000),
    );
    const drainMs = result.drainMs;
    const stored = db
      .prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT webhookId) AS d, SUM(status = 'processed') AS p FROM WebhookDelivery WHERE webhookId LIKE 'main-%'")
      .get() as { n: number; d: number; p: number };
    const orders = (db.prepare(`SELECT COUNT(*) AS n FROM "Order" WHERE shop = ?`).get(SHOP) as { n: number }).n - WARMUP;
    const promised = (db.prepare(`SELECT COUNT(*) AS n FROM "DeliveryPromise" WHERE shop = ? AND status = 'promised'`).get(SHOP) as { n: number }).n - WARMUP;
    const judged = (db.prepare(`SELECT COUNT(*) AS n FROM "PromiseOutcome" WHERE shop = ?`).get(SHOP) as { n: number }).n - WARMUP;
    const ok =
      stored.n === COUNT && stored.d === COUNT && stored.p === COUNT && orders === COUNT && promised === COUNT && judged === COUNT && result.failures === 0;
    return { result, drainMs, processedRate: COUNT / (result.seconds + drainMs / 1000), stored, orders, promised, judged, ok };
  } finally {
    db.close();
    await stopKept(children);
  }
}

/** The resident set size of a process, from /proc (Linux), in MB. */
function rssMb(pid: number | undefined): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/**
 * The memory soak: the web process (worker on its thread) under `seconds` of deliveries at concurrency 50,
 * each a new signed order, its RSS sampled every second; then the backlog drains and the process idles.
 * Flat means the RSS after the drain and the idle is near the level it reached early in the load.
 */
async function soak(seconds: number, workerInProcess: boolean) {
  const { port, children, db, pending } = await startKept(workerInProcess, "soak");
  const pid = children[0].pid;
  const workerPid = children[1]?.pid;
  // A worker thread that hit its heap limit ends and is started again: count it.
  let threadRestarts = 0;
  children[0].stderr?.on("data", (chunk: Buffer) => (threadRestarts += (chunk.toString().match(/\[worker\] thread exited/g) ?? []).length));
  try {
    const samples: number[] = [];
    const started = rssMb(pid);
    const workerStarted = workerPid ? rssMb(workerPid) : NaN;
    let next = 0;
    let non200 = 0;
    const sampler = setInterval(() => samples.push(rssMb(pid)), 1000);
    await new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `http://127.0.0.1:${port}`,
          connections: 50,
          duration: seconds,
          timeout: 30,
          requests: [{ method: "POST", path: "/webhooks", setupRequest: (request) => ({ ...request, ...prepare("soak", 1_000_000 + next++) }) }],
        },
        (error) => (error ? reject(error) : resolve()),
      );
      instance.on("response", (_client, status) => {
        if (status !== 200) non200 += 1;
      });
    });
    clearInterval(sampler);
    const drainMs = await waitUntil(() => pending() === 0, 600_000);
    const drained = rssMb(pid);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const idle = rssMb(pid);
    const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))];
    const worker = workerPid ? { started: workerStarted, idle: rssMb(workerPid) } : null;
    return {
      sent: next,
      non200,
      started,
      early: at(0.1),
      middle: at(0.5),
      end: at(0.99),
      peak: Math.max(...samples),
      drainMs,
      drained,
      idle,
      worker,
      threadRestarts,
    };
  } finally {
    db.close();
    await stopKept(children);
  }
}

const floorPort = await freePort();
const floor = await start(
  process.execPath,
  ["bench/floor-server.mjs"],
  { PORT: String(floorPort), FLOOR_DB: path.join(dir, "floor.sqlite"), SHOPIFY_API_SECRET: SECRET },
  /floor listening/,
);
let floorResult: Row;
try {
  await measuredLoad(floorPort, warm, CONCURRENCY, []);
  floorResult = await measuredLoad(floorPort, main, CONCURRENCY, [floor.pid]);
} finally {
  floor.kill("SIGKILL");
}
const inProcess = await runKept(true);
const separate = await runKept(false);

console.log(`\nbench:webhooks — ${COUNT} signed orders/create deliveries, concurrency ${CONCURRENCY} (after ${WARMUP} warm-up)`);
console.log(
  `load average before: ${loadBefore}; after: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")} (${cpus().length} cores)`,
);
console.log(
  `${"target".padEnd(40)} ${"deliv/s".padStart(8)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"non-200".padStart(8)}` +
    `   ${"server CPU ms/deliv".padStart(13)} ${"generator".padStart(10)}`,
);
console.log(row("floor (node:http + HMAC + 1 row)", floorResult));
console.log(row("Kept, worker on its thread (default)", inProcess.result));
console.log(row("Kept, worker as npm run worker", separate.result));
for (const [name, run] of [
  ["on its thread", inProcess],
  ["as npm run worker", separate],
] as const) {
  console.log(
    `worker ${name}: queue drained ${(run.drainMs / 1000).toFixed(2)} s after the last acknowledgement; ` +
      `${run.processedRate.toFixed(0)} deliveries/s processed end to end; stored ${run.stored.n}, distinct ${run.stored.d}, ` +
      `processed ${run.stored.p}, orders ${run.orders}, promised ${run.promised}, outcomes ${run.judged} (expected ${COUNT} each): ${run.ok ? "check passed" : "CHECK FAILED"}`,
  );
}
const soakSeconds = Number(values.soak);
if (soakSeconds > 0) {
  const onThread = values["soak-worker"] !== "process";
  const memory = await soak(soakSeconds, onThread);
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  console.log(
    `\nmemory soak — web process ${onThread ? "with the worker on its thread" : "(the worker as npm run worker)"}, ${soakSeconds} s at concurrency 50: ${memory.sent} deliveries (${(memory.sent / soakSeconds).toFixed(0)}/s), ${memory.non200} non-200`,
  );
  console.log(
    `RSS: at start ${mb(memory.started)}, at 10 % of the load ${mb(memory.early)}, at 50 % ${mb(memory.middle)}, at the end ${mb(memory.end)} (peak ${mb(memory.peak)}); ` +
      `queue drained ${(memory.drainMs / 1000).toFixed(1)} s later: ${mb(memory.drained)}; after 15 s idle: ${mb(memory.idle)}`,
  );
  if (onThread) console.log(`worker thread restarts during the soak: ${memory.threadRestarts}`);
  if (memory.worker) console.log(`worker process RSS: at start ${mb(memory.worker.started)}, after the drain and 15 s idle ${mb(memory.worker.idle)}`);
}
process.exitCode = inProcess.ok && separate.ok ? 0 : 1;
