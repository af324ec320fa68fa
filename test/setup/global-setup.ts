import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashInputs } from "./input-hash";

// What the build and the template database are made from: when none of it changed, both are reused.
const BUILD_INPUTS = ["app", "prisma/schema.prisma", "vite.config.ts", "tsconfig.json", "package-lock.json", "env.d.ts"];
const DATABASE_INPUTS = ["prisma/schema.prisma", "prisma/migrations", "prisma.config.ts"];

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : null);

/**
 * Builds the app (HTTP and browser tests start the built server as a user would) and one migrated
 * template SQLite file; every test file gets its own copy (see setup-env.ts). Each is skipped when the
 * hash of its inputs matches the one stored with it, so a second run with nothing changed starts at once.
 */
export default function setup() {
  const root = process.cwd();
  const buildHash = hashInputs(root, BUILD_INPUTS);
  const buildStamp = path.resolve("build/.inputs-hash");
  if (read(buildStamp) !== buildHash) {
    execFileSync("npx", ["remix", "vite:build", "--logLevel", "error"], { stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
    writeFileSync(buildStamp, buildHash);
  }

  const dir = path.resolve("var/test");
  mkdirSync(dir, { recursive: true });
  // The last run's copies, app databases and logs go; the template stays.
  for (const entry of readdirSync(dir)) if (!entry.startsWith("template.")) rmSync(path.join(dir, entry), { recursive: true, force: true });
  const databaseHash = hashInputs(root, DATABASE_INPUTS);
  const templateStamp = path.join(dir, "template.inputs-hash");
  if (read(templateStamp) !== databaseHash || !existsSync(path.join(dir, "template.sqlite"))) {
    // Migrated under another name and renamed into place, so a run that dies midway leaves no half template.
    const fresh = path.join(dir, `template-${process.pid}.sqlite`);
    rmSync(fresh, { force: true });
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${fresh}`, npm_config_loglevel: "error" },
      stdio: "pipe",
    });
    for (const suffix of ["-wal", "-shm"]) rmSync(path.join(dir, `template.sqlite${suffix}`), { force: true });
    renameSync(fresh, path.join(dir, "template.sqlite"));
    writeFileSync(templateStamp, databaseHash);
  }
}
