// npm run bench:dashboard — how fast the admin's pages render at 100,000 orders, and for a shop with none.
// Seeds a fresh SQLite file (bench/support/seed-dashboard.ts), starts the built app in production mode on
// it (no worker: nothing else writes while pages are timed) and requests each page over real HTTP as a
// shop inside the Shopify admin would: an App Bridge session token (HS256 with the app's secret) and the
// shop's offline session, so one server serves both shops. Each page: 5 warm-up requests, then 50 one at
// a time, timed from the request to the last byte of the HTML; /healthz is the floor of the same server.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { SignJWT } from "jose";
import { seedDashboard } from "./support/seed-dashboard";

const ORDERS = 100_000;
const RUNS = 50;
const WARMUP = 5;
const TARGET_P95_MS = 150;
const SHOP = "bench-shop.myshopify.com";
const EMPTY_SHOP = "new-shop.myshopify.com";
const ENV = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "bench-key",
  SHOPIFY_API_SECRET: "bench-secret-0123456789",
  SHOPIFY_APP_URL: "https://kept.example.com",
  SCOPES: "read_orders,write_orders",
  WORKER_IN_PROCESS: "0",
};
// The Shopify library answers 410 to bots, and fetch's own user agent ("node") is one.
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
const dir = path.resolve("var/bench/dashboard");
const loadNow = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** What the server printed, for the errors behind a 5xx row. */
let serverLog = "";

function startApp(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["server.mjs"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const onData = (chunk: Buffer) => {
      serverLog += chunk.toString();
      if (/listening/.test(serverLog)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server.mjs exited ${code}: ${serverLog}`)));
    process.once("exit", () => child.kill("SIGKILL"));
  });
}

/** An App Bridge session token for `shop`, as Shopify issues it. */
function sessionToken(shop: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: `https://${shop}/admin`, dest: `https://${shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(ENV.SHOPIFY_API_KEY)
    .setSubject("42")
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(ENV.SHOPIFY_API_SECRET));
}

/** CPU time (user + system, all threads) the server has used so far, from /proc (Linux): other load on the machine disturbs it far less than latency. */
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
function serverCpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

type Timing = { status: number; p50: number; p95: number; cpu: number } | { status: number; missing: true };

/** Requests `url` WARMUP + RUNS times, one at a time; the token is made before the clock starts. */
async function time(url: string, shop: string | null, pid: number | undefined): Promise<Timing> {
  const ms: number[] = [];
  let status = 0;
  let cpuBefore = 0;
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    if (run === WARMUP) cpuBefore = serverCpuMs(pid);
    const headers: Record<string, string> = { "user-agent": BROWSER, ...(shop ? { authorization: `Bearer ${await sessionToken(shop)}` } : {}) };
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.text();
    const elapsed = performance.now() - started;
    status = response.status;
    if (run >= WARMUP) ms.push(elapsed);
  }
  const cpu = (serverCpuMs(pid) - cpuBefore) / RUNS;
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  return { status, p50: at(50), p95: at(95), cpu };
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const loadBefore = loadNow();
const databaseUrl = `file:${path.join(dir, "app.sqlite")}`;
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl, npm_config_loglevel: "error" }, stdio: "ignore" });
const seed = seedDashboard(path.join(dir, "app.sqlite"), { shop: SHOP, emptyShop: EMPTY_SHOP, orders: ORDERS, now: new Date(), scopes: ENV.SCOPES });

// One line per page. `authenticated: false` only for the floor. A page that answers 404 for the big shop
// is a route not built yet ("not yet built"); the empty shop's 404 on an order page is its real answer.
const CASES: { label: string; path: string; authenticated?: false }[] = [
  { label: "floor: /healthz (one COUNT, no auth)", path: "/healthz", authenticated: false },
  { label: "home /app", path: "/app" },
  { label: "lanes /app/promise/lanes", path: "/app/promise/lanes" },
  { label: "order /app/orders/<id>", path: `/app/orders/${seed.orderLegacyId}` },
  { label: "orders /app/orders", path: "/app/orders" },
  { label: "orders, search /app/orders?q=10042", path: "/app/orders?q=10042" },
  { label: "orders, search /app/orders?q=lind", path: "/app/orders?q=lind" },
  { label: "orders, late on a lane", path: "/app/orders?outcome=late&lane=de-dhl" },
];

const port = await freePort();
const app = await startApp({ ...ENV, DATABASE_URL: databaseUrl, PORT: String(port) });
const results: { label: string; path: string; big: Timing; empty: Timing }[] = [];
try {
  for (const entry of CASES) {
    const url = `http://127.0.0.1:${port}${entry.path}`;
    const big = await time(url, entry.authenticated === false ? null : SHOP, app.pid);
    if (big.status === 404) {
      results.push({ ...entry, big: { status: 404, missing: true }, empty: { status: 404, missing: true } });
      continue;
    }
    results.push({ ...entry, big, empty: await time(url, entry.authenticated === false ? null : EMPTY_SHOP, app.pid) });
  }
} finally {
  app.kill("SIGKILL");
}

const isOver = (timing: Timing) => !("missing" in timing) && (timing.status >= 500 || timing.p95 > TARGET_P95_MS);
const cell = (timing: Timing) => {
  if ("missing" in timing) return "not yet built".padEnd(42);
  const verdict = timing.status >= 500 ? "ERROR" : timing.p95 <= TARGET_P95_MS ? "ok" : "OVER";
  return `${String(timing.status).padStart(6)} ${timing.p50.toFixed(1).padStart(8)} ${timing.p95.toFixed(1).padStart(8)} ${verdict.padStart(8)} ${timing.cpu.toFixed(1).padStart(8)}`;
};
const head = `${"status".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${`≤${TARGET_P95_MS}?`.padStart(8)} ${"CPU ms".padStart(8)}`;

console.log(
  `\nbench:dashboard — admin pages from the built app (NODE_ENV=production, worker off) over HTTP, ${RUNS} requests each after ${WARMUP} warm-up, one at a time`,
);
console.log(
  `seeded in ${seed.seconds.toFixed(1)} s: ${seed.orders.toLocaleString("en")} orders over 182 days, ${seed.fulfillments.toLocaleString("en")} fulfillments, ` +
    `${seed.scans.toLocaleString("en")} scans, ${seed.late.toLocaleString("en")} late, ${seed.open.toLocaleString("en")} open (${seed.inTransit.toLocaleString("en")} in transit); ` +
    `the empty shop has its install and nothing else`,
);
console.log(`both shops through one server: a Shopify session token per request and each shop's offline session (no demo mode)`);
console.log(`load average before: ${loadBefore}; after: ${loadNow()} (${cpus().length} cores); target p95 ≤ ${TARGET_P95_MS} ms`);
console.log(`${"".padEnd(40)} ${`big shop (${ORDERS.toLocaleString("en")} orders)`.padEnd(42)}   ${"empty shop".padEnd(42)}`);
console.log(`${"page".padEnd(40)} ${head}   ${head}`);
for (const row of results) console.log(`${row.label.padEnd(40)} ${cell(row.big)}   ${cell(row.empty)}`);
console.log("CPU ms: the server process's CPU time per request (all threads), which other load on the machine disturbs less than latency");
console.log("(the empty shop's 404 on the order page is its real answer: the order is the big shop's)");
const over = results.filter((row) => row.label !== CASES[0].label && [row.big, row.empty].some(isOver));
console.log(over.length === 0 ? "every built page is within the target" : `over the target or failing: ${over.map((row) => row.path).join(", ")}`);
// A failing page's cause, as the server logged it: each distinct error with the app's functions it went through.
const lines = serverLog.split("\n");
const errors = new Set(
  lines.flatMap((line, index) =>
    /^\w*Error\b/.test(line) && !line.startsWith("[Error")
      ? [
          lines
            .slice(index, index + 14)
            .filter((text) => text.trim() && !/node_modules|node:internal|^\s+at (process|Promise)/.test(text))
            .join("\n  "),
        ]
      : [],
  ),
);
for (const entry of [...errors].slice(0, 3)) console.log(`server error: ${entry}`);
