import { personasFor, type CountryCode } from "./destinations";
import { createShopWorld, wholesaleVariants, type ShopWorld } from "./fixtures";
import type { ItemSpec } from "./line-item-fixtures";
import { buildOrder, type OrderPayload, type OrderSpec } from "./order-fixtures";
import { planOrderStory, type Shipment, type Story } from "./order-story";
import { addMinutes, atShopHour } from "./shop-time";
import { createTimeline, type Delivery } from "./timeline";

export type ScenarioOptions = {
  seed: number;
  start: Date;
  shopDomain: string;
  count: number;
  /** The real present, for scenarios relative to it (history: the weeks up to now); `start` when absent. */
  now?: Date;
};

type Kind = "web" | "guest" | "pos" | "draft" | "gift-only" | "gift-mixed" | "two-parcels" | "wholesale" | "cancel" | "edit" | "late" | "attempt";

// The week's cast: [destination, persona index, kind, 64-bit id?]. Fixed, so the variety exists for any
// seed; the seed varies items, quantities, discounts and times. Repeat buyers: SE 0 (×3), DE 0 (×3), RU 0 (×2).
const CAST: Array<[CountryCode, number, Kind, boolean?]> = [
  ["SE", 0, "web"],
  ["DE", 0, "web"],
  ["SE", 1, "guest"],
  ["RU", 0, "web"],
  ["SE", 2, "pos"],
  ["JP", 0, "web", true],
  ["FR", 1, "web"],
  ["US", 0, "late"],
  ["ES", 0, "web"],
  ["SE", 3, "gift-only"],
  ["DE", 1, "two-parcels"],
  ["SE", 0, "web"],
  ["FR", 0, "guest"],
  ["DE", 2, "edit"],
  ["SE", 1, "draft"],
  ["US", 1, "web"],
  ["RU", 1, "attempt"],
  ["SE", 2, "cancel"],
  ["JP", 1, "guest"],
  ["DE", 0, "late"],
  ["SE", 3, "wholesale"],
  ["ES", 1, "gift-mixed"],
  ["SE", 0, "two-parcels"],
  ["FR", 1, "late"],
  ["SE", 1, "pos"],
  ["RU", 0, "web", true],
  ["DE", 1, "web"],
  ["US", 0, "draft"],
  ["SE", 2, "web"],
  ["JP", 0, "two-parcels"],
  ["ES", 0, "guest"],
  ["DE", 0, "web"],
  ["SE", 3, "late"],
  ["FR", 0, "web"],
  ["SE", 1, "pos"],
  ["DE", 2, "guest"],
  ["SE", 2, "web"],
  ["US", 1, "attempt"],
  ["ES", 1, "web"],
  ["SE", 0, "edit"],
];

const TRANSIT: Record<CountryCode, [number, number]> = { SE: [1, 2], DE: [2, 3], FR: [2, 4], ES: [3, 4], US: [4, 6], RU: [5, 6], JP: [4, 6] };
const CODES = ["WELCOME10", "JULKLAPP20", "VIP15", "HÖST25"];

function pickItems(world: ShopWorld, kind: Kind): ItemSpec[] {
  const { rng } = world;
  if (kind === "wholesale") return wholesaleVariants(world, 250).map((variant) => ({ variant, quantity: rng.int(1, 24) }));
  if (kind === "gift-only") return [{ variant: world.giftCard, quantity: 1, properties: [{ name: "Recipient", value: "Ängla Ödman" }] }];
  const count = kind === "two-parcels" ? rng.int(3, 5) : rng.int(1, 3);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, world.catalog.length - 1));
  const items = [...chosen].map((index) => ({ variant: world.catalog[index]!, quantity: rng.int(1, 3) }));
  return kind === "gift-mixed" ? [...items, { variant: world.giftCard, quantity: 1 }] : items;
}

function storyFor(world: ShopWorld, kind: Kind, order: OrderPayload, country: CountryCode): Story {
  const { rng } = world;
  const [fast, slow] = TRANSIT[country];
  const shipment = (extra: Partial<Shipment> = {}): Shipment => ({ afterDays: rng.int(0, 3), transitDays: rng.int(fast, slow), ...extra });
  switch (kind) {
    case "pos":
    case "gift-only":
      return { isHandedOver: true };
    case "cancel":
      return { cancelAfterHours: 3 };
    case "edit":
      return { update: { afterHours: 2, tags: "address-checked, vip", note: "Please leave the parcel with the neighbour" }, shipments: [shipment()] };
    case "late":
      return { shipments: [shipment({ isLate: true })] };
    case "attempt":
      return { shipments: [shipment({ hasFailedAttempt: true, transitDays: Math.max(fast, 2) })] };
    case "two-parcels": {
      const shippable = order.line_items.filter((item) => item.requires_shipping).map((item) => item.id);
      const half = Math.ceil(shippable.length / 2);
      return {
        shipments: [
          shipment({ afterDays: rng.int(0, 1), lineItemIds: shippable.slice(0, half) }),
          shipment({ afterDays: rng.int(2, 3), lineItemIds: shippable.slice(half) }),
        ],
      };
    }
    default:
      return { shipments: [shipment()] };
  }
}

/** When the demo week starts unless `--start` says otherwise (simulate.ts): the follow-up rules `npm run demo` seeds speak from then. */
export const DEMO_WEEK_START = "2026-11-16T09:00:00Z";

/** Builds the demo week; also returns the world and orders so other scenarios can refer to them. */
export function buildDemoWeek(options: ScenarioOptions) {
  const world = createShopWorld({ seed: options.seed, shopDomain: options.shopDomain });
  const timeline = createTimeline("demo", options.seed);
  const orders: OrderPayload[] = [];
  const stepMinutes = (7 * 24 * 60) / CAST.length;
  CAST.forEach(([country, personaIndex, kind, isUnsafeId], index) => {
    const placedAt = addMinutes(options.start, Math.round(index * stepMinutes + world.rng.int(0, stepMinutes - 30)));
    // Online orders come in around the clock; the shop counter (POS) is only open 10-18.
    const createdAt = kind === "pos" ? atShopHour(placedAt, world.shop.offsetMinutes, world.rng.int(10, 17), world.rng.int(0, 59)) : placedAt;
    const persona = personasFor(country)[personaIndex]!;
    const source: OrderSpec["source"] = kind === "pos" ? "pos" : kind === "draft" ? "shopify_draft_order" : "web";
    const spec: OrderSpec = {
      createdAt,
      persona,
      checkout: kind === "guest" || (kind === "pos" && index % 2 === 0) ? "guest" : "account",
      source,
      items: pickItems(world, kind),
      discount: world.rng.chance(0.3) ? { code: world.rng.pick(CODES), percent: world.rng.pick([10, 15, 20]) } : null,
      isUnsafeId: isUnsafeId === true,
      note: kind === "wholesale" ? "Wholesale order for the Uppsala store" : null,
      tags: kind === "wholesale" ? ["wholesale", "b2b"] : kind === "draft" ? ["phone-order"] : [],
    };
    const created = buildOrder(world, spec);
    orders.push(planOrderStory(world, timeline, created, createdAt, storyFor(world, kind, created, country)));
  });
  return { world, orders, deliveries: timeline.deliveries() };
}

export function buildDemoScenario(options: ScenarioOptions): Delivery[] {
  return buildDemoWeek(options).deliveries;
}
