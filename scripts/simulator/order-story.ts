import { buildFulfillmentEvent } from "./event-fixtures";
import type { Id, ShopWorld } from "./fixtures";
import {
  buildFulfillment,
  cancelledOrder,
  orderWithFulfillments,
  withShipmentStatus,
  type FulfillmentPayload,
  type ShipmentStatus,
} from "./fulfillment-fixtures";
import type { OrderPayload } from "./order-fixtures";
import { addDays, addMinutes, atShopHour, formatShopTime } from "./shop-time";
import type { Timeline } from "./timeline";

// One order's life as webhooks: created, maybe edited or cancelled, shipped in one or two parcels,
// then scanned by the carrier until delivered (on time or late).

export type Shipment = {
  /** Days after the order (0-3) the parcel leaves the warehouse. */
  afterDays: number;
  /** Carrier days promised; delivery happens then, or 1-2 days later when `isLate`. */
  transitDays: number;
  lineItemIds?: Id[];
  isLate?: boolean;
  hasFailedAttempt?: boolean;
};

export type Story = {
  shipments?: Shipment[];
  cancelAfterHours?: number;
  update?: { afterHours: number; tags: string; note: string };
  /** Handed over at once (POS sale, gift card only): one fulfillment, no carrier, no scans. */
  isHandedOver?: boolean;
};

function planScans(world: ShopWorld, timeline: Timeline, fulfillment: FulfillmentPayload, shippedAt: Date, shipment: Shipment) {
  const { rng, shop } = world;
  const offset = shop.offsetMinutes;
  const promised = atShopHour(addDays(shippedAt, shipment.transitDays), offset, 18);
  const lateBy = shipment.isLate ? rng.int(1, 2) : 0;
  const deliveryDay = addDays(shippedAt, shipment.transitDays + lateBy);
  const scans: Array<{ status: ShipmentStatus; at: Date; estimate: Date | null }> = [
    { status: "in_transit", at: addMinutes(shippedAt, rng.int(180, 540)), estimate: promised },
  ];
  if (shipment.isLate) scans.push({ status: "delayed", at: addMinutes(promised, -rng.int(240, 420)), estimate: atShopHour(deliveryDay, offset, 18) });
  if (shipment.hasFailedAttempt) {
    const attemptDay = addDays(deliveryDay, -1);
    scans.push({ status: "out_for_delivery", at: atShopHour(attemptDay, offset, 7, rng.int(30, 59)), estimate: null });
    scans.push({ status: "attempted_delivery", at: atShopHour(attemptDay, offset, 14, rng.int(0, 59)), estimate: atShopHour(deliveryDay, offset, 18) });
  }
  scans.push({ status: "out_for_delivery", at: atShopHour(deliveryDay, offset, 8, rng.int(0, 59)), estimate: null });
  scans.push({ status: "delivered", at: atShopHour(deliveryDay, offset, rng.int(10, 16), rng.int(0, 59)), estimate: null });

  let current = fulfillment;
  for (const scan of scans) {
    const event = buildFulfillmentEvent(world, current, { status: scan.status, happenedAt: scan.at, estimatedDeliveryAt: scan.estimate });
    current = withShipmentStatus(current, scan.status, scan.at, offset);
    const action = `scan:${event.id}`;
    const label = `${current.name} ${scan.status}`;
    timeline.add(scan.at, "fulfillment_events/create", event, label, action);
    timeline.add(addMinutes(scan.at, 0.02), "fulfillments/update", current, label, action);
  }
}

/** Plans every delivery of one order on the timeline; returns the order's last state. */
export function planOrderStory(world: ShopWorld, timeline: Timeline, created: OrderPayload, createdAt: Date, story: Story): OrderPayload {
  const { rng, shop } = world;
  const offset = shop.offsetMinutes;
  let order = created;
  timeline.add(createdAt, "orders/create", order, order.name, `create:${order.id}`);

  if (story.update) {
    const at = addMinutes(createdAt, story.update.afterHours * 60);
    const time = formatShopTime(at, offset);
    order = { ...order, tags: story.update.tags, note: story.update.note, updated_at: time };
    timeline.add(at, "orders/updated", order, `${order.name} edited`, `edit:${order.id}`);
  }
  if (story.cancelAfterHours !== undefined) {
    const at = addMinutes(createdAt, story.cancelAfterHours * 60);
    order = cancelledOrder(order, at, offset, "customer");
    timeline.add(at, "orders/cancelled", order, `${order.name} cancelled`, `cancel:${order.id}`);
    timeline.add(addMinutes(at, 0.02), "orders/updated", order, `${order.name} cancelled`, `cancel:${order.id}`);
    return order;
  }
  if (story.isHandedOver) {
    const at = addMinutes(createdAt, 0.05);
    const fulfillment = buildFulfillment(world, order, { createdAt: at, sequence: 1, hasNoCarrier: true });
    order = orderWithFulfillments(order, [fulfillment], at, offset);
    timeline.add(at, "fulfillments/create", fulfillment, fulfillment.name, `fulfil:${fulfillment.id}`);
    timeline.add(addMinutes(at, 0.02), "orders/fulfilled", order, `${order.name} fulfilled`, `fulfil:${fulfillment.id}`);
    return order;
  }

  const fulfillments: FulfillmentPayload[] = [];
  let previous = createdAt;
  for (const shipment of story.shipments ?? []) {
    const day = addDays(createdAt, shipment.afterDays);
    const businessHour = atShopHour(day, offset, rng.int(10, 15), rng.int(0, 59));
    const shippedAt = new Date(Math.max(businessHour.getTime(), addMinutes(previous, 45).getTime()));
    previous = shippedAt;
    const fulfillment = buildFulfillment(world, order, { createdAt: shippedAt, sequence: fulfillments.length + 1, lineItemIds: shipment.lineItemIds });
    fulfillments.push(fulfillment);
    order = orderWithFulfillments(order, [...fulfillments], shippedAt, offset);
    const action = `fulfil:${fulfillment.id}`;
    timeline.add(shippedAt, "fulfillments/create", fulfillment, fulfillment.name, action);
    const topic = order.fulfillment_status === "fulfilled" ? "orders/fulfilled" : "orders/updated";
    timeline.add(addMinutes(shippedAt, 0.02), topic, order, `${order.name} ${order.fulfillment_status ?? ""}`.trim(), action);
    planScans(world, timeline, fulfillment, shippedAt, shipment);
  }
  return order;
}
