// `npm run demo`: migrate, build, seed the local demo shop, start the app (with its in-process worker)
// and send the simulator's history (the ten weeks up to now) and demo week, signed, over HTTP. No Shopify
// account and no .env needed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { DEMO_ENV } from "./demo-env.mjs";

const env = { ...process.env, ...DEMO_ENV, ...pick(process.env, ["PORT", "DATABASE_URL"]) };
env.SHOPIFY_APP_URL = process.env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`;
const url = `http://127.0.0.1:${env.PORT}`;

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key]).map((key) => [key, source[key]]));
}

/** The app, once started (a failing step after that stops it too). */
let server = null;

function run(command, args) {
  console.log(`[demo] ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    server?.kill();
    process.exit(result.status ?? 1);
  }
}

run("npx", ["prisma", "migrate", "deploy"]);
if (!process.argv.includes("--no-build") || !existsSync("build/server/index.js")) run("npx", ["remix", "vite:build"]);
run("npx", ["tsx", "scripts/seed-demo.ts", "--no-insert-rules"]);

server = spawn("node", ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the app did not become healthy");
}

function simulate(scenario, flags = []) {
  const args = ["tsx", "scripts/simulate.ts", scenario, "--url", url, "--secret", env.SHOPIFY_API_SECRET, "--shop", env.DEMO_SHOP, ...flags];
  console.log(`[demo] simulate ${scenario}`);
  spawnSync("npx", args, { stdio: "inherit", env });
}

await waitForHealth();
const isSimulating = !process.argv.includes("--no-simulate");
// Deterministic webhook ids: running the demo again sends the same deliveries, which Kept dedupes. The
// history first (a line per simulated day), then the insert rules, then the demo week of November 2026.
const started = Date.now();
if (isSimulating) simulate("history", ["--concurrency", "8", "--summary"]);
run("npx", ["tsx", "scripts/seed-demo.ts", "--insert-rules-only"]);
if (isSimulating) {
  simulate("demo");
  console.log(`[demo] simulated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`\n[demo] Kept is running: open ${url}/app (demo shop ${env.DEMO_SHOP}). Ctrl-C stops it.`);
