import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildScenario, listScenarios, type ScenarioOptions } from "../../scripts/simulator/scenarios";
import { deliveryBody, signBody } from "../../scripts/simulator/send";

const options: ScenarioOptions = { seed: 7, start: new Date("2026-11-16T09:00:00Z"), shopDomain: "kept-demo.myshopify.com", count: 25 };

function bodies(name: string, overrides: Partial<ScenarioOptions> = {}) {
  return (buildScenario(name, { ...options, ...overrides }) ?? []).map((delivery) => ({ delivery, body: deliveryBody(delivery) }));
}

/** JSON.parse keeping integer literals beyond 2^53 as exact digit strings (as the app's intake does). */
function parseExact(text: string): Record<string, unknown> {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === "number" && !Number.isSafeInteger(value) && context?.source ? context.source : value,
  ) as Record<string, unknown>;
}

function objects(name: string) {
  return bodies(name).map(({ delivery, body }) => ({ topic: delivery.topic, payload: parseExact(body) }));
}

describe("fixtures", () => {
  it("builds the same bodies and ids from the same seed, and different ones from another seed", () => {
    for (const { name } of listScenarios()) {
      expect(bodies(name)).toEqual(bodies(name));
    }
    expect(bodies("demo", { seed: 8 }).map((d) => d.body)).not.toEqual(bodies("demo").map((d) => d.body));
  });

  it("signs like Shopify: base64 HMAC-SHA256 of the raw bytes (known vector)", () => {
    // GIVEN a vector computed independently with node:crypto, plus a published HMAC-SHA256 test value
    const body = '{"id":9007199254740993,"city":"Москва"}';
    const independent = createHmac("sha256", "kept-demo-secret").update(Buffer.from(body, "utf8")).digest("base64");
    // THEN signBody agrees on strings and on bytes
    expect(signBody(body, "kept-demo-secret")).toBe(independent);
    expect(signBody(Buffer.from(body, "utf8"), "kept-demo-secret")).toBe(independent);
    // RFC 4231 test case 2 (key "Jefe"), hex 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
    expect(signBody("what do ya want for nothing?", "Jefe")).toBe(
      Buffer.from("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "hex").toString("base64"),
    );
  });

  it("has a 250-line order in the big scenario and in the demo week", () => {
    const [big] = objects("big");
    expect((big?.payload.line_items as unknown[]).length).toBe(250);
    expect(objects("demo").some(({ topic, payload }) => topic === "orders/create" && (payload.line_items as unknown[]).length === 250)).toBe(true);
  });

  it("writes ids above 2^53 as exact integer literals", () => {
    const demo = bodies("demo").map((d) => d.body);
    const unsafe = demo.filter((body) => body.includes('"id":9007199254740993,'));
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe[0]).toContain('"admin_graphql_api_id":"gid://shopify/Order/9007199254740993"');
    const related = demo.filter((body) => body.includes('"order_id":9007199254740993,'));
    expect(related.length).toBeGreaterThan(0);
  });

  it("gives every orders/* payload an admin_graphql_api_id Order GID", () => {
    const orders = ["demo", "duplicates", "out-of-order", "big", "load"].flatMap(objects).filter(({ topic }) => topic.startsWith("orders/"));
    expect(orders.length).toBeGreaterThan(50);
    for (const { payload } of orders) expect(payload.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
  });

  it("covers the variety: POS without shipping address, guests, repeat buyers, non-Latin addresses, all destinations", () => {
    const created = objects("demo")
      .filter(({ topic }) => topic === "orders/create")
      .map(({ payload }) => payload);
    const pos = created.filter((order) => order.source_name === "pos");
    expect(pos.length).toBeGreaterThan(0);
    for (const order of pos) {
      expect(order).not.toHaveProperty("shipping_address");
      expect(order.shipping_lines).toEqual([]);
    }
    expect(created.some((order) => order.customer === null && typeof order.email === "string" && order.email !== "")).toBe(true);
    const counts = new Map<string, number>();
    for (const order of created) {
      const customer = order.customer as { id: string | number } | null;
      if (customer) counts.set(String(customer.id), (counts.get(String(customer.id)) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(created);
    for (const fragment of ["Москва", "東京都", "حداد", "Göteborg", "Maximilianstraße"]) expect(text).toContain(fragment);
    const countries = new Set(created.map((order) => (order.shipping_address as { country_code?: string } | undefined)?.country_code).filter(Boolean));
    expect([...countries].sort()).toEqual(["DE", "ES", "FR", "JP", "RU", "SE", "US"]);
    expect(created.some((order) => (order.line_items as Array<{ gift_card: boolean }>).some((item) => item.gift_card))).toBe(true);
    expect(created.some((order) => (order.discount_codes as unknown[]).length > 0)).toBe(true);
  });

  it("moves the demo forward through simulated time and ships two-parcel orders partial, then fulfilled", () => {
    const demo = buildScenario("demo", options) ?? [];
    const times = demo.map((delivery) => Date.parse(delivery.triggeredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(demo.filter((d) => d.topic === "orders/create")).toHaveLength(40);
    const statuses = objects("demo")
      .filter(({ topic }) => topic.startsWith("orders/"))
      .map(({ payload }) => payload.fulfillment_status);
    expect(statuses).toContain("partial");
    expect(objects("demo").filter(({ topic }) => topic === "orders/cancelled")).toHaveLength(1);
    const scans = objects("demo")
      .filter(({ topic }) => topic === "fulfillment_events/create")
      .map(({ payload }) => payload.status);
    expect(new Set(scans)).toEqual(new Set(["in_transit", "out_for_delivery", "delivered", "delayed", "attempted_delivery"]));
  });

  it("keeps shop/redact out of the privacy scenario and points it at demo orders", () => {
    const privacy = objects("privacy");
    expect(privacy.map((p) => p.topic)).toEqual(["customers/data_request", "customers/redact"]);
    const demoOrderIds = new Set(
      objects("demo")
        .filter(({ topic }) => topic === "orders/create")
        .map(({ payload }) => String(payload.id)),
    );
    const requested = privacy[0]?.payload.orders_requested as Array<string | number>;
    expect(requested.length).toBeGreaterThanOrEqual(3);
    for (const id of requested) expect(demoOrderIds.has(String(id))).toBe(true);
  });

  it("produces --count orders for load and marks only the bad signature as a non-2xx expectation", () => {
    expect(buildScenario("load", { ...options, count: 25 })).toHaveLength(25);
    const bad = buildScenario("bad-input", options) ?? [];
    expect(bad.filter((d) => d.expectStatus !== undefined).map((d) => [d.expectStatus, d.signWith])).toEqual([[401, "bad-secret"]]);
    expect(bad.map((d) => d.topic)).toContain("orders/teleported");
    expect(() => JSON.parse(deliveryBody(bad[0]!))).toThrow();
  });
});
