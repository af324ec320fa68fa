import { matchLane, type Destination, type LaneMatch } from "./match-lane";
import type { PromiseConfig } from "./promise-config";

/**
 * What checkout (extension, Function) or the admin knows about one shipping option. Each surface
 * fills in what it can see; a fact it cannot see stays undefined and does not cause a skip.
 */
export interface DeliveryOptionFacts {
  handle?: string;
  title?: string;
  /** Shopify's delivery method type: SHIPPING, LOCAL, PICK_UP, PICKUP_POINT, RETAIL, NONE. */
  methodType?: string;
  /** Shopify already shows a delivery date of its own for this option (its delivery-dates feature). */
  hasShopifyDeliveryDate?: boolean;
  /** The option carries Shop Promise; its dates are Shopify's and must not be touched. */
  isShopPromise?: boolean;
}

export type OptionSkipReason = "local-or-pickup" | "shop-promise" | "shopify-delivery-date" | "no-lane";

export type OptionDecision = { kind: "promise"; match: LaneMatch } | { kind: "skip"; reason: OptionSkipReason };

/** Method types whose timing is the merchant's own (a local driver, a pickup counter): Kept adds no date. */
const LEFT_ALONE = new Set(["LOCAL", "PICK_UP", "PICKUP", "PICKUP_POINT", "RETAIL"]);

/**
 * Decides whether Kept may show its promise for a shipping option. "No double dates": local delivery
 * and pickup are left alone, Shop Promise options keep Shopify's badge and dates, and an option for
 * which Shopify already shows a delivery date gets no second one. Otherwise the option needs a lane for
 * the destination; without one Kept shows nothing rather than an invented date. The caller computes the
 * promise for an eligible option with `computePromise`.
 */
export function decideOptionPromise(config: PromiseConfig, option: DeliveryOptionFacts, destination: Destination): OptionDecision {
  if (option.methodType !== undefined && LEFT_ALONE.has(option.methodType.toUpperCase())) return { kind: "skip", reason: "local-or-pickup" };
  if (option.isShopPromise === true) return { kind: "skip", reason: "shop-promise" };
  if (option.hasShopifyDeliveryDate === true) return { kind: "skip", reason: "shopify-delivery-date" };
  const match = matchLane(config.lanes, { handle: option.handle, title: option.title }, destination);
  return match === null ? { kind: "skip", reason: "no-lane" } : { kind: "promise", match };
}
