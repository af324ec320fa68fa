import type { StoredVerdict } from "../outcomes/describe-outcome";

// The Orders export: one CSV line per order with its promise and the verdict on it (RFC 4180: comma,
// CRLF, fields quoted when they hold a comma, quote or line break). Its columns `ordered_at`, `shipped_at`,
// `delivered_at`, `method`, `country`, `region` and `promised_date` are the backtest's history format
// (docs/backtest.md), so an export can be replayed with `npm run backtest`.

/** What a line reads of an order (the Orders page's row): the stored verdict and more. Instants are Dates; dates are civil dates. */
export type OrdersCsvRow = Pick<StoredVerdict, "verdict" | "daysEarly" | "lateCause" | "risk" | "reason" | "arrivalKind" | "arrivalDate"> & {
  name: string;
  orderedAt: Date;
  customerName: string | null;
  email: string | null;
  shippingMethod: string | null;
  shipCountry: string | null;
  laneKey: string | null;
  laneLabel: string | null;
  shipBy: string | null;
  shippedAt: Date | null;
  promisedDate: string | null;
  arrivalAt: Date | null;
};

const COLUMNS: [string, (row: OrdersCsvRow) => string | number | null][] = [
  ["order", (row) => row.name],
  ["ordered_at", (row) => row.orderedAt.toISOString()],
  ["customer", (row) => row.customerName],
  ["email", (row) => row.email],
  ["method", (row) => row.shippingMethod],
  ["country", (row) => row.shipCountry],
  ["lane", (row) => row.laneKey],
  ["lane_label", (row) => row.laneLabel],
  ["ship_by", (row) => row.shipBy],
  ["shipped_at", (row) => row.shippedAt?.toISOString() ?? null],
  ["promised_date", (row) => row.promisedDate],
  // Only a confirmed arrival is a delivery; an inferred one is in `arrival` and `arrival_date`.
  ["delivered_at", (row) => (row.arrivalKind === "confirmed" ? (row.arrivalAt?.toISOString() ?? null) : null)],
  ["arrival", (row) => row.arrivalKind],
  ["arrival_date", (row) => row.arrivalDate],
  ["outcome", (row) => (row.verdict === "open" ? (row.risk ? "at_risk" : "on_its_way") : row.verdict)],
  ["days_early", (row) => row.daysEarly],
  ["late_cause", (row) => row.lateCause],
  ["risk", (row) => row.risk],
  ["not_counted_reason", (row) => row.reason],
];

/**
 * One field: quoted when it must be, and a text a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * its start: a customer's name is free text) starts with an apostrophe. Numbers stay numbers.
 */
function field(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function ordersCsvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
}

export function ordersCsvLine(row: OrdersCsvRow): string {
  return `${COLUMNS.map(([, read]) => field(read(row))).join(",")}\r\n`;
}
