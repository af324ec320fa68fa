import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { TEST_ENV } from "./test-env";
import { waitUntil } from "./wait-until";

export type AppProcess = {
  url: string;
  port: number;
  databaseUrl: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** A free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A fresh migrated SQLite file copied from the template built by global-setup. */
export function freshDatabaseUrl(): string {
  const file = path.resolve("var/test", `app-${randomUUID()}.sqlite`);
  copyFileSync(path.resolve("var/test/template.sqlite"), file);
  return `file:${file}`;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  let exited = false;
  await waitUntil(
    async () => {
      if (child.exitCode !== null) return (exited = true);
      try {
        return (await fetch(`${url}/healthz`)).ok;
      } catch {
        return false; // not listening yet
      }
    },
    "the app to answer /healthz",
    { timeoutMs: 15_000, intervalMs: 100 },
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}:\n${output()}`);
  });
  if (exited) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
}

/** Starts the built app (server.mjs) as a real process on loopback, as a user would. */
export async function startApp(env: Record<string, string> = {}, databaseUrl = freshDatabaseUrl()): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    env: { ...process.env, ...TEST_ENV, NODE_ENV: "production", WORKER_IN_PROCESS: "1", PORT: String(port), DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    port,
    databaseUrl,
    child,
    output: () => log,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** Waits until the app's worker has no pending or running job (its /healthz says so). */
export async function waitForIdle(app: AppProcess, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    async () => ((await (await fetch(`${app.url}/healthz`)).json()) as { pendingJobs: number }).pendingJobs === 0,
    "the worker to drain the queue",
    { timeoutMs, intervalMs: 100 },
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}:\n${app.output()}`);
  });
}
