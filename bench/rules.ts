/**
 * Rules-engine benchmark: 50 active rules × 10,000 varied orders, generated from a fixed seed.
 * Compares the compiled evaluator (what production uses) with a naive baseline that interprets the rule JSON
 * on every order, checks both give identical decisions, and fails (exit 1) below the 20,000 orders/s target.
 * Run: npx tsx bench/rules.ts
 */
import { compareRuleOrder, compileRules } from "../app/domain/rules/compile-rules";
import { evaluateRules, type RuleEvaluation, type SkipReason } from "../app/domain/rules/evaluate-rules";
import { explainMatch } from "../app/domain/rules/explain-rule";
import { isInHoldout } from "../app/domain/rules/holdout";
import { interpretGroup } from "../app/domain/rules/interpret-conditions";
import type { Condition, ConditionGroup, Rule } from "../app/domain/rules/rule-model";
import type { RuleOrder } from "../app/domain/rules/rule-order";

const RULES = 50;
const ORDERS = 10_000;
const TARGET_ORDERS_PER_SECOND = 20_000;
const NOW = "2026-11-23T12:00:00Z";
const SETTINGS = { now: NOW, maxInsertsPerParcel: 3, holdoutSalt: "bench-salt" };

/** mulberry32: a tiny seeded PRNG so every run measures the same workload. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: int(1, max) }, () => pick(items)))];
  return { next, int, pick, some };
}

const random = createRandom(20261123);
const TAGS = ["vip", "gift", "wholesale", "subscription", "b2b", "influencer", "repeat", "sale"];
const SKUS = Array.from({ length: 40 }, (_, i) => `SKU-${String(i).padStart(3, "0")}`);
const VENDORS = ["Acme Soap", "Nordic Wool", "Herbalist", "Candle Co"];
const TITLES = ["Lavender Soap", "Rose Soap", "Wool Socks", "Beeswax Candle", "Gift Card", "Herbal Tea", "Linen Towel"];
const COUNTRIES = ["DE", "SE", "US", "FR", "ES", "AT", "CH", "GB", "NL", "RU"];
const CURRENCIES = ["EUR", "SEK", "USD"];
const METHODS = ["Standard", "DHL Express", "PostNord", "UPS Ground", "Pickup in store"];
const LOCALES = ["de-DE", "de-CH", "sv-SE", "en-US", "fr-FR", "es-ES", "ru"];

function makeCondition(): Condition {
  switch (random.int(0, 11)) {
    case 0:
      return { kind: "first-order" };
    case 1:
      return { kind: "order-count", op: random.pick(["eq", "gte", "lte"] as const), count: random.int(1, 6) };
    case 2:
      return { kind: "order-total", op: "gte", amount: `${random.int(20, 200)}.00`, currency: random.pick(CURRENCIES) };
    case 3:
      return { kind: "order-total", op: "between", min: `${random.int(10, 80)}.50`, max: `${random.int(90, 400)}.00`, currency: random.pick(CURRENCIES) };
    case 4:
      return { kind: "line-item", field: "sku", values: random.some(SKUS, 4) };
    case 5:
      return { kind: "line-item", field: random.pick(["vendor", "productType"] as const), values: random.some(VENDORS, 2) };
    case 6:
      return { kind: "line-item", field: "title", values: random.some(["*soap*", "wool*", "*candle", "gift*"], 2) };
    case 7:
      return { kind: random.pick(["order-tags", "customer-tags"] as const), op: random.pick(["any", "all", "none"] as const), tags: random.some(TAGS, 3) };
    case 8:
      return { kind: "discount-code", codes: random.some(["WELCOME10", "VIP20", "SPRING", "FREESHIP"], 2) };
    case 9:
      return { kind: "ship-to", zones: random.some(COUNTRIES, 4).map((country) => (country === "US" ? { country, provinces: ["CA", "NY"] } : { country })) };
    case 10:
      return { kind: "shipping-method", patterns: random.some(["*express*", "standard", "ups*"], 2) };
    default:
      return random.next() < 0.5
        ? { kind: "sales-channel", channels: random.some(["online", "pos", "other"] as const, 2) }
        : { kind: "customer-locale", locales: random.some(["de", "sv", "en", "fr-FR"], 2) };
  }
}

function makeGroup(depth: number): ConditionGroup {
  const items: ConditionGroup["items"] = Array.from({ length: random.int(1, 4) }, () =>
    depth < 3 && random.next() < 0.2 ? makeGroup(depth + 1) : makeCondition(),
  );
  return { op: random.next() < 0.7 ? "and" : "or", items };
}

function makeRule(index: number): Rule {
  return {
    id: `rule-${String(index).padStart(2, "0")}`,
    version: random.int(1, 5),
    name: `Rule ${index}`,
    priority: random.int(0, 20),
    active: true,
    stopAfter: random.next() < 0.1,
    startsAt: random.next() < 0.2 ? "2026-11-01T00:00:00Z" : undefined,
    endsAt: random.next() < 0.1 ? "2026-12-31T00:00:00Z" : undefined,
    holdoutPercent: random.pick([0, 0, 0, 5, 10, 20]),
    conditions: index % 10 === 0 ? { op: "or", items: [makeCondition(), makeCondition()] } : makeGroup(1),
    actions: {
      insertTemplateId: `tpl-${index}`,
      physicalItem: random.next() < 0.3 ? { label: `Item ${index}`, stock: random.pick([0, 25, null]) } : undefined,
    },
  };
}

function makeOrder(index: number): RuleOrder {
  return {
    orderGid: `gid://shopify/Order/${100000 + index}`,
    name: `#${1000 + index}`,
    createdAt: NOW,
    currency: random.pick(CURRENCIES),
    totalPrice: `${random.int(5, 500)}.${String(random.int(0, 99)).padStart(2, "0")}`,
    customerGid: random.next() < 0.9 ? `gid://shopify/Customer/${random.int(1, 5000)}` : null,
    customerOrdersCount: random.next() < 0.9 ? random.int(1, 8) : null,
    customerTags: random.next() < 0.5 ? random.some(TAGS, 3) : [],
    tags: random.next() < 0.4 ? random.some(TAGS, 2) : [],
    discountCodes: random.next() < 0.3 ? [random.pick(["welcome10", "VIP20", "OTHER"])] : [],
    shipCountry: random.pick(COUNTRIES),
    shipProvince: random.pick(["CA", "NY", "TX", null]),
    shipZip: "12345",
    shippingMethod: random.pick(METHODS),
    shippingCode: null,
    sourceName: random.pick(["web", "web", "web", "pos", "shopify_draft_order", null]),
    customerLocale: random.pick(LOCALES),
    lines: Array.from({ length: random.int(1, 6) }, () => ({
      productGid: `gid://shopify/Product/${random.int(1, 300)}`,
      variantGid: `gid://shopify/ProductVariant/${random.int(1, 900)}`,
      sku: random.next() < 0.9 ? random.pick(SKUS) : null,
      vendor: random.pick(VENDORS),
      productType: random.pick(VENDORS),
      title: `${random.pick(TITLES)} ${random.int(1, 9)}`,
      quantity: random.int(1, 3),
    })),
  };
}

/** The baseline: same semantics as evaluateRules, but re-sorts, re-parses and interprets the JSON per order. */
function evaluateNaively(order: RuleOrder, rules: readonly Rule[]): RuleEvaluation {
  const result: RuleEvaluation = { assignments: [], holdouts: [], skipped: [], warnings: [] };
  const nowMs = Date.parse(SETTINGS.now);
  let isStopped = false;
  for (const rule of [...rules].sort(compareRuleOrder)) {
    const skip = (reason: SkipReason) => result.skipped.push({ ruleId: rule.id, reason });
    const startsAt = rule.startsAt ? Date.parse(rule.startsAt) : Number.NEGATIVE_INFINITY;
    const endsAt = rule.endsAt ? Date.parse(rule.endsAt) : Number.POSITIVE_INFINITY;
    const stock = rule.actions.physicalItem ? rule.actions.physicalItem.stock : null;
    if (isStopped) skip("stopped");
    else if (!rule.active) skip("inactive");
    else if (!(nowMs >= startsAt && nowMs < endsAt)) skip("outside-window");
    else if (!interpretGroup(rule.conditions, order)) skip("no-match");
    else if (stock !== null && stock <= 0) {
      skip("out-of-stock");
      result.warnings.push(`Rule "${rule.name}": insert "${rule.actions.physicalItem?.label}" is out of stock, so the next matching rule was used.`);
    } else if (result.assignments.length + result.holdouts.length >= SETTINGS.maxInsertsPerParcel) skip("parcel-full");
    else {
      if (isInHoldout({ holdoutSalt: SETTINGS.holdoutSalt, ruleId: rule.id, orderGid: order.orderGid, holdoutPercent: rule.holdoutPercent })) {
        result.holdouts.push({ ruleId: rule.id, ruleVersion: rule.version });
      } else result.assignments.push({ ruleId: rule.id, ruleVersion: rule.version, reasons: explainMatch(rule, order).reasons });
      isStopped = rule.stopAfter;
    }
  }
  return result;
}

/** Times each order separately (p50/p99) and the whole pass (orders/s); results are dropped, as in production. */
function measure(label: string, orders: RuleOrder[], evaluate: (order: RuleOrder) => RuleEvaluation) {
  for (let pass = 0; pass < 3; pass++) for (const order of orders) evaluate(order); // warm-up (JIT)
  const perOrderNs = new Float64Array(orders.length);
  let assignments = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < orders.length; i++) {
    const t0 = process.hrtime.bigint();
    assignments += evaluate(orders[i]).assignments.length;
    perOrderNs[i] = Number(process.hrtime.bigint() - t0);
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const sorted = perOrderNs.sort();
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000;
  return { label, assignments, totalMs, ordersPerSecond: orders.length / (totalMs / 1000), p50: quantile(0.5), p99: quantile(0.99) };
}

const rules = Array.from({ length: RULES }, (_, i) => makeRule(i));
const orders = Array.from({ length: ORDERS }, (_, i) => makeOrder(i));
const compileStarted = process.hrtime.bigint();
const compiled = compileRules(rules);
const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;

const fast = measure("compiled", orders, (order) => evaluateRules({ order, rules: compiled, stockLeft: {}, ...SETTINGS }));
const naive = measure("naive (interpreted)", orders, (order) => evaluateNaively(order, rules));

// Correctness check outside the timed loops: both evaluators must reach the same decision for every order.
const decisions = (r: RuleEvaluation) => JSON.stringify([r.assignments, r.holdouts, r.skipped, r.warnings]);
let mismatches = 0;
let held = 0;
for (const order of orders) {
  const compiledResult = evaluateRules({ order, rules: compiled, stockLeft: {}, ...SETTINGS });
  held += compiledResult.holdouts.length;
  if (decisions(compiledResult) !== decisions(evaluateNaively(order, rules))) mismatches++;
}
const assigned = fast.assignments;

const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(12))).join(" | ")} |`;
console.log(`\nRules engine: ${RULES} active rules × ${ORDERS} orders (seed 20261123, Node ${process.version})\n`);
console.log(row(["evaluator", "orders/s", "p50 µs", "p99 µs", "total ms"]));
console.log(row(["-".repeat(20), ..."1234".split("").map(() => "-".repeat(12))]));
for (const m of [fast, naive])
  console.log(row([m.label, Math.round(m.ordersPerSecond).toLocaleString("en-US"), m.p50.toFixed(1), m.p99.toFixed(1), m.totalMs.toFixed(1)]));
console.log(`\nspeedup: ${(fast.ordersPerSecond / naive.ordersPerSecond).toFixed(1)}×   compile: ${compileMs.toFixed(2)} ms for ${RULES} rules`);
console.log(`decisions: ${assigned} assignments, ${held} holdouts; compiled vs naive mismatches: ${mismatches}`);
const isFastEnough = fast.ordersPerSecond >= TARGET_ORDERS_PER_SECOND;
console.log(`target ≥ ${TARGET_ORDERS_PER_SECOND.toLocaleString("en-US")} orders/s: ${isFastEnough ? "PASS" : "FAIL"}\n`);
if (!isFastEnough || mismatches > 0) process.exitCode = 1;
