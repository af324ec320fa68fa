import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/models/db/prisma.server";
import { orderPayload } from "../factories/payloads";
import { freshDatabaseUrl, startApp, type AppProcess } from "../support/app-process";
import { TEST_ENV } from "../support/test-env";
import { postWebhook } from "../support/webhooks";
import { waitUntil } from "../support/wait-until";

const running: AppProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop("SIGKILL")));
});

describe("a process killed between acknowledging and processing loses nothing", () => {
  it("processes every acknowledged delivery after SIGKILL, once, when a worker starts", async () => {
    // GIVEN an app whose worker is not running (as if it died right after acknowledging)
    const databaseUrl = freshDatabaseUrl();
    const app = await startApp({ WORKER_IN_PROCESS: "0" }, databaseUrl);
    running.push(app);
    const statuses: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      statuses.push((await postWebhook(app.url, "orders/create", orderPayload(7000 + index), { webhookId: `kill-${index}` })).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    // WHEN the process is killed hard
    await app.stop("SIGKILL");
    expect(app.child.signalCode).toBe("SIGKILL");
    // THEN a standalone worker (npm run worker) processes all 40, and a second app start finds nothing left
    // One node process (not npx → tsx → node), so SIGKILL below reaches the worker itself.
    const worker = spawn(process.execPath, ["--import", "tsx", "app/worker.ts"], {
      env: { ...process.env, ...TEST_ENV, NODE_ENV: "production", DATABASE_URL: databaseUrl, WORKER_POLL_MS: "50" },
      stdio: "pipe",
    });
    const db = createPrismaClient(databaseUrl);
    try {
      await waitUntil(async () => (await db.webhookDelivery.count({ where: { status: "processed" } })) === 40, "40 processed deliveries");
      expect(await db.order.count()).toBe(40);
      expect(await db.job.count({ where: { status: { not: "done" } } })).toBe(0);
    } finally {
      worker.kill("SIGKILL");
      await db.$disconnect();
    }
  });

  it("loses nothing when the worker dies between claiming a batch and committing it", async () => {
    // GIVEN 30 acknowledged orders and a worker that claims them (1 s lease) and is SIGKILLed inside the
    // batch transaction, after applying the first order and its promise but before the commit
    const databaseUrl = freshDatabaseUrl();
    const app = await startApp({ WORKER_IN_PROCESS: "0" }, databaseUrl);
    running.push(app);
    for (let index = 0; index < 30; index += 1) {
      expect((await postWebhook(app.url, "orders/create", orderPayload(7200 + index), { webhookId: `mid-${index}` })).status).toBe(200);
    }
    const crashing = spawn(process.execPath, ["--import", "tsx", "test/support/crash-mid-batch.ts"], {
      env: { ...process.env, ...TEST_ENV, DATABASE_URL: databaseUrl, LEASE_MS: "1000" },
      stdio: "pipe",
    });
    let output = "";
    crashing.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => crashing.once("exit", resolve));
    expect(crashing.signalCode).toBe("SIGKILL");
    expect(output).toBe("claimed 30\n");
    const db = createPrismaClient(databaseUrl);
    try {
      // THEN nothing of the batch is stored and its jobs stay claimed
      expect(await db.order.count()).toBe(0);
      expect(await db.deliveryPromise.count()).toBe(0);
      expect(await db.webhookDelivery.count({ where: { status: "received" } })).toBe(30);
      expect(await db.job.count({ where: { status: "running", attempts: 1 } })).toBe(30);
      // WHEN the app's own worker runs again, after the lease
      await app.stop("SIGKILL");
      running.push(await startApp({ WORKER_POLL_MS: "50" }, databaseUrl));
      await waitUntil(async () => (await db.job.count({ where: { status: "done" } })) >= 30, "30 done jobs");
      // THEN every order is stored once with its promise, each job on its second attempt
      expect(await db.job.count({ where: { status: "done" } })).toBe(30);
      expect(await db.job.count({ where: { status: "done", attempts: 2 } })).toBe(30);
      expect(await db.order.count()).toBe(30);
      expect(await db.deliveryPromise.count()).toBe(30);
      expect(await db.webhookDelivery.count({ where: { status: "processed" } })).toBe(30);
    } finally {
      await db.$disconnect();
    }
  });

  it("reclaims a job whose worker was killed mid-run once its lease expires", async () => {
    // GIVEN a job claimed by a worker that then died (status running, lease in the past)
    const databaseUrl = freshDatabaseUrl();
    const app = await startApp({ WORKER_IN_PROCESS: "0" }, databaseUrl);
    running.push(app);
    await postWebhook(app.url, "orders/create", orderPayload(7100), { webhookId: "lease-1" });
    await app.stop("SIGKILL");
    const db = createPrismaClient(databaseUrl);
    try {
      await db.job.updateMany({ data: { status: "running", lockedBy: "dead-worker", lockedUntil: new Date(Date.now() - 1000), attempts: 1 } });
      // WHEN the app starts again with its in-process worker
      const restarted = await startApp({ WORKER_POLL_MS: "50" }, databaseUrl);
      running.push(restarted);
      await waitUntil(async () => (await db.job.findFirstOrThrow()).status === "done", "the job to finish");
      const job = await db.job.findFirstOrThrow();
      // THEN the job ran to completion on its second attempt and the order exists once
      expect(job.status).toBe("done");
      expect(job.attempts).toBe(2);
      expect(await db.order.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
