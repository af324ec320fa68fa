import { describe, expect, it } from "vitest";
import { describeJobState, type JobRow } from "./job-state";

const job = (overrides: Partial<JobRow>): JobRow => ({
  id: "job-1",
  status: "pending",
  attempts: 0,
  maxAttempts: 8,
  lastError: null,
  runAt: new Date("2026-11-23T10:00:05Z"),
  finishedAt: null,
  ...overrides,
});

describe("a job as the merchant sees it", () => {
  it.each<[string, JobRow | null, Record<string, unknown>]>([
    ["no job", null, { state: "none" }],
    ["queued, never tried", job({}), { state: "pending", jobId: "job-1" }],
    ["running its second attempt", job({ status: "running", attempts: 2 }), { state: "running", attempt: 2 }],
    [
      "failed once, waiting to retry",
      job({ attempts: 1, lastError: "Error: Throttled" }),
      { state: "retrying", attempts: 1, maxAttempts: 8, lastError: "Error: Throttled", nextAttemptAt: new Date("2026-11-23T10:00:05Z") },
    ],
    ["retried by the merchant (attempts reset)", job({ attempts: 0, lastError: "Error: old" }), { state: "pending" }],
    [
      "done",
      job({ status: "done", attempts: 1, finishedAt: new Date("2026-11-23T10:00:01Z") }),
      { state: "succeeded", finishedAt: new Date("2026-11-23T10:00:01Z") },
    ],
    ["dead", job({ status: "dead", attempts: 8, lastError: "Error: fetch failed" }), { state: "dead", attempts: 8, lastError: "Error: fetch failed" }],
    ["cancelled at uninstall", job({ status: "cancelled", lastError: "cancelled: shop uninstalled or redacted" }), { state: "cancelled" }],
  ])("%s", (_name, row, expected) => {
    expect(describeJobState(row)).toMatchObject(expected);
  });
});
