import type { HistoryOrder } from "../../domain/outcomes/backtest";
import { isCivilDate } from "../../domain/promise/civil-date";

// ---- A delivery history as `npm run backtest` reads it (docs/backtest.md): CSV with a header line,
// one delivered order per row. Required: ordered_at, delivered_at; optional: shipped_at, method, country,
// region, postal, promised_date. Other columns are ignored.
// The row check is written out instead of a zod schema: zod 3 costs about 30 µs a row here, which is 3 s of
// a 100,000-order backtest that must finish in 10; the messages follow the settings schema's style.

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** An ISO 8601 instant with Z or an offset → epoch ms and the offset in minutes (the row's local calendar), or null. */
function readInstant(text: string): { epochMs: number; offsetMinutes: number } | null {
  const match = INSTANT.exec(text);
  const epochMs = match === null || !isCivilDate(match[1]) ? NaN : Date.parse(text);
  if (match === null || Number.isNaN(epochMs)) return null;
  const offsetMinutes = match[2].toUpperCase() === "Z" ? 0 : (match[3] === "-" ? -1 : 1) * (Number(match[4]) * 60 + Number(match[5]));
  return { epochMs, offsetMinutes };
}

const NOT_AN_INSTANT = "is not an ISO instant with an offset, such as 2026-03-02T10:15:00+01:00";

/** One row (cells by column name, trimmed) → an order, or the problems with it by column. */
function readRow(cell: (name: string) => string): { order: HistoryOrder } | { problems: string[] } {
  const problems: string[] = [];
  const instantIn = (name: string, required: boolean) => {
    const text = cell(name);
    const value = text === "" && !required ? null : readInstant(text);
    if (value === null && (required || text !== "")) problems.push(`${name}: "${text}" ${NOT_AN_INSTANT}`);
    return value;
  };
  const ordered = instantIn("ordered_at", true);
  const delivered = instantIn("delivered_at", true);
  instantIn("shipped_at", false);
  if (ordered !== null && delivered !== null && delivered.epochMs < ordered.epochMs) problems.push(`delivered_at: is before ordered_at`);
  const promisedDate = cell("promised_date");
  if (promisedDate !== "" && !isCivilDate(promisedDate)) problems.push(`promised_date: "${promisedDate}" is not a date written YYYY-MM-DD`);
  if (ordered === null || delivered === null || problems.length > 0) return { problems };
  const text = (name: string, upper = false) => {
    const value = cell(name);
    return value === "" ? null : upper ? value.toUpperCase() : value;
  };
  return {
    order: {
      ...{
        orderedAt: ordered.epochMs,
        orderedOffsetMinutes: ordered.offsetMinutes,
        deliveredAt: delivered.epochMs,
        deliveredOffsetMinutes: delivered.offsetMinutes,
      },
      ...{ method: text("method"), country: text("country", true), region: text("region", true), postal: text("postal") },
      promisedDate: promisedDate === "" ? null : promisedDate,
    },
  };
}

type CsvRecord = { line: number; fields: string[] };

/**
 * CSV records (RFC 4180: a quoted field may hold commas, line breaks and quotes written ""), each with the
 * line it starts on; blank lines are skipped. Fields are sliced, not built character by character.
 */
function readCsv(text: string): { records: CsvRecord[]; error: string | null } {
  const records: CsvRecord[] = [];
  let index = 0;
  let line = 1;
  while (index < text.length) {
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      let value = "";
      if (text[index] === '"') {
        for (index++; ;) {
          const quote = text.indexOf('"', index);
          if (quote < 0) return { records, error: `line ${record.line}: a quoted field is not closed` };
          const part = text.slice(index, quote);
          value += part;
          line += part.split("\n").length - 1;
          if (text[quote + 1] !== '"') {
            index = quote + 1;
            break;
          }
          value += '"';
          index = quote + 2;
        }
      } else {
        let end = index;
        while (end < text.length && text[end] !== "," && text[end] !== "\n" && text[end] !== "\r") end++;
        value = text.slice(index, end);
        index = end;
      }
      record.fields.push(value);
      if (text[index] !== ",") break;
      index++;
    }
    if (text[index] === "\r") index++;
    if (index < text.length && text[index] !== "\n") return { records, error: `line ${line}: unexpected text after a closing quote` };
    index++;
    line++;
    if (record.fields.length > 1 || record.fields[0].trim() !== "") records.push(record);
  }
  return { records, error: null };
}

const REQUIRED = ["ordered_at", "delivered_at"];
const MAX_ERRORS = 20;

/**
 * Reads a delivery history CSV into the backtest's orders, or lists what is wrong with it, each problem
 * naming its line and column (`line 12, delivered_at: "yesterday" is not an ISO instant …`).
 */
export function parseDeliveryHistory(text: string): { ok: true; orders: HistoryOrder[] } | { ok: false; errors: string[] } {
  const csv = readCsv(text.replace(/^\uFEFF/, ""));
  if (csv.error !== null) return { ok: false, errors: [csv.error] };
  const [header, ...records] = csv.records;
  const columns = header?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) return { ok: false, errors: [`line 1: the header needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`] };
  if (records.length === 0) return { ok: false, errors: ["the history has no rows"] };
  const errors: string[] = [];
  const orders: HistoryOrder[] = [];
  const position = new Map(columns.map((name, index) => [name, index]));
  for (const { line, fields } of records) {
    if (fields.length !== columns.length) {
      errors.push(`line ${line}: ${fields.length} fields, but the header has ${columns.length}`);
    } else {
      const row = readRow((name) => {
        const index = position.get(name);
        return index === undefined ? "" : fields[index].trim();
      });
      if ("order" in row) orders.push(row.order);
      else errors.push(...row.problems.map((problem) => `line ${line}, ${problem}`));
    }
    if (errors.length >= MAX_ERRORS) return { ok: false, errors: [...errors, `(stopped after ${MAX_ERRORS} problems)`] };
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, orders };
}
