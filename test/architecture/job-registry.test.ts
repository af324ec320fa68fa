import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CAPABILITY_JOBS } from "~/services/jobs/all-jobs.server";
import { composeJobs } from "~/services/jobs/job-registry.server";

// Each capability registers its job types in app/services/<capability>/<capability>-jobs.server.ts, and
// app/services/jobs/all-jobs.server.ts lists those files: nothing else names job handlers.

const SERVICES = "app/services";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("job registration per capability", () => {
  it("lists every capability's jobs file once, under its folder's name", () => {
    const withJobs = readdirSync(SERVICES).filter((folder) => existsSync(path.join(SERVICES, folder, `${folder}-jobs.server.ts`)));
    expect(CAPABILITY_JOBS.map((jobs) => jobs.capability).sort()).toEqual(withJobs.sort());
  });

  it("gives every job type one owner", () => {
    expect(() => composeJobs(CAPABILITY_JOBS)).not.toThrow();
    expect(() => composeJobs([...CAPABILITY_JOBS, CAPABILITY_JOBS[0]])).toThrow(/registered by both/);
  });

  it("has a handler for every job type the code queues", () => {
    const registry = composeJobs(CAPABILITY_JOBS);
    const queued = new Set<string>();
    for (const file of sourceFiles("app")) {
      const text = readFileSync(file, "utf8");
      // `type: "promise.sync-config"` in a NewJob, `FOO_JOB = "..."` constants and the INSERT_JOBS table.
      for (const match of text.matchAll(/(?:\btype: |_JOB = |^\s+\w+: )"([a-z]+\.[a-z-]+)"/gm)) queued.add(match[1]);
    }
    expect(queued.size).toBeGreaterThan(5);
    expect([...queued].filter((type) => !registry.handlers.has(type))).toEqual([]);
  });
});
