import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeliveryHistory } from "../../app/schemas/outcomes/delivery-history";
import { generateHistory, historySpec, toCsv } from "../factories/delivery-history";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = "docs/examples/delivery-history.csv";
const folder = mkdtempSync(join(tmpdir(), "kept-backtest-"));

function writeCsv(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

function runCli(args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/backtest.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const HEADER = "ordered_at,delivered_at,method,country,promised_date";

describe("npm run backtest", () => {
  it("prints the lanes and the overall figures for the example history, beside its own promises", () => {
    const { status, stdout, stderr } = runCli(["--history", EXAMPLE, "--target", "0.9"]);

    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("Backtest of 40 orders at target 90.0%, lanes by method, country, padding in days");
    expect(stdout).toMatch(/^overall\s+\d+\s+[\d.]+%/m);
    expect(stdout).toMatch(/^standard \/ SE\s+\d+/m);
    expect(stdout).toContain("| history: kept");
  });

  it("lands within a point of the target tuning hours on a generated year, as one JSON document", () => {
    // GIVEN 6,000 generated orders (seed 1): slow DE weeks, a 20-order lane, a lane from July, weekends, holidays
    const file = writeCsv("year.csv", toCsv(generateHistory(historySpec())));

    const { status, stdout } = runCli(["--history", file, "--target", "0.93", "--unit", "hours", "--lane-by", "method,country", "--json"]);

    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ orders: 6001, laneBy: "method, country", unit: "hour", target: 0.93 });
    expect(Math.abs(result.overall.tuned.keptRate - 0.93)).toBeLessThanOrEqual(0.01);
    expect(result.overall.history.keptRate).toBeLessThan(0.8);
    expect(result.lanes.map((lane: { key: string }) => lane.key)).toContain("standard / NO");
    expect(result).not.toHaveProperty("promises");
  });

  it("tunes carrier days after the settings' raw latest date with --settings", () => {
    const file = writeCsv("settings-year.csv", toCsv(generateHistory(historySpec({ orders: 1500 }))));

    const { status, stdout } = runCli(["--history", file, "--settings", "docs/examples/promise-settings.json", "--json", "--lane-by", "country,postal:1"]);

    // THEN the settings' target (95%) applies; express to SE matches no settings lane and is not promised
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ unit: "carrier day", target: 0.95, laneBy: "country, postal:1" });
    expect(result.overall.notPromised).toBeGreaterThan(150);
    expect(result.lanes.find((lane: { key: string }) => lane.key === "SE / 9").tuned.orders).toBeGreaterThan(50);
  });

  it("names the line and column of each bad row and exits 1", () => {
    const file = writeCsv(
      "bad.csv",
      [
        HEADER,
        "2026-03-02T10:00:00+01:00,2026-03-04T12:00:00+01:00,standard,SE,2026-03-05",
        "2026-03-02T10:00:00,2026-03-04T12:00:00+01:00,standard,SE,",
        "2026-03-02T10:00:00+01:00,2026-03-01T12:00:00+01:00,standard,SE,2026-02-30",
        "2026-03-02T10:00:00+01:00,2026-03-04T12:00:00+01:00,standard",
      ].join("\n"),
    );

    const { status, stdout, stderr } = runCli(["--history", file, "--target", "0.95"]);

    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`line 3, ordered_at: "2026-03-02T10:00:00" is not an ISO instant with an offset`);
    expect(stderr).toContain("line 4, delivered_at: is before ordered_at");
    expect(stderr).toContain(`line 4, promised_date: "2026-02-30" is not a date written YYYY-MM-DD`);
    expect(stderr).toContain("line 5: 3 fields, but the header has 5");
  });

  it.each([
    ["no arguments", [], "--history is required"],
    ["no target", ["--history", EXAMPLE], "--target is required"],
    ["a target above 1", ["--history", EXAMPLE, "--target", "95"], "--target must be a share between 0 and 1"],
    [
      "an unknown lane part",
      ["--history", EXAMPLE, "--target", "0.9", "--lane-by", "method,city"],
      '--lane-by takes method, country, region and postal:N (N ≥ 1); got "city"',
    ],
    [
      "hours with settings",
      ["--history", EXAMPLE, "--settings", "docs/examples/promise-settings.json", "--unit", "hours"],
      "--unit applies without --settings",
    ],
    ["an unknown option", ["--history", EXAMPLE, "--target", "0.9", "--shop", "kept"], "Unknown option '--shop'"],
  ])("exits 2 with the usage for %s", (_case, args, message) => {
    const { status, stdout, stderr } = runCli(args);

    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: npm run backtest -- --history <file.csv>");
  });
});

describe("reading a delivery history", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF line ends and extra columns", () => {
    const text = [
      `${HEADER},note`,
      `2026-03-02T10:00:00+01:00,2026-03-04T12:00:00-05:00,"PostNord, ""MyPack""",se,,"first line`,
      `second line"`,
      `2026-03-02T23:30:00Z,2026-03-04T09:00:00.250+0530,standard,US,2026-03-06,`,
      "",
    ].join("\r\n");

    const parsed = parseDeliveryHistory(text);

    expect(parsed).toEqual({
      ok: true,
      orders: [
        {
          ...{
            orderedAt: Date.parse("2026-03-02T09:00:00Z"),
            orderedOffsetMinutes: 60,
            deliveredAt: Date.parse("2026-03-04T17:00:00Z"),
            deliveredOffsetMinutes: -300,
          },
          ...{ method: 'PostNord, "MyPack"', country: "SE", region: null, postal: null, promisedDate: null },
        },
        {
          ...{
            orderedAt: Date.parse("2026-03-02T23:30:00Z"),
            orderedOffsetMinutes: 0,
            deliveredAt: Date.parse("2026-03-04T03:30:00.250Z"),
            deliveredOffsetMinutes: 330,
          },
          ...{ method: "standard", country: "US", region: null, postal: null, promisedDate: "2026-03-06" },
        },
      ],
    });
  });

  it.each([
    ["a missing column", "ordered_at,method\n2026-03-02T10:00:00Z,standard\n", "line 1: the header needs the column delivered_at"],
    ["no rows", `${HEADER}\n`, "the history has no rows"],
    ["an open quote", `${HEADER}\n2026-03-02T10:00:00Z,2026-03-03T10:00:00Z,"standard,SE,\n`, "line 2: a quoted field is not closed"],
    ["text after a closing quote", `${HEADER}\n2026-03-02T10:00:00Z,2026-03-03T10:00:00Z,"standard"x,SE,\n`, "line 2: unexpected text after a closing quote"],
  ])("refuses %s", (_case, text, error) => {
    expect(parseDeliveryHistory(text)).toEqual({ ok: false, errors: [error] });
  });
});
