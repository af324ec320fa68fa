import { existsSync, readFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startWorkerThread } from "~/services/jobs/worker-thread.server";
import { orderPayload } from "../factories/payloads";
import { startApp, type AppProcess } from "../support/app-process";
import { postWebhook } from "../support/webhooks";
import { waitUntil } from "../support/wait-until";

const running: AppProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop("SIGKILL")));
});

async function pendingJobs(app: AppProcess): Promise<number> {
  return ((await (await fetch(`${app.url}/healthz`)).json()) as { pendingJobs: number }).pendingJobs;
}

describe("the in-process worker on a worker thread", () => {
  it("processes deliveries on a thread of the web process and stops with it on SIGTERM", async () => {
    // GIVEN the app as `npm start` runs it (WORKER_IN_PROCESS defaults to 1)
    const app = await startApp({ WORKER_POLL_MS: "50" });
    running.push(app);
    await waitUntil(() => app.output().includes("[worker] started on worker thread"), "the worker thread");
    // WHEN deliveries arrive
    for (let index = 0; index < 20; index += 1) {
      expect((await postWebhook(app.url, "orders/create", orderPayload(9100 + index))).status).toBe(200);
    }
    // THEN the thread processes them all, and SIGTERM lets it finish and the process exit cleanly
    await waitUntil(async () => (await pendingJobs(app)) === 0, "the queue to drain");
    await app.stop("SIGTERM");
    expect(app.child.exitCode).toBe(0);
    expect(app.output()).toMatch(/\[worker\] thread \d+ stopped after its current batch/);
  });

  it("is not started with WORKER_IN_PROCESS=0: deliveries wait for `npm run worker`", async () => {
    const app = await startApp({ WORKER_IN_PROCESS: "0", WORKER_POLL_MS: "50" });
    running.push(app);
    expect((await postWebhook(app.url, "orders/create", orderPayload(9200))).status).toBe(200);
    // An absence has no event to wait for: ten poll intervals of the worker that would exist (WORKER_POLL_MS).
    await new Promise((resolve) => setTimeout(resolve, 10 * 50));
    expect(await pendingJobs(app)).toBe(1);
    expect(app.output()).not.toContain("[worker] started");
  });

  it("starts a thread that died again, and stops it on request", async () => {
    // GIVEN a thread entry whose first run exits with code 1
    const log = path.resolve("var/test", `thread-${randomUUID()}.log`);
    process.env.THREAD_LOG = log;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // WHEN the supervisor starts it
      const thread = startWorkerThread(new URL("../support/flaky-thread.mjs", import.meta.url));
      // THEN a second run follows the crash, and stop() reaches that run
      await waitUntil(() => existsSync(log) && readFileSync(log, "utf8").includes("start 2"), "the restart");
      await thread.stop();
      expect(readFileSync(log, "utf8")).toBe("start 1\nstart 2\nmessage stop\n");
      expect(errors).toHaveBeenCalledWith("[worker] thread exited with 1; starting it again in 1000 ms");
    } finally {
      errors.mockRestore();
      rmSync(log, { force: true });
    }
  });
});
