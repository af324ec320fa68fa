/**
 * Ask the promise engine one question from the command line.
 *
 *   npx tsx scripts/promise.ts --settings docs/examples/promise-settings.json \
 *     --at 2026-06-18T10:00:00Z --method standard --to SE:11122 [--title "PostNord"] [--tz Europe/Stockholm]
 *
 * Prints the engine's answer as JSON. Exit codes: 0 promise given, 2 engine declined (e.g. no lane),
 * 1 bad arguments or settings (field errors on stderr).
 */
import { readFileSync } from "node:fs";
import { readFlags } from "./cli-arguments";
import { isKnownTimeZone, wallClockAt } from "../app/domain/promise/civil-date";
import { computePromise, parseOrderInstant, type PromiseRequest } from "../app/domain/promise/compute-promise";
import { promiseSettingsSchema, toPromiseConfig } from "../app/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "../app/services/promise/expand-closed-dates.server";
import { errorText } from "../app/domain/errors/error-text";

const USAGE =
  "Usage: tsx scripts/promise.ts --settings <file.json> --at <ISO instant> --method <handle> " +
  "--to <country[-region][:postal]> [--title <method title>] [--tz <destination IANA zone>]";

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function parseDestination(to: string): PromiseRequest["destination"] | null {
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?(?::(.+))?$/.exec(to);
  if (!match) return null;
  return { countryCode: match[1].toUpperCase(), provinceCode: match[2]?.toUpperCase(), postalCode: match[3] };
}

function readSettings(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error: unknown) {
    fail([`Cannot read settings ${file}: ${errorText(error)}`]);
  }
  const parsed = promiseSettingsSchema.safeParse(json);
  if (!parsed.success) {
    fail([`Invalid settings in ${file}:`, ...parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)]);
  }
  return parsed.data;
}

const OPTIONS = {
  settings: { type: "string" },
  at: { type: "string" },
  method: { type: "string" },
  title: { type: "string" },
  to: { type: "string" },
  tz: { type: "string" },
} as const;

/** The arguments, or exit 1: every mistake in the command line is "bad arguments", never an engine answer. */
function readArguments() {
  const values = readFlags(OPTIONS, (message) => fail([message, USAGE]));
  if (!values.settings || !values.at || (!values.method && !values.title) || !values.to) fail([USAGE]);
  const destination = parseDestination(values.to);
  if (destination === null) fail([`--to must look like SE, DE-BY, SE:11122 or US-CA:94103; got "${values.to}"`, USAGE]);
  // The engine's own rule: an instant needs Z or an offset (a zone-less time would depend on this machine's zone).
  const orderedAtMs = parseOrderInstant(values.at);
  if (orderedAtMs === null)
    fail([`--at must be an ISO instant with Z or an offset, such as 2026-06-18T10:00:00Z or 2026-06-18T12:00+02:00; got "${values.at}"`]);
  if (values.tz !== undefined && !isKnownTimeZone(values.tz)) fail([`--tz must be an IANA time zone such as America/Los_Angeles; got "${values.tz}"`]);
  return { settingsFile: values.settings, at: values.at, orderedAtMs, method: values.method, title: values.title, destination, tz: values.tz };
}

function main(): void {
  const args = readArguments();
  const settings = readSettings(args.settingsFile);
  // Holidays are expanded from the order's date in the shop calendar, never from the machine clock.
  const startDate = wallClockAt(args.orderedAtMs, settings.shop.timeZone).date;
  let closedDates;
  try {
    closedDates = expandClosedDatesForSettings(settings, startDate);
  } catch (error: unknown) {
    fail([`Cannot expand holidays: ${errorText(error)}`]);
  }
  const result = computePromise(toPromiseConfig(settings, closedDates), {
    orderedAt: args.at,
    method: { handle: args.method, title: args.title },
    destination: { ...args.destination, timeZone: args.tz },
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.ok ? 0 : 2;
}

main();
