import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "~/models/db/prisma.server";
import { parseStoredFollowUpRule } from "~/schemas/follow-ups/follow-up-rule";
import { DEMO_ENV } from "../../scripts/demo-env.mjs";
import { DEMO_WEEK_START } from "../../scripts/simulator/scenario-demo";
import { freshDatabaseUrl } from "../support/app-process";

// The demo's follow-up rules as `npm run demo` seeds them after the history: valid, made at the start of the
// simulator's demo week (so its orders, and not the history's earlier ones, are theirs to write to), and once.

describe("the demo's follow-up rules", () => {
  it("are seeded once, valid, made at the start of the demo week", async () => {
    const { PORT: _port, ...env } = DEMO_ENV;
    const databaseUrl = freshDatabaseUrl();
    const seed = (...flags: string[]) => {
      const run = spawnSync("npx", ["tsx", "scripts/seed-demo.ts", ...flags], { env: { ...process.env, ...env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    // GIVEN the shop seeded without rules, WHEN the rules are seeded twice
    expect(seed("--no-rules")).not.toMatch(/rules saved/);
    expect(seed("--insert-rules-only", "--follow-up-rules-only")).toContain("[demo] 3 follow-up rules saved, speaking from 2026-11-16");
    expect(seed("--insert-rules-only", "--follow-up-rules-only")).not.toMatch(/rules saved/);
    // THEN there are three, each as the scheduler reads it
    const db = createPrismaClient(databaseUrl);
    try {
      const rules = await db.followUpRule.findMany({ orderBy: { id: "asc" } });
      const start = new Date(DEMO_WEEK_START).toISOString();
      expect(rules.map((rule) => [rule.id, rule.trigger, rule.active, rule.createdAt.toISOString()])).toEqual([
        ["demo-apology", "apology", true, start],
        ["demo-care-advice", "care-advice", true, start],
        ["demo-shipped-early", "shipped-early", true, start],
      ]);
      expect(rules.map((rule) => parseStoredFollowUpRule(rule.document)?.delay)).toEqual([
        { days: 0, hours: 0 },
        { days: 3, hours: 0 },
        { days: 0, hours: 0 },
      ]);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
