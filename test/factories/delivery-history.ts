/**
 * Synthetic delivery histories for the backtest (seeded, so every run is the same): a Stockholm shop shipping
 * Mon–Fri with a 14:00 cut-off, carriers that deliver Mon–Fri and not on Swedish holidays, lanes with heavy
 * tails, one carrier slowing for three weeks, a lane of 20 orders and a lane that starts mid-history.
 *
 *   npx tsx test/factories/delivery-history.ts --orders 100000 [--seed 7] [--days 364] > /tmp/history.csv
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { addDays, startOfDayInstant, wallClockAt, weekdayOf, type CivilDate } from "../../app/domain/promise/civil-date";
import { createRng } from "../../scripts/simulator/random";

interface LaneSpec {
  method: string;
  country: string;
  region?: string;
  /** Postal codes start with one of these. */
  postalPrefixes: string[];
  timeZone: string;
  /** Share of the generated orders (lanes with `count` take theirs first). */
  share?: number;
  /** A fixed number of orders instead of a share. */
  count?: number;
  /** The first day (from the start) with orders. */
  startDay?: number;
  /** Carrier delivery days after shipping: base, plus a geometric spread (mean `spread`), plus a rare heavy tail. */
  transit: { base: number; spread: number; tailChance: number; tailDays: number };
  /** The shop's own promise (`promised_date`): calendar days after the order's date. */
  promisedDays: number;
}

export interface HistorySpec {
  seed: number;
  orders: number;
  start: CivilDate;
  days: number;
  lanes: LaneSpec[];
  /** The carrier of one lane (method / country) takes `extraDays` more for parcels shipped in [fromDay, fromDay + days). */
  slowdown: { lane: string; fromDay: number; days: number; extraDays: number } | null;
  /** Closed for the warehouse and the carriers. */
  holidays: CivilDate[];
}

const SHOP_ZONE = "Europe/Stockholm";

/** The default scenario: a year from Mon 5 Jan 2026. */
export function historySpec(overrides: Partial<HistorySpec> = {}): HistorySpec {
  const se = { country: "SE", timeZone: "Europe/Stockholm" };
  return {
    seed: 1,
    orders: 6000,
    start: "2026-01-05",
    days: 364,
    lanes: [
      {
        method: "standard",
        ...se,
        postalPrefixes: ["1", "2", "4", "5"],
        share: 0.4,
        transit: { base: 1, spread: 0.4, tailChance: 0.03, tailDays: 4 },
        promisedDays: 4,
      },
      { method: "standard", ...se, postalPrefixes: ["9"], share: 0.06, transit: { base: 2, spread: 1, tailChance: 0.05, tailDays: 5 }, promisedDays: 6 },
      { method: "express", ...se, postalPrefixes: ["1", "4"], share: 0.14, transit: { base: 1, spread: 0.2, tailChance: 0.01, tailDays: 2 }, promisedDays: 2 },
      {
        method: "standard",
        country: "DE",
        region: "BY",
        postalPrefixes: ["80", "90"],
        timeZone: "Europe/Berlin",
        share: 0.22,
        transit: { base: 2, spread: 1, tailChance: 0.05, tailDays: 6 },
        promisedDays: 6,
      },
      {
        method: "standard",
        country: "US",
        region: "NY",
        postalPrefixes: ["10"],
        timeZone: "America/New_York",
        share: 0.12,
        transit: { base: 4, spread: 1, tailChance: 0.06, tailDays: 6 },
        promisedDays: 12,
      },
      {
        method: "standard",
        country: "FI",
        postalPrefixes: ["00"],
        timeZone: "Europe/Helsinki",
        share: 0.06,
        startDay: 182,
        transit: { base: 2, spread: 0.7, tailChance: 0.03, tailDays: 4 },
        promisedDays: 5,
      },
      {
        method: "standard",
        country: "NO",
        postalPrefixes: ["0"],
        timeZone: "Europe/Oslo",
        count: 20,
        transit: { base: 2, spread: 1, tailChance: 0.05, tailDays: 4 },
        promisedDays: 6,
      },
    ],
    slowdown: { lane: "standard / DE", fromDay: 140, days: 21, extraDays: 3 },
    holidays: ["2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-06-19", "2026-12-24", "2026-12-25", "2026-12-31"],
    ...overrides,
  };
}

/** The simulator's seeded generator (mulberry32), uniform in [0, 1). */
const seededRandom = (seed: number): (() => number) => createRng(seed).next;

/** An instant written with the offset its zone has then, e.g. "2026-03-02T10:15:00+01:00". */
function isoInZone(epochMs: number, timeZone: string): string {
  const { date, minuteOfDay } = wallClockAt(epochMs, timeZone);
  const offset = Math.round((Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000 - (epochMs - (epochMs % 60_000))) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const pad = (n: number) => String(n).padStart(2, "0");
  const seconds = Math.floor((epochMs % 60_000) / 1000);
  return `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:${pad(seconds)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export interface HistoryRow {
  ordered_at: string;
  shipped_at: string;
  delivered_at: string;
  method: string;
  country: string;
  region: string;
  postal: string;
  promised_date: CivilDate;
}

/** The orders of the scenario, in order of `ordered_at`. */
export function generateHistory(spec: HistorySpec): HistoryRow[] {
  const random = seededRandom(spec.seed);
  const holidays = new Set(spec.holidays);
  const isOpen = (date: CivilDate) => !holidays.has(date) && !["sat", "sun"].includes(weekdayOf(date));
  /** The first open day on or after `date`, then `after` open days later. */
  const nextOpen = (date: CivilDate, after: number) => {
    let day = date;
    while (!isOpen(day)) day = addDays(day, 1);
    for (let left = after; left > 0; left--) {
      do day = addDays(day, 1);
      while (!isOpen(day));
    }
    return day;
  };
  const fixed = spec.lanes.reduce((sum, lane) => sum + (lane.count ?? 0), 0);
  const shares = spec.lanes.reduce((sum, lane) => sum + (lane.share ?? 0), 0);
  const rows: { at: number; row: HistoryRow }[] = [];
  for (const lane of spec.lanes) {
    const orders = lane.count ?? Math.round(((spec.orders - fixed) * (lane.share ?? 0)) / shares);
    const first = lane.startDay ?? 0;
    const key = `${lane.method} / ${lane.country}`;
    for (let n = 0; n < orders; n++) {
      const dayIndex = first + Math.floor(random() * (spec.days - first));
      const date = addDays(spec.start, dayIndex);
      // Shoppers order between 07:00 and 23:00 shop time.
      const at = startOfDayInstant(date, SHOP_ZONE) + Math.floor((7 + random() * 16) * 3_600_000);
      const clock = wallClockAt(at, SHOP_ZONE);
      const sameDay = isOpen(clock.date) && clock.minuteOfDay < 14 * 60;
      const shipDate = nextOpen(sameDay ? clock.date : addDays(clock.date, 1), random() < 0.8 ? 0 : 1);
      const shipDay = Math.round((Date.parse(shipDate) - Date.parse(spec.start)) / 86_400_000);
      const { base, spread, tailChance, tailDays } = lane.transit;
      let transit = base;
      while (random() < spread / (1 + spread)) transit++;
      if (random() < tailChance) transit += 1 + Math.floor(random() * tailDays);
      const slow = spec.slowdown;
      if (slow !== null && slow.lane === key && shipDay >= slow.fromDay && shipDay < slow.fromDay + slow.days) transit += slow.extraDays;
      const deliveredDate = nextOpen(shipDate, transit);
      const shippedAt = startOfDayInstant(shipDate, SHOP_ZONE) + 16 * 3_600_000;
      const deliveredAt = startOfDayInstant(deliveredDate, lane.timeZone) + Math.floor((9 + random() * 9) * 3_600_000);
      let postal = lane.postalPrefixes[Math.floor(random() * lane.postalPrefixes.length)];
      while (postal.length < 5) postal += String(Math.floor(random() * 10));
      rows.push({
        at,
        row: {
          ordered_at: isoInZone(at, SHOP_ZONE),
          shipped_at: isoInZone(shippedAt, SHOP_ZONE),
          delivered_at: isoInZone(deliveredAt, lane.timeZone),
          method: lane.method,
          country: lane.country,
          region: lane.region ?? "",
          postal,
          promised_date: addDays(clock.date, lane.promisedDays),
        },
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map(({ row }) => row);
}

const COLUMNS = ["ordered_at", "shipped_at", "delivered_at", "method", "country", "region", "postal", "promised_date"] as const;

/** The rows as a CSV document with a header line. */
export function toCsv(rows: readonly HistoryRow[]): string {
  return [COLUMNS.join(","), ...rows.map((row) => COLUMNS.map((column) => row[column]).join(","))].join("\n") + "\n";
}

function main(): void {
  const { values } = parseArgs({ options: { orders: { type: "string" }, seed: { type: "string" }, days: { type: "string" } } });
  const spec = historySpec({ orders: Number(values.orders ?? 6000), seed: Number(values.seed ?? 1), days: Number(values.days ?? 364) });
  process.stdout.write(toCsv(generateHistory(spec)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
