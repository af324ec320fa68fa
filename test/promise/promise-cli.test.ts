import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = "docs/examples/promise-settings.json";

function runCli(args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/promise.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("scripts/promise.ts on the example Swedish shop", () => {
  it.each([
    // Thu 18 Jun 12:00 CEST, before the 14:00 cut-off. Fri 19 Jun is midsommarafton (closed for warehouse and carrier).
    [
      "Stockholm",
      "SE:11122",
      { shipFrom: "2026-06-18", shipBy: "2026-06-22", earliest: "2026-06-22", latest: "2026-06-24", promised: "2026-06-25", lane: { id: "se-standard" } },
    ],
    [
      "Kiruna (postal prefix 9)",
      "SE:981 32",
      { shipBy: "2026-06-22", earliest: "2026-06-23", latest: "2026-06-26", promised: "2026-06-29", lane: { id: "se-north" } },
    ],
    ["Munich", "DE-BY:80331", { earliest: "2026-06-23", latest: "2026-06-26", promised: "2026-06-29", lane: { id: "de-standard" } }],
  ])("promises delivery to %s", (_case, to, expected) => {
    const { status, stdout } = runCli(["--settings", EXAMPLE, "--at", "2026-06-18T10:00:00Z", "--method", "standard", "--to", to]);

    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, paddingDays: 1, ...expected });
  });

  it("starts after the summer closure for an order placed during it", () => {
    // Wed 15 Jul 2026, warehouse closed 13–24 Jul → processing starts Mon 27 Jul.
    const { stdout } = runCli(["--settings", EXAMPLE, "--at", "2026-07-15T08:00:00Z", "--method", "standard", "--to", "SE"]);

    expect(JSON.parse(stdout)).toMatchObject({ ok: true, shipFrom: "2026-07-27", shipBy: "2026-07-28", promised: "2026-07-31" });
  });

  it("matches the express lane by title and declines when no lane fits", () => {
    const express = runCli(["--settings", EXAMPLE, "--at", "2026-06-18T10:00:00Z", "--title", "DHL Express Worldwide", "--to", "US-CA"]);
    const none = runCli(["--settings", EXAMPLE, "--at", "2026-06-18T10:00:00Z", "--title", "DHL Express Worldwide", "--to", "DE"]);

    expect(JSON.parse(express.stdout)).toMatchObject({ ok: true, lane: { id: "us-express" } });
    expect(none.status).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, reason: "no-lane" });
  });

  it("prints field errors and exits 1 for an invalid settings file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kept-promise-")), "bad.json");
    writeFileSync(file, JSON.stringify({ version: 1, shop: { timeZone: "Europe/Stockholm", country: "SE" }, cutoffs: { mon: "25:00" } }));

    const { status, stdout, stderr } = runCli(["--settings", file, "--at", "2026-06-18T10:00:00Z", "--method", "standard", "--to", "SE"]);

    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('cutoffs.mon: Use a 24-hour time "HH:MM"');
    expect(stderr).toContain("processingDays: Required");
  });

  it.each([
    ["a time without a zone", ["--at", "2026-12-01T10:00"], "--at must be an ISO instant with Z or an offset"],
    ["a time that is not a date", ["--at", "yesterday"], "--at must be an ISO instant with Z or an offset"],
    ["a malformed destination", ["--to", "Sweden"], "--to must look like SE"],
    ["an unknown destination zone", ["--tz", "Mars/Olympus"], "--tz must be an IANA time zone"],
    ["an unknown option", ["--shop", "kept-demo"], "Unknown option '--shop'"],
  ])("exits 1 with a message for bad arguments: %s", (_case, override, message) => {
    const args = { "--settings": EXAMPLE, "--at": "2026-12-01T10:00:00Z", "--method": "standard", "--to": "SE" } as Record<string, string>;
    for (let index = 0; index < override.length; index += 2) args[override[index]] = override[index + 1];

    const { status, stdout, stderr } = runCli(Object.entries(args).flat());

    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("exits 1 with the usage when a required argument is missing", () => {
    const { status, stderr } = runCli(["--settings", EXAMPLE, "--at", "2026-12-01T10:00:00Z", "--to", "SE"]);

    expect(status).toBe(1);
    expect(stderr).toContain("Usage:");
  });

  it('answers for the README\'s "Settings file format" example (the document the settings page saves)', () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Settings file format"));
    const jsonc = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const file = join(mkdtempSync(join(tmpdir(), "kept-promise-")), "readme.json");
    writeFileSync(file, jsonc.replace(/\/\/[^\n]*/g, ""));

    const { status, stdout, stderr } = runCli(["--settings", file, "--at", "2026-12-01T09:00:00Z", "--method", "standard", "--to", "SE"]);

    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, lane: { id: "se-standard" }, promised: "2026-12-07" });
  });
});
