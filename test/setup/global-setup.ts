import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Builds the app (HTTP and browser tests start the built server as a user would) and one migrated
 * template SQLite file; every test file gets its own copy (see setup-env.ts).
 */
export default function setup() {
  execFileSync("npx", ["remix", "vite:build", "--logLevel", "error"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  const dir = path.resolve("var/test");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "template.sqlite")}`, npm_config_loglevel: "error" },
    stdio: "pipe",
  });
}
