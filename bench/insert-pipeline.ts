/**
 * The per-order insert pipeline on a real SQLite file, in process: 1,000 stored orders decided by
 * `assignInsertsForOrder` (rules read, compiled once, order read, decision, stock taken, rows and follow-on
 * jobs written in one transaction each), against 20 active rules of which one has a counted-down stock.
 * Prints orders/s and p50/p99 ms per order. Run: DATABASE_URL=file:/tmp/x.sqlite npx tsx bench/insert-pipeline.ts
 * (on a migrated copy, e.g. var/test/template.sqlite after `npm test`).
 */
import { performance } from "node:perf_hooks";
import { type PrismaClient } from "../app/generated/prisma/client";
import prisma, { prepareSqlite } from "../app/models/db/prisma.server";
import { applyOrder } from "../app/models/orders/order.server";
import { getWorkerDb } from "../app/models/db/sqlite.server";
import { assignInsertsForOrder } from "../app/services/inserts/assign-inserts.server";
import { normalizeOrder } from "../app/domain/orders/normalize-payloads";
import { orderSchema } from "../app/schemas/intake/shopify-payloads";
import { percentile } from "../app/domain/stats/percentiles";
import { storeInsertRule, storeInsertTemplate } from "../test/support/insert-storage";

const SHOP = "bench.myshopify.com";
const ORDERS = 1000;
const db = prisma as unknown as PrismaClient;

await prepareSqlite();
await storeInsertTemplate(db, SHOP, {
  id: "card",
  name: "Card",
  paperSize: null,
  fallbackLocale: "en",
  variants: { en: "<h1>Hi {{ customer.first_name }}</h1>" },
});
for (let index = 0; index < 20; index += 1) {
  await storeInsertRule(db, SHOP, {
    id: `rule-${index}`,
    name: `Rule ${index}`,
    priority: index,
    conditions: { op: "and", items: [{ kind: "order-total", op: "gte", currency: "SEK", amount: String(index * 40) }] },
    actions: { insertTemplateId: "card", ...(index === 0 ? { physicalItem: { label: "soap", stock: 600 } } : {}) },
  });
}
for (let id = 1; id <= ORDERS; id += 1) {
  const payload = orderSchema.parse({
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    created_at: "2026-11-20T10:00:00+01:00",
    updated_at: "2026-11-20T10:00:00+01:00",
    currency: "SEK",
    total_price: String((id * 37) % 900),
    customer: { id: id % 300, first_name: "Anna" },
    line_items: [{ id, title: "Soap", quantity: 1, price: "10.00", sku: "LAV-01" }],
    shipping_address: { country_code: "SE" },
  });
  const worker = getWorkerDb();
  worker.transaction(() => applyOrder(worker, SHOP, normalizeOrder(payload), { likelyNew: true }));
}
const timings: number[] = [];
const started = performance.now();
for (let id = 1; id <= ORDERS; id += 1) {
  const before = performance.now();
  await assignInsertsForOrder(SHOP, `gid://shopify/Order/${id}`);
  timings.push(performance.now() - before);
}
const seconds = (performance.now() - started) / 1000;
const sorted = [...timings].sort((a, b) => a - b);
const stock = await prisma.insertRule.findFirstOrThrow({ where: { shop: SHOP, id: "rule-0" }, select: { stockLeft: true } });
console.log(
  `${ORDERS} orders decided in ${seconds.toFixed(2)} s: ${(ORDERS / seconds).toFixed(0)} orders/s, p50 ${(percentile(sorted, 50) ?? 0).toFixed(2)} ms, p99 ${(percentile(sorted, 99) ?? 0).toFixed(2)} ms; soap left ${stock.stockLeft}`,
);
await prisma.$disconnect();
