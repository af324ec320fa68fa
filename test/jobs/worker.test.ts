import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { backoffMs, claimJobs, retryDeadJob } from "~/models/jobs/job.server";
import { getWorkerDb, openSqlite } from "~/models/db/sqlite.server";
import { composeJobs, defineJobs, type JobHandler } from "~/services/jobs/job-registry.server";
import { createJobRunner } from "~/services/jobs/run-jobs.server";
import { resetDatabase } from "../support/database";
import { TEST_SHOP } from "../support/test-env";

beforeEach(resetDatabase);

/** A worker that knows only the test's own job type. */
const runnerFor = (type: string, handler: JobHandler) => createJobRunner(composeJobs([defineJobs({ capability: "test", handlers: { [type]: handler } })]));

describe("outbox worker", () => {
  it("backs off exponentially with bounded jitter, capped at an hour", () => {
    expect(backoffMs(1, 0)).toBe(2000);
    expect(backoffMs(3, 0)).toBe(8000);
    expect(backoffMs(3, 1)).toBe(9600);
    expect(backoffMs(30, 0)).toBe(3_600_000);
  });

  it("retries a failing job with backoff, dead-letters it after maxAttempts, and the merchant can retry it", async () => {
    let calls = 0;
    const { runDueJobs } = runnerFor("test.flaky", async () => {
      calls += 1;
      throw new Error("Shopify said THROTTLED");
    });
    const job = await prisma.job.create({ data: { shop: TEST_SHOP, type: "test.flaky", maxAttempts: 3 } });
    for (let round = 0; round < 3; round += 1) {
      await runDueJobs();
      await prisma.job.update({ where: { id: job.id }, data: { runAt: new Date(0) } }); // skip the wait
    }
    const dead = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(calls).toBe(3);
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lastError: "Error: Shopify said THROTTLED" });
    expect(await retryDeadJob("other-shop.myshopify.com", job.id)).toBe(false);
    expect(await retryDeadJob(TEST_SHOP, job.id)).toBe(true);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("runs the jobs of a type that allows it side by side, never more at once than its limit, and the others one by one", async () => {
    const running = { waits: 0, most: 0, alone: 0, mostAlone: 0 };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const { runDueJobs } = createJobRunner(
      composeJobs([
        defineJobs({
          capability: "test",
          handlers: {
            "test.waits": async (job) => {
              running.waits += 1;
              running.most = Math.max(running.most, running.waits);
              await pause();
              running.waits -= 1;
              await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
            },
            "test.alone": async (job) => {
              running.alone += 1;
              running.mostAlone = Math.max(running.mostAlone, running.alone + running.waits);
              await pause();
              running.alone -= 1;
              await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
            },
          },
          concurrency: { "test.waits": 3 },
        }),
      ]),
    );
    for (let index = 0; index < 7; index += 1) await prisma.job.create({ data: { shop: TEST_SHOP, type: index % 3 === 0 ? "test.alone" : "test.waits" } });
    expect(await runDueJobs()).toBe(7);
    expect(running.most).toBe(3);
    expect(running.mostAlone).toBe(1);
    expect(await prisma.job.count({ where: { status: "done" } })).toBe(7);
    expect(() => composeJobs([defineJobs({ capability: "test", handlers: {}, concurrency: { "other.type": 2 } })])).toThrow(/does not handle/);
  });

  it("schedules the retry in the future after a failure", async () => {
    const { runDueJobs } = runnerFor("test.fail-once", async () => {
      throw new Error("boom");
    });
    const job = await prisma.job.create({ data: { shop: TEST_SHOP, type: "test.fail-once" } });
    const before = Date.now();
    await runDueJobs();
    const after = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.status).toBe("pending");
    expect(after.runAt.getTime()).toBeGreaterThanOrEqual(before + 2000);
    expect(claimJobs(getWorkerDb(), 10, 1000)).toEqual([]);
  });

  it("lets two workers (two connections) claim disjoint jobs, and reclaims only expired leases", async () => {
    for (let index = 0; index < 10; index += 1) await prisma.job.create({ data: { shop: TEST_SHOP, type: "noop" } });
    const [one, two] = [openSqlite(process.env.DATABASE_URL!, { busyTimeoutMs: 5_000 }), openSqlite(process.env.DATABASE_URL!, { busyTimeoutMs: 5_000 })];
    try {
      const first = claimJobs(one, 6, 60_000);
      const second = claimJobs(two, 6, 60_000);
      const ids = [...first, ...second].map((job) => job.id);
      expect(new Set(ids).size).toBe(10);
      expect([first.length, second.length]).toEqual([6, 4]);
      expect(claimJobs(one, 10, 60_000)).toEqual([]);
      // A lease that ran out (its worker died) is claimed again, with the attempt counted.
      await prisma.job.update({ where: { id: first[0].id }, data: { lockedUntil: new Date(Date.now() - 1) } });
      expect(claimJobs(two, 10, 60_000).map((job) => [job.id, job.attempts])).toEqual([[first[0].id, 2]]);
    } finally {
      one.connection.close();
      two.connection.close();
    }
  });

  it("renews the lease while a job runs longer than it, so no other worker claims the job meanwhile", async () => {
    // GIVEN a job that takes about four leases (a slow Admin API call) and a 300 ms lease
    let otherClaimed = 0;
    const { runDueJobs } = runnerFor("test.slow", async (job) => {
      for (let tick = 0; tick < 6; tick += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        // WHEN another worker looks for due jobs while it runs
        otherClaimed += claimJobs(getWorkerDb(), 10, 300).length;
      }
      await prisma.job.update({ where: { id: job.id }, data: { status: "done" } });
    });
    await prisma.job.create({ data: { shop: TEST_SHOP, type: "test.slow" } });
    await runDueJobs({ leaseMs: 300 });
    // THEN it ran once, and the other worker never got it
    expect(otherClaimed).toBe(0);
    expect(await prisma.job.findFirstOrThrow({ where: { type: "test.slow" } })).toMatchObject({ status: "done", attempts: 1 });
  });

  it("lets a dead worker's jobs go after one lease: another worker claims them then", async () => {
    await prisma.job.create({ data: { shop: TEST_SHOP, type: "test.orphan" } });
    // GIVEN a worker that claimed the job and died (it renews nothing)
    const at = new Date();
    expect(claimJobs(getWorkerDb(), 10, 15_000, at)).toHaveLength(1);
    // THEN nobody gets it before the lease runs out, and the next worker does right after
    expect(claimJobs(getWorkerDb(), 10, 15_000, new Date(at.getTime() + 14_000))).toHaveLength(0);
    expect(claimJobs(getWorkerDb(), 10, 15_000, new Date(at.getTime() + 15_100))).toMatchObject([{ type: "test.orphan", attempts: 2 }]);
  });
});
