/**
 * What the padding tuner would have promised on a shop's own delivery history (docs/backtest.md).
 *
 *   npm run backtest -- --history <file.csv> --target 0.95 [--settings <file.json>] [--lane-by method,country]
 *     [--unit days|hours] [--json]
 *
 * Exit codes: 0 done, 1 unreadable or invalid history or settings (each problem with its line and column),
 * 2 bad arguments (with the usage text).
 */
import { readFileSync } from "node:fs";
import { readFlags } from "./cli-arguments";
import { runBacktest, type BacktestResult, type Figures, type HistoryOrder, type LanePart, type PromiseScale } from "../app/domain/outcomes/backtest";
import { errorText } from "../app/domain/errors/error-text";
import { addDays, wallClockAt } from "../app/domain/promise/civil-date";
import { parseDeliveryHistory } from "../app/schemas/outcomes/delivery-history";
import { promiseSettingsSchema, toPromiseConfig } from "../app/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "../app/services/promise/expand-closed-dates.server";

const USAGE = [
  "Usage: npm run backtest -- --history <file.csv> --target <0..1> [--settings <file.json>] [--lane-by <parts>] [--unit days|hours] [--json]",
  "  --history   CSV with ordered_at and delivered_at (ISO instants with offset); optional shipped_at, method, country, region, postal, promised_date",
  "  --target    the kept-rate to reach, e.g. 0.95 (with --settings, defaults to its targetKeptRate)",
  "  --settings  a promise settings document: promise = its raw latest date + tuned padding in carrier days",
  "  --lane-by   comma-separated lane parts: method, country, region, postal:N (first N characters); default method,country",
  "  --unit      without --settings: tune whole days after the order's date (default) or hours after its instant",
  "  --json      print one JSON document instead of the table",
].join("\n");

function usageError(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function parseLaneBy(text: string): LanePart[] {
  return text.split(",").map((part) => {
    const name = part.trim();
    if (name === "method" || name === "country" || name === "region") return { field: name };
    const postal = /^postal:([1-9]\d?)$/.exec(name);
    if (postal) return { field: "postal", length: Number(postal[1]) };
    return usageError(`--lane-by takes method, country, region and postal:N (N ≥ 1); got "${name}"`);
  });
}

const OPTIONS = {
  history: { type: "string" },
  target: { type: "string" },
  settings: { type: "string" },
  "lane-by": { type: "string" },
  unit: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

function readArguments() {
  const values = readFlags(OPTIONS, usageError);
  if (values.help) usageError("");
  if (!values.history) usageError("--history is required");
  const target = values.target === undefined ? null : Number(values.target);
  if (target !== null && !(target > 0 && target < 1)) usageError(`--target must be a share between 0 and 1, such as 0.95; got "${values.target}"`);
  if (target === null && !values.settings) usageError("--target is required (or --settings, whose targetKeptRate is used)");
  if (values.unit !== undefined && values.unit !== "days" && values.unit !== "hours") usageError(`--unit must be days or hours; got "${values.unit}"`);
  if (values.unit !== undefined && values.settings) usageError("--unit applies without --settings (with it, padding is in carrier days)");
  const laneBy = parseLaneBy(values["lane-by"] ?? "method,country");
  return { history: values.history, target, settings: values.settings, laneBy, unit: values.unit ?? "days", json: values.json ?? false };
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error: unknown) {
    return fail([`Cannot read the ${what} ${file}: ${errorText(error)}`]);
  }
}

/** The settings as a PromiseConfig whose closed dates cover the whole history (holidays expanded from its first day). */
function readSettings(file: string, orders: readonly HistoryOrder[]) {
  let json: unknown;
  try {
    json = JSON.parse(readText(file, "settings"));
  } catch (error: unknown) {
    fail([`Cannot read settings ${file}: ${errorText(error)}`]);
  }
  const parsed = promiseSettingsSchema.safeParse(json);
  if (!parsed.success) fail([`Invalid settings in ${file}:`, ...parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)]);
  const settings = parsed.data;
  const first = orders.reduce((min, order) => Math.min(min, order.orderedAt), Infinity);
  const last = orders.reduce((max, order) => Math.max(max, order.deliveredAt), -Infinity);
  const startDate = addDays(wallClockAt(first, settings.shop.timeZone).date, -1);
  // The history's span plus room for the latest promise (the settings' own horizon is for promising from today).
  const horizonDays = Math.ceil((last - first) / 86_400_000) + 120;
  try {
    const closedDates = expandClosedDatesForSettings({ ...settings, horizonDays }, startDate);
    return { config: toPromiseConfig(settings, closedDates), target: settings.targetKeptRate };
  } catch (error: unknown) {
    return fail([`Cannot expand holidays: ${errorText(error)}`]);
  }
}

const percent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);
const days = (value: number | null) => (value === null ? "–" : value.toFixed(2));

function figureCells(figures: Figures | null): string[] {
  if (figures === null) return ["", "", "", ""];
  return [percent(figures.keptRate), days(figures.meanLeadDays), days(figures.meanDaysEarly), percent(figures.lateShare)];
}

function printTable(result: BacktestResult, laneBy: string, orders: number): void {
  const hasHistory = result.overall.history !== null;
  const header = ["lane", "orders", "kept", "lead", "early", "late", "padding", "changes"];
  if (hasHistory) header.push("| history: kept", "lead", "early", "late");
  const rows = [
    ["overall", String(result.overall.tuned.orders), ...figureCells(result.overall.tuned), "", "", ...(hasHistory ? figureCells(result.overall.history) : [])],
    ...result.lanes.map((lane) => [
      lane.key,
      String(lane.tuned.orders),
      ...figureCells(lane.tuned),
      lane.padding === null ? "–" : String(lane.padding),
      String(lane.changes.length),
      ...(hasHistory ? figureCells(lane.history) : []),
    ]),
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(`Backtest of ${orders} orders at target ${percent(result.target)}, lanes by ${laneBy}, padding in ${result.unit}s`);
  console.log("");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log("kept: promises met · lead: mean days from the order's date to the promised date · early: mean days early of the kept ones");
  console.log(`late: share of promises missed · padding: the lane's last padding (${result.unit}s) · changes: how often it moved`);
  if (hasHistory) console.log("history: the promised_date column (the promises the shop really made) over the same orders");
  if (result.overall.notPromised > 0) {
    console.log(`${result.overall.notPromised} orders were not promised (before enough arrivals were known, or no settings lane matched); they count nowhere.`);
  }
}

function main(): void {
  const args = readArguments();
  const history = parseDeliveryHistory(readText(args.history, "history"));
  if (!history.ok) fail([`Invalid history in ${args.history}:`, ...history.errors.map((error) => `  ${error}`)]);
  let scale: PromiseScale = { kind: args.unit === "hours" ? "hours" : "days" };
  let target = args.target;
  if (args.settings) {
    const settings = readSettings(args.settings, history.orders);
    scale = { kind: "settings", config: settings.config };
    target ??= settings.target;
  }
  const result = runBacktest(history.orders, { target: target as number, laneBy: args.laneBy, scale });
  const laneBy = args.laneBy.map((part) => (part.field === "postal" ? `postal:${part.length}` : part.field)).join(", ");
  if (args.json) {
    const { promises: _promises, ...document } = result;
    console.log(JSON.stringify({ orders: history.orders.length, laneBy, ...document }, null, 2));
  } else {
    printTable(result, laneBy, history.orders.length);
  }
}

main();
