import { findShopperOrderPromise } from "~/models/promise/delivery-promise.server";

/** What the thank-you and order-status extensions may show for an order (docs/checkout.md). */
export type ShopperOrderPromise =
  | { status: "pending" }
  | { status: "none" }
  | { status: "promised"; promisedDate: string; delivery: "delivered"; deliveredAt: string }
  | { status: "promised"; promisedDate: string; delivery: "in_transit" | "unknown" };

export interface ShopperOrderPromiseQuery {
  shop: string;
  orderGid: string;
  /** The customer the session token names (customer accounts, logged-in checkouts), if any. */
  customerGid?: string;
  /** Which extension asks: a checkout token without a customer may only read recent orders. */
  surface: "checkout" | "customer-account";
  now: Date;
}

/** A thank-you page is shown right after checkout; an anonymous checkout token reads no older order. */
const ANONYMOUS_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The order's promise as Kept recorded it (the ledger is the truth; nothing is recomputed), and what is
 * really known about its delivery: "delivered" only when the order is fully fulfilled and every shipment
 * has a delivered scan or status, "in_transit" once any shipment has moved, otherwise "unknown".
 * "pending" means the order is not recorded yet (its webhook may still be on its way); "none" covers no
 * promise, a cancelled order, and an order this shopper may not read.
 */
export async function readShopperOrderPromise(query: ShopperOrderPromiseQuery): Promise<ShopperOrderPromise> {
  const record = await findShopperOrderPromise(query.shop, query.orderGid);
  if (record === null) return { status: "pending" };
  const { order, promise, fulfillments } = record;
  const isOtherCustomer = query.customerGid !== undefined && order.customerGid !== null && order.customerGid !== query.customerGid;
  const isTooOldForAnonymous =
    query.surface === "checkout" && query.customerGid === undefined && query.now.getTime() - order.createdAtShopify.getTime() > ANONYMOUS_WINDOW_MS;
  if (isOtherCustomer || isTooOldForAnonymous || order.cancelledAt !== null) return { status: "none" };
  if (promise?.status !== "promised" || promise.promisedDate === null) return { status: "none" };
  const promisedDate = promise.promisedDate;
  const deliveredAts = fulfillments.map((fulfillment) => fulfillment.deliveredAt);
  if (order.fulfillmentStatus === "fulfilled" && deliveredAts.length > 0 && deliveredAts.every((at) => at !== null)) {
    const last = Math.max(...deliveredAts.map((at) => (at as Date).getTime()));
    return { status: "promised", promisedDate, delivery: "delivered", deliveredAt: new Date(last).toISOString() };
  }
  const hasMoved = fulfillments.some((fulfillment) => fulfillment.inTransitAt !== null || fulfillment.deliveredAt !== null);
  return { status: "promised", promisedDate, delivery: hasMoved ? "in_transit" : "unknown" };
}
