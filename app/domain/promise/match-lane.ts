import type { Lane, LaneDestination } from "./promise-config";

/** The shipping method the shopper picked, as checkout reports it. */
export interface ShippingMethod {
  handle?: string;
  title?: string;
}

/** Where the order goes. `timeZone` is optional; the engine falls back to the shop zone. */
export interface Destination {
  countryCode: string;
  provinceCode?: string;
  postalCode?: string;
  timeZone?: string;
}

/** The lane chosen for an order and why. */
export interface LaneMatch {
  lane: Lane;
  matchedBy: "postal-prefix" | "region" | "country" | "rest-of-world";
}

/**
 * Glob match on a whole title: `*` stands for any run of characters, everything else is literal.
 * Works segment by segment (no RegExp), so a pattern from merchant input can't backtrack badly.
 */
function matchesGlob(title: string, pattern: string): boolean {
  const segments = pattern.split("*");
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!title.startsWith(first) || title.length < first.length + last.length) return false;
  let position = first.length;
  for (const middle of segments.slice(1, -1)) {
    const found = title.indexOf(middle, position);
    if (found === -1) return false;
    position = found + middle.length;
  }
  return title.length - last.length >= position && title.endsWith(last);
}

/** True when the lane's method matcher accepts the shopper's shipping method. */
export function matchesMethod(lane: Lane, method: ShippingMethod): boolean {
  const { handle, titlePattern } = lane.method;
  if (handle !== undefined && method.handle === handle) return true;
  if (titlePattern === undefined || method.title === undefined) return false;
  const title = method.title.toLowerCase();
  const pattern = titlePattern.toLowerCase();
  return pattern.includes("*") ? matchesGlob(title, pattern) : title.includes(pattern);
}

const normalizePostal = (postal: string): string => postal.replace(/[\s-]/g, "").toUpperCase();

/** "DE-BY" and "BY" both mean Bavaria once the country is known. */
function normalizeRegion(region: string, country: string): string {
  const upper = region.toUpperCase();
  return upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
}

/** Specificity score of a lane destination for this order, or null when it does not apply. */
function scoreDestination(target: LaneDestination, destination: Destination): number | null {
  if (target.country === "*") return 0;
  const country = destination.countryCode.toUpperCase();
  if (target.country.toUpperCase() !== country) return null;
  let score = 1;
  if (target.region !== undefined) {
    const region = destination.provinceCode;
    if (region === undefined || normalizeRegion(region, country) !== normalizeRegion(target.region, country)) {
      return null;
    }
    score = 2;
  }
  if (target.postalPrefix !== undefined) {
    const prefix = normalizePostal(target.postalPrefix);
    const postal = destination.postalCode === undefined ? "" : normalizePostal(destination.postalCode);
    if (prefix.length === 0 || !postal.startsWith(prefix)) return null;
    // Postal beats region beats country; among postal lanes the longer prefix wins.
    score = 3 + prefix.length / 100;
  }
  return score;
}

const MATCHED_BY: readonly LaneMatch["matchedBy"][] = ["rest-of-world", "country", "region", "postal-prefix"];

/**
 * Picks the lane for an order: among lanes whose method matcher accepts the shipping method,
 * the most specific destination wins — postal prefix > region > country > "*" (rest of world);
 * a longer postal prefix beats a shorter one, and remaining ties go to the earlier lane in the list.
 * Returns null when no lane applies (the caller must then show no promise).
 */
export function matchLane(lanes: readonly Lane[], method: ShippingMethod, destination: Destination): LaneMatch | null {
  let best: { lane: Lane; score: number } | null = null;
  for (const lane of lanes) {
    if (!matchesMethod(lane, method)) continue;
    const score = scoreDestination(lane.destination, destination);
    if (score !== null && (best === null || score > best.score)) best = { lane, score };
  }
  if (best === null) return null;
  return { lane: best.lane, matchedBy: MATCHED_BY[Math.min(3, Math.floor(best.score))] };
}
