import { personasFor } from "./destinations";
import { createShopWorld } from "./fixtures";
import { buildFulfillmentEvent } from "./event-fixtures";
import { buildFulfillment, orderWithFulfillments } from "./fulfillment-fixtures";
import { buildOrder } from "./order-fixtures";
import { planOrderStory } from "./order-story";
import type { ScenarioOptions } from "./scenario-demo";
import { addDays, addMinutes, formatShopTime } from "./shop-time";
import { createTimeline, type Delivery } from "./timeline";

// Deliveries that break the happy path: retries, reordering and malformed input.

/** A few orders' deliveries, each sent twice with the same webhook id, as a Shopify retry does. */
export function buildDuplicatesScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("duplicates", options.seed);
  const buyers = [personasFor("SE")[0]!, personasFor("DE")[0]!, personasFor("JP")[0]!];
  buyers.forEach((persona, index) => {
    const createdAt = addMinutes(options.start, index * 90);
    const order = buildOrder(world, { createdAt, persona, checkout: "account", source: "web", items: [{ variant: world.catalog[index]!, quantity: 1 }] });
    planOrderStory(world, timeline, order, createdAt, { shipments: [{ afterDays: 0, transitDays: 1 }] });
  });
  // A retry follows its original after a short pause; the body, signature and ids are identical.
  return timeline.deliveries().flatMap((delivery) => [delivery, { ...delivery, delayMsAfterPrevious: 20 }]);
}

/** Fulfillment and scans arrive before their order; an older orders/updated arrives after a newer one. */
export function buildOutOfOrderScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("out-of-order", options.seed);
  const offset = world.shop.offsetMinutes;
  const createdAt = options.start;
  const order = buildOrder(world, {
    createdAt,
    persona: personasFor("FR")[0]!,
    checkout: "account",
    source: "web",
    items: [{ variant: world.catalog[2]!, quantity: 2 }],
  });
  const shippedAt = addMinutes(createdAt, 60);
  const fulfillment = buildFulfillment(world, order, { createdAt: shippedAt, sequence: 1 });
  const fulfilled = orderWithFulfillments(order, [fulfillment], shippedAt, offset);
  const scanAt = addMinutes(shippedAt, 240);
  const scan = buildFulfillmentEvent(world, fulfillment, { status: "in_transit", happenedAt: scanAt, estimatedDeliveryAt: addDays(scanAt, 2) });
  const olderEditAt = addMinutes(scanAt, 30);
  const newerEditAt = addMinutes(scanAt, 90);
  const olderEdit = { ...fulfilled, tags: "gift", note: "First edit", updated_at: formatShopTime(olderEditAt, offset) };
  const newerEdit = { ...fulfilled, tags: "gift, vip", note: "Second edit (the newest)", updated_at: formatShopTime(newerEditAt, offset) };

  // Sent in this (wrong) order; triggeredAt and updated_at keep the true times.
  timeline.add(shippedAt, "fulfillments/create", fulfillment, `${fulfillment.name} before its order`, `fulfil:${fulfillment.id}`);
  timeline.add(scanAt, "fulfillment_events/create", scan, `${fulfillment.name} in_transit before its order`, `scan:${scan.id}`);
  timeline.add(createdAt, "orders/create", order, `${order.name} (late)`, `create:${order.id}`);
  timeline.add(shippedAt, "orders/fulfilled", fulfilled, `${order.name} fulfilled`, `fulfil:${fulfillment.id}`);
  timeline.add(newerEditAt, "orders/updated", newerEdit, `${order.name} newer edit`, `edit2:${order.id}`);
  timeline.add(olderEditAt, "orders/updated", olderEdit, `${order.name} older edit (stale)`, `edit1:${order.id}`);
  return timeline.deliveries({ keepOrder: true });
}

/** Malformed deliveries: all correctly signed (the app records and answers 200) except one bad signature (401). */
export function buildBadInputScenario(options: ScenarioOptions): Delivery[] {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("bad-input", options.seed);
  const persona = personasFor("SE")[1]!;
  const next = (minutes: number) => addMinutes(options.start, minutes);
  const order = () =>
    buildOrder(world, { createdAt: options.start, persona, checkout: "guest", source: "web", items: [{ variant: world.catalog[0]!, quantity: 1 }] });

  const truncated = JSON.stringify(order()).slice(0, 120);
  timeline.add(next(0), "orders/create", truncated, "invalid JSON (truncated body)", "bad:json");
  const { admin_graphql_api_id: _omitted, ...withoutGid } = order();
  timeline.add(next(1), "orders/create", withoutGid, `${withoutGid.name} without admin_graphql_api_id`, "bad:gid");
  timeline.add(next(2), "orders/create", { ...order(), total_price: {} }, "total_price: {} (mistyped)", "bad:type");
  timeline.add(next(3), "orders/teleported", order(), "unknown topic", "bad:topic");
  timeline.add(next(4), "orders/create", order(), "bad signature", "bad:hmac", { expectStatus: 401, signWith: "bad-secret" });
  timeline.add(next(5), "orders/create", "[]", "a JSON array instead of an object", "bad:array");
  return timeline.deliveries({ keepOrder: true });
}
