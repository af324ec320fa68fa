// The rows the worker would have stored for one order of bench:dashboard's shop (dashboard-story.ts), by table.
import { orderSearchTerms } from "~/domain/orders/search-terms";
import type { Story } from "./dashboard-story";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Row = Record<string, unknown>;

function lines(legacyId: string) {
  return JSON.stringify(
    [1, 2].map((line) => ({
      lineGid: `gid://shopify/LineItem/${legacyId}${line}`,
      productGid: `gid://shopify/Product/${100 + line}`,
      variantGid: `gid://shopify/ProductVariant/${1000 + line}`,
      sku: `SKU-${line}`,
      vendor: "Kept",
      title: `Item ${line}`,
      variantTitle: null,
      quantity: 1,
      price: "199.00",
    })),
  );
}

/** The carrier's scans of a shipped parcel up to `now`: picked up, sometimes in transit, out for delivery, delivered. */
function scansOf(story: Story, now: number): [string, number][] {
  const steps: [string, number][] = [["carrier_picked_up", story.shippedAt + 6 * HOUR_MS]];
  if (story.extraScan) steps.push(["in_transit", story.shippedAt + story.carrierHours * 0.5 * HOUR_MS]);
  steps.push(["out_for_delivery", story.deliveredAt - 5 * HOUR_MS], ["delivered", story.deliveredAt]);
  return steps.filter(([, at]) => at <= now);
}

const orderGidOf = (story: Story) => `gid://shopify/Order/${story.legacyId}`;
const updatedAtOf = (story: Story) => new Date(story.delivered ? story.deliveredAt : story.shipped ? story.shippedAt : story.createdAt);

function orderRow(shop: string, story: Story, index: number): Row {
  const { lane, legacyId, customer } = story;
  const createdAt = new Date(story.createdAt);
  return {
    shop,
    orderGid: orderGidOf(story),
    legacyId,
    name: story.name,
    email: customer.email,
    customerGid: `gid://shopify/Customer/${9_000_000 + (index % 20_000)}`,
    customerFirstName: customer.first,
    customerName: customer.name,
    customerLocale: "sv",
    sourceName: "web",
    currency: "SEK",
    totalPrice: "398.00",
    subtotalPrice: "398.00",
    financialStatus: "paid",
    fulfillmentStatus: story.shipped ? "fulfilled" : null,
    shippingMethod: story.pickup ? "Pickup in store" : lane.method,
    shippingCode: story.pickup ? "pickup" : lane.code,
    shippingSource: "shopify",
    shipCountry: lane.country,
    shipZip: lane.zip,
    shipCity: lane.city,
    lineCount: 2,
    lines: lines(legacyId),
    createdAtShopify: createdAt,
    updatedAtShopify: updatedAtOf(story),
    processedAt: createdAt,
    receivedAt: createdAt,
    cancelledAt: story.cancelled ? new Date(story.createdAt + 2 * HOUR_MS) : null,
    cancelReason: story.cancelled ? "customer" : null,
  };
}

function promiseRow(shop: string, story: Story): Row {
  const { lane } = story;
  const promised = story.pickup
    ? { status: "none", noPromiseReason: "pickup" }
    : { status: "promised", laneKey: lane.key, laneLabel: lane.label, ...story.promise };
  return {
    shop,
    orderGid: orderGidOf(story),
    noPromiseReason: null,
    laneKey: null,
    laneLabel: null,
    shipBy: null,
    rawEarliest: null,
    rawLatest: null,
    promisedDate: null,
    ...promised,
    paddingDays: 1,
    settingsVersion: 1,
    shownAtCheckout: true,
    computedAt: new Date(story.createdAt),
  };
}

/** The parcel once shipped, with its scans; `firstEvent` numbers the scans. */
function parcelRows(shop: string, story: Story, now: number, firstEvent: number): { fulfillment: Row | null; scans: Row[] } {
  if (!story.shipped) return { fulfillment: null, scans: [] };
  const { lane, legacyId } = story;
  const [orderGid, fulfillmentGid] = [orderGidOf(story), `gid://shopify/Fulfillment/${legacyId}`];
  const tracking = story.pickup ? null : `BENCH${legacyId}`;
  const inTransitAt = story.shippedAt + 6 * HOUR_MS;
  const fulfillment = {
    shop,
    fulfillmentGid,
    orderGid,
    name: `${story.name}.1`,
    status: "success",
    service: "manual",
    lineCount: 2,
    shipmentStatus: story.pickup ? null : story.delivered ? "delivered" : "in_transit",
    trackingCompany: story.pickup ? null : lane.method,
    trackingNumber: tracking,
    trackingUrl: tracking ? `https://track.example.com/${tracking}` : null,
    shippedAt: new Date(story.shippedAt),
    inTransitAt: !story.pickup && inTransitAt <= now ? new Date(inTransitAt) : null,
    deliveredAt: story.delivered ? new Date(story.deliveredAt) : null,
    carrierEstimateAt: story.pickup ? null : new Date(story.shippedAt + lane.transit[1] * DAY_MS),
    createdAtShopify: new Date(story.shippedAt),
    updatedAtShopify: updatedAtOf(story),
  };
  const scans = (story.pickup ? [] : scansOf(story, now)).map(([status, at], offset) => ({
    shop,
    eventGid: `gid://shopify/FulfillmentEvent/${firstEvent + offset}`,
    fulfillmentGid,
    orderGid,
    status,
    message: `Parcel ${status.replaceAll("_", " ")}`,
    happenedAt: new Date(at),
    city: lane.city,
    country: lane.country,
    zip: lane.zip,
    createdAt: new Date(at),
  }));
  return { fulfillment, scans };
}

function outcomeRow(shop: string, story: Story): Row {
  const { lane } = story;
  const arrival = story.delivered
    ? {
        arrivalKind: "confirmed",
        arrivalAt: new Date(story.deliveredAt),
        arrivalBy: "scan",
        arrivalDate: story.arrivalDate,
        parcels: 1,
        transitHours: story.carrierHours,
      }
    : { arrivalKind: "none", arrivalAt: null, arrivalBy: null, arrivalDate: null, parcels: 0, transitHours: null };
  return {
    shop,
    orderGid: orderGidOf(story),
    verdict: story.verdict,
    daysEarly: story.daysEarly,
    lateCause: story.lateCause,
    risk: story.risk,
    reason: story.reason,
    ...arrival,
    arrivalHow: null,
    shipped: story.shipped ? "fully" : "none",
    shippedAt: story.shipped ? new Date(story.shippedAt) : null,
    laneKey: story.pickup ? null : lane.key,
    promisedDate: story.pickup || story.cancelled ? null : story.promise.promisedDate,
    destinationZone: lane.zone,
    orderedAt: new Date(story.createdAt),
    nextCheckAt: story.nextCheckAt,
    updatedAt: updatedAtOf(story),
  };
}

/** The order, its promise, its parcel (once shipped) with its scans, and its outcome; `firstEvent` numbers the scans. */
export function rowsOf(shop: string, story: Story, index: number, now: number, firstEvent: number) {
  return {
    order: orderRow(shop, story, index),
    // The words the Orders search finds the order by, as the worker writes them (models/orders/order.server.ts).
    searchTerms: orderSearchTerms({ name: story.name, customerName: story.customer.name, email: story.customer.email }).map((term) => ({
      shop,
      orderGid: orderGidOf(story),
      ...term,
    })),
    promise: promiseRow(shop, story),
    ...parcelRows(shop, story, now, firstEvent),
    outcome: outcomeRow(shop, story),
  };
}
