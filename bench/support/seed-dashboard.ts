// bench:dashboard's data: one shop with ~6 months of orders (fulfillments, carrier scans, promises and
// outcomes, as the worker would have stored them; bench/support/dashboard-story.ts) and one shop with only
// its install, written straight into a migrated SQLite file with prepared statements in one transaction.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { orderStory, random } from "./dashboard-story";
import { rowsOf } from "./dashboard-rows";

const DAY_MS = 86_400_000;

type DashboardSeed = {
  orders: number;
  fulfillments: number;
  scans: number;
  late: number;
  open: number;
  inTransit: number;
  orderLegacyId: string;
  seconds: number;
};

/** A date as Prisma's SQLite adapter writes it (models/db/sqlite.server.ts `sqliteDate`). */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const value = (field: unknown) => (field instanceof Date ? iso(field.getTime()) : typeof field === "boolean" ? Number(field) : field);

/** An insert into `table` of rows that all have the columns of the first one (checked), prepared once. */
function writer(db: Database.Database, table: string) {
  let statement: Database.Statement | undefined;
  let columns: string[] = [];
  return (row: Record<string, unknown>) => {
    if (!statement) {
      columns = Object.keys(row);
      statement = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    }
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((key) => !columns.includes(key)))
      throw new Error(`${table}: a row with other columns (${keys.join(", ")})`);
    statement.run(...columns.map((column) => value(row[column])));
  };
}

/**
 * Seeds `shop` with `orders` orders placed over the 182 days before `now` (orderStory), with one parcel each
 * once shipped and three or four scans per delivered parcel, and `emptyShop` with its install only. Both
 * get an offline session with `scopes`, so the admin authenticates them with session tokens.
 */
export function seedDashboard(file: string, options: { shop: string; emptyShop: string; orders: number; now: Date; scopes: string }): DashboardSeed {
  const started = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const [session, shopRow, settings] = [writer(db, "Session"), writer(db, "Shop"), writer(db, "PromiseSettingsVersion")];
  const [order, searchTerm, fulfillment, scan, promise, outcome] = [
    "Order",
    "OrderSearchTerm",
    "Fulfillment",
    "DeliveryEvent",
    "DeliveryPromise",
    "PromiseOutcome",
  ].map((table) => writer(db, table));
  const { shop } = options;
  const now = options.now.getTime();
  const rand = random(20261207);
  const counts = { orders: 0, fulfillments: 0, scans: 0, late: 0, open: 0, inTransit: 0, orderLegacyId: "" };

  db.transaction(() => {
    const installedAt = new Date(now - 200 * DAY_MS);
    for (const name of [shop, options.emptyShop]) {
      session({ id: `offline_${name}`, shop: name, state: "installed", isOnline: false, scope: options.scopes, accessToken: `bench-token-${name}` });
      shopRow({
        shop: name,
        installedAt: name === shop ? installedAt : options.now,
        scopes: options.scopes,
        timezone: "Europe/Stockholm",
        currency: "SEK",
        updatedAt: options.now,
      });
    }
    const document = readFileSync("scripts/demo-promise-settings.json", "utf8");
    settings({ shop, version: 1, document, effectiveFrom: installedAt, createdAt: installedAt, publishedAt: installedAt });

    for (let index = 0; index < options.orders; index += 1) {
      const story = orderStory(index, options.orders, rand, now);
      const rows = rowsOf(shop, story, index, now, counts.scans + 1);
      order(rows.order);
      rows.searchTerms.forEach(searchTerm);
      promise(rows.promise);
      if (rows.fulfillment) fulfillment(rows.fulfillment);
      rows.scans.forEach(scan);
      outcome(rows.outcome);
      counts.orders += 1;
      counts.fulfillments += rows.fulfillment ? 1 : 0;
      counts.scans += rows.scans.length;
      if (story.shipped && !story.delivered && !story.pickup) counts.inTransit += 1;
      if (story.verdict === "late") counts.late += 1;
      if (story.verdict === "open") counts.open += 1;
      // The order page's example: a delivered order placed about a month ago.
      if (story.delivered && !counts.orderLegacyId && story.createdAt > now - 30 * DAY_MS) counts.orderLegacyId = story.legacyId;
    }
  })();
  // No ANALYZE: the app never runs it, so the query planner sees what it sees in a shop's database.
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
