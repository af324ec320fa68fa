import type { Persona } from "./destinations";
import { createRng, type Rng } from "./random";
import { shopifyGid, type GidType } from "../../app/domain/shopify/gid";

// The simulated shop ("world"): seeded randomness, id sequences, the catalog and the known customers.
// Every builder takes the world as input, so the same seed and the same calls give the same payloads.

type ShopInfo = { domain: string; id: number; name: string; currency: string; offsetMinutes: number; locationId: number };
export type Id = number | bigint;

export type Variant = {
  productId: number;
  variantId: number;
  productTitle: string;
  variantTitle: string | null;
  vendor: string;
  sku: string;
  price: string;
  grams: number;
  giftCard: boolean;
};

export type CustomerRecord = { id: Id; persona: Persona; createdAt: Date; state: "enabled" | "disabled"; ordersPlaced: number };

type IdKind = "order" | "line_item" | "customer" | "fulfillment" | "event" | "shipping_line" | "checkout" | "data_request" | "tax_line";

// Realistic magnitudes: today's Shopify REST ids are 11-14 digits, comfortably below 2^53.
const ID_BASES: Record<IdKind, number> = {
  order: 6_120_000_000_000,
  line_item: 15_800_000_000_000,
  customer: 7_640_000_000_000,
  fulfillment: 5_410_000_000_000,
  event: 4_210_000_000_000,
  shipping_line: 5_020_000_000_000,
  checkout: 36_000_000_000_000,
  data_request: 9_870_000_000,
  tax_line: 1_000_000,
};

/** Ids per kind in one block (see createShopWorld's `idBlock`): far more than one simulated day uses. */
const ID_BLOCK_SIZE = 10_000_000;

/** First id above 2^53 + 1; consecutive odd values cannot be represented exactly as JS numbers. */
const FIRST_UNSAFE_ID = 9_007_199_254_740_993n;

export type ShopWorld = {
  rng: Rng;
  shop: ShopInfo;
  nextId(kind: IdKind): number;
  nextUnsafeId(): bigint;
  nextOrderNumber(): number;
  customerFor(persona: Persona, createdAt: Date): CustomerRecord;
  catalog: Variant[];
  giftCard: Variant;
};

const PRODUCTS: Array<[title: string, vendor: string, basePrice: number, grams: number, variants: string[]]> = [
  ["Lavendel Soap", "Kept Soap Co", 89, 120, ["100 g", "200 g"]],
  ["Birch Tar Shampoo Bar", "Kept Soap Co", 129, 90, ["Travel", "Regular"]],
  ["Linen Hand Towel", "Hemslöjd AB", 249, 180, ["Natural", "Charcoal", "Sage"]],
  ["Beeswax Candle", "Bikupan", 159, 300, ["Small", "Large"]],
  ["Ceramic Soap Dish", "Lera & Eld", 199, 350, ["White", "Blue"]],
  ["Wooden Nail Brush", "Kept Soap Co", 119, 60, [""]],
  ["Gift Box", "Kept Soap Co", 449, 900, ["Classic", "Deluxe"]],
];

function buildCatalog(): Variant[] {
  return PRODUCTS.flatMap(([title, vendor, basePrice, grams, variants], productIndex) =>
    variants.map((variant, variantIndex) => ({
      productId: 8_912_345_600_000 + productIndex * 1_003,
      variantId: 45_123_456_700_000 + productIndex * 10_007 + variantIndex,
      productTitle: title,
      variantTitle: variant === "" ? null : variant,
      vendor,
      sku: `${title
        .replace(/[^A-Za-z]/g, "")
        .slice(0, 6)
        .toUpperCase()}-${String(variantIndex + 1).padStart(2, "0")}`,
      price: (basePrice + variantIndex * 40).toFixed(2),
      grams: grams + variantIndex * 50,
      giftCard: false,
    })),
  );
}

/** 250+ distinct variants for wholesale-size orders: every catalog item in numbered colourways. */
export function wholesaleVariants(world: ShopWorld, count: number): Variant[] {
  return Array.from({ length: count }, (_, index) => {
    const base = world.catalog[index % world.catalog.length] as Variant;
    const batch = Math.floor(index / world.catalog.length) + 1;
    return {
      ...base,
      variantId: base.variantId + batch * 100,
      variantTitle: `${base.variantTitle ?? "Standard"} / Batch ${batch}`,
      sku: `${base.sku}-B${batch}`,
    };
  });
}

type WorldOptions = {
  seed: number;
  shopDomain: string;
  offsetMinutes?: number;
  /** Ids start this many blocks above the usual bases, so worlds built apart (one per simulated day) never share an id. */
  idBlock?: number;
  /** The number before the world's first order (default 1000: the first order is #1001). */
  lastOrderNumber?: number;
};

export function createShopWorld(options: WorldOptions): ShopWorld {
  const rng = createRng(options.seed);
  const counters = new Map<IdKind, number>();
  const customers = new Map<string, CustomerRecord>();
  const idOffset = (options.idBlock ?? 0) * ID_BLOCK_SIZE;
  let orderNumber = options.lastOrderNumber ?? 1000;
  let unsafeOffset = 0n;
  const world: ShopWorld = {
    rng,
    shop: {
      domain: options.shopDomain,
      id: 68_112_345_678,
      name: "Kept Demo Soap Co",
      currency: "SEK",
      offsetMinutes: options.offsetMinutes ?? 60,
      locationId: 71_234_567_890,
    },
    nextId(kind) {
      const value = (counters.get(kind) ?? ID_BASES[kind] + idOffset) + rng.int(1, 9_999);
      counters.set(kind, value);
      return value;
    },
    nextUnsafeId() {
      const value = FIRST_UNSAFE_ID + unsafeOffset;
      unsafeOffset += 2n;
      return value;
    },
    nextOrderNumber: () => (orderNumber += 1),
    customerFor(persona, createdAt) {
      const known = customers.get(persona.email);
      if (known) return known;
      const record: CustomerRecord = { id: world.nextId("customer"), persona, createdAt, state: "enabled", ordersPlaced: 0 };
      customers.set(persona.email, record);
      return record;
    },
    catalog: buildCatalog(),
    giftCard: {
      productId: 8_912_345_699_001,
      variantId: 45_123_456_799_001,
      productTitle: "Kept Gift Card",
      variantTitle: "500 kr",
      vendor: "Kept Soap Co",
      sku: "",
      price: "500.00",
      grams: 0,
      giftCard: true,
    },
  };
  return world;
}

export function gid(type: GidType, id: Id): string {
  return shopifyGid(type, id);
}
