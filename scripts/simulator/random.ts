import { createHash } from "node:crypto";

/** A small seeded PRNG (mulberry32): the same seed always yields the same sequence. */
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  digits(length: number): string;
  hex(length: number): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick() from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability: number) => next() < probability,
    digits: (length: number) => Array.from({ length }, () => String(int(0, 9))).join(""),
    hex: (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join(""),
  };
}

/**
 * A UUID-shaped id derived from its parts (sha256), so re-running a scenario with the same seed sends
 * the same X-Shopify-Webhook-Id / Event-Id values, which is how a Shopify retry looks to the app.
 */
export function deterministicUuid(...parts: Array<string | number>): string {
  const hex = createHash("sha256").update(parts.join(":")).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 32-bit PRNG seed derived from its parts (sha256), e.g. one per simulated day: `seedFrom(seed, "history", date)`. */
export function seedFrom(...parts: Array<string | number>): number {
  return parseInt(createHash("sha256").update(parts.join(":")).digest("hex").slice(0, 8), 16);
}
