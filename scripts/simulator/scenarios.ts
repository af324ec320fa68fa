import { buildAppUninstalled, buildCustomerRedact, buildDataRequest, buildScopesUpdate, buildShopRedact } from "./compliance-fixtures";
import { personasFor, type CountryCode } from "./destinations";
import { createShopWorld, wholesaleVariants } from "./fixtures";
import { buildOrder } from "./order-fixtures";
import { buildDemoScenario, buildDemoWeek, type ScenarioOptions } from "./scenario-demo";
import { buildBadInputScenario, buildDuplicatesScenario, buildOutOfOrderScenario } from "./scenario-edge";
import { buildHistoryScenario } from "./scenario-history";
import { addDays, addMinutes } from "./shop-time";
import { createTimeline, type Delivery } from "./timeline";

export type { ScenarioOptions } from "./scenario-demo";
export type { Delivery } from "./timeline";

type ScenarioDefinition = { description: string; build(options: ScenarioOptions): Delivery[] };

/** One 250-line wholesale order (orders/create only). */
function buildBigScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("big", options.seed);
  const items = wholesaleVariants(world, 250).map((variant) => ({ variant, quantity: world.rng.int(1, 24) }));
  const order = buildOrder(world, {
    createdAt: options.start,
    persona: personasFor("DE")[1]!,
    checkout: "account",
    source: "shopify_draft_order",
    items,
    tags: ["wholesale", "b2b"],
  });
  timeline.add(options.start, "orders/create", order, `${order.name} (${order.line_items.length} lines)`, `create:${order.id}`);
  return timeline.deliveries();
}

/** customers/data_request then customers/redact for a repeat buyer of the demo week (same seed). */
function buildPrivacyScenario(options: ScenarioOptions): Delivery[] {
  const { world, orders } = buildDemoWeek(options);
  const buyer = personasFor("SE")[0]!;
  const customer = world.customerFor(buyer, options.start);
  const orderIds = orders.filter((order) => order.customer?.email === buyer.email).map((order) => order.id);
  const timeline = createTimeline("privacy", options.seed);
  const requestedAt = addDays(options.start, 15);
  timeline.add(
    requestedAt,
    "customers/data_request",
    buildDataRequest(world, customer, orderIds),
    `customer ${customer.id.toString()} data request`,
    "privacy:request",
  );
  timeline.add(
    addDays(requestedAt, 10),
    "customers/redact",
    buildCustomerRedact(world, customer, orderIds),
    `customer ${customer.id.toString()} redact`,
    "privacy:redact",
  );
  return timeline.deliveries();
}

/** Scopes change, uninstall, and shop/redact 48 hours later. */
function buildUninstallScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("uninstall", options.seed);
  const scopes = ["read_orders", "write_orders", "write_discounts", "read_shipping"];
  timeline.add(options.start, "app/scopes_update", buildScopesUpdate(world, options.start, scopes.slice(0, 3), scopes), "scopes + read_shipping", "scopes");
  const uninstalledAt = addDays(options.start, 1);
  timeline.add(uninstalledAt, "app/uninstalled", buildAppUninstalled(world, uninstalledAt), options.shopDomain, "uninstall");
  timeline.add(addDays(uninstalledAt, 2), "shop/redact", buildShopRedact(world), options.shopDomain, "shop-redact");
  return timeline.deliveries();
}

/** `count` plain orders/create deliveries, one a minute, for benchmarking. */
function buildLoadScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("load", options.seed);
  const countries: CountryCode[] = ["SE", "DE", "US", "FR", "ES", "RU", "JP"];
  for (let index = 0; index < options.count; index += 1) {
    const createdAt = addMinutes(options.start, index);
    const persona = world.rng.pick(personasFor(world.rng.pick(countries)));
    const items = [{ variant: world.rng.pick(world.catalog), quantity: world.rng.int(1, 3) }];
    const order = buildOrder(world, { createdAt, persona, checkout: world.rng.chance(0.3) ? "guest" : "account", source: "web", items });
    timeline.add(createdAt, "orders/create", order, order.name, `create:${order.id}`);
  }
  return timeline.deliveries();
}

const SCENARIOS: Record<string, ScenarioDefinition> = {
  demo: { description: "about 40 orders over 7 days: shipping, scans, late parcels, a cancellation (npm run demo)", build: buildDemoScenario },
  history: {
    description: "the 10 weeks up to --now: 15-40 orders a day, shipped and scanned; a DHL slowdown to Germany mid-way; orders at risk now (npm run demo)",
    build: buildHistoryScenario,
  },
  duplicates: { description: "every delivery sent twice with the same webhook id", build: buildDuplicatesScenario },
  "out-of-order": { description: "fulfillment and scan before their order; an older orders/updated after a newer one", build: buildOutOfOrderScenario },
  "bad-input": {
    description: "invalid JSON, missing/mistyped fields, unknown topic (expect 200) and a bad signature (expect 401)",
    build: buildBadInputScenario,
  },
  big: { description: "one order with 250 line items", build: buildBigScenario },
  privacy: { description: "customers/data_request and customers/redact for a demo-week customer", build: buildPrivacyScenario },
  uninstall: { description: "app/scopes_update, app/uninstalled, then shop/redact 48 h later", build: buildUninstallScenario },
  load: { description: "--count plain orders/create deliveries for benchmarking (default 100)", build: buildLoadScenario },
};

export function listScenarios(): Array<{ name: string; description: string }> {
  return Object.entries(SCENARIOS).map(([name, { description }]) => ({ name, description }));
}

/** The scenario's deliveries, or null for an unknown name. */
export function buildScenario(name: string, options: ScenarioOptions): Delivery[] | null {
  const scenario = Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name] : undefined;
  return scenario ? scenario.build(options) : null;
}
