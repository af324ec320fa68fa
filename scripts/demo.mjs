// `npm run demo`: start the mail catcher, migrate, build, seed the local demo shop, start the app (with its
// in-process worker) and send the simulator's history (the ten weeks up to now) and demo week, signed, over
// HTTP. No Shopify account and no .env needed, and no email leaves the machine: the app sends to the catcher.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { DEMO_ENV, demoSmtpUrl } from "./demo-env.mjs";
import { startMailCatcher } from "./demo-mail-catcher.mjs";

const env = { ...process.env, ...DEMO_ENV, ...pick(process.env, ["PORT", "DATABASE_URL", "DEMO_SMTP_PORT", "DEMO_MAILBOX_DIR"]) };
env.SHOPIFY_APP_URL = process.env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`;
const url = `http://127.0.0.1:${env.PORT}`;

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key]).map((key) => [key, source[key]]));
}

/** The app and the catcher, once started (a failing step after that stops them too). */
let server = null;
let catcher = null;

function stop(code) {
  server?.kill();
  process.exit(code);
}

// Every step runs as a child process, awaited, never spawnSync: the catcher answers SMTP on this process's
// event loop, and a blocked loop would leave the app's sender waiting mid-message (docs/follow-ups.md: a
// message whose answer never came is "unknown" and is not sent again).
function spawnStep(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function run(command, args) {
  console.log(`[demo] ${command} ${args.join(" ")}`);
  const status = await spawnStep(command, args);
  if (status !== 0) stop(status);
}

const smtpPort = Number(env.DEMO_SMTP_PORT);
if (!Number.isInteger(smtpPort) || smtpPort < 1 || smtpPort > 65_535) {
  console.error(`[demo] DEMO_SMTP_PORT must be a port number (1-65535), not "${env.DEMO_SMTP_PORT}".`);
  process.exit(2);
}
try {
  catcher = await startMailCatcher({ port: smtpPort, dir: env.DEMO_MAILBOX_DIR });
} catch (error) {
  const reason = error?.code === "EADDRINUSE" ? "the port is taken (another demo, or another mail server?)" : error?.message;
  console.error(`[demo] The mail catcher cannot listen on 127.0.0.1:${smtpPort}: ${reason}. Stop that program, or set DEMO_SMTP_PORT to a free port.`);
  process.exit(1);
}
env.SMTP_URL = demoSmtpUrl(catcher.port);
console.log(`[demo] mail catcher on ${env.SMTP_URL}: every email stays in ${env.DEMO_MAILBOX_DIR}/ (the admin's Demo mailbox page)`);

await run("npx", ["prisma", "migrate", "deploy"]);
if (!process.argv.includes("--no-build") || !existsSync("build/server/index.js")) await run("npx", ["remix", "vite:build"]);
await run("npx", ["tsx", "scripts/seed-demo.ts", "--no-rules"]);

server = spawn("node", ["server.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => server.kill(signal));
server.on("exit", (code) => {
  void catcher.close();
  process.exit(code ?? 0);
});

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

async function simulate(scenario, flags = []) {
  const args = ["tsx", "scripts/simulate.ts", scenario, "--url", url, "--secret", env.SHOPIFY_API_SECRET, "--shop", env.DEMO_SHOP, ...flags];
  console.log(`[demo] simulate ${scenario}`);
  await spawnStep("npx", args);
}

await waitForHealth();
const isSimulating = !process.argv.includes("--no-simulate");
// Deterministic webhook ids: running the demo again sends the same deliveries, which Kept dedupes. The
// history first (a line per simulated day), then the insert and follow-up rules, then the demo week of
// November 2026 (the follow-up rules speak from its start, so its orders get emails; the history's orders
// were all planned before the rules existed).
const started = Date.now();
if (isSimulating) await simulate("history", ["--concurrency", "8", "--summary"]);
await run("npx", ["tsx", "scripts/seed-demo.ts", "--insert-rules-only", "--follow-up-rules-only"]);
if (isSimulating) {
  await simulate("demo");
  console.log(`[demo] simulated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`\n[demo] Kept is running: open ${url}/app (demo shop ${env.DEMO_SHOP}), caught email at ${url}/app/demo-mailbox. Ctrl-C stops it.`);
