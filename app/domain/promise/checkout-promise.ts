import { computePromise, computePromiseForShopDay, type DeliveryPromise } from "./compute-promise";
import type { Destination } from "./match-lane";
import { decideOptionPromise, type DeliveryOptionFacts, type OptionSkipReason } from "./option-policy";
import type { DayRange, PromiseConfig } from "./promise-config";

/** A shipping option as a checkout UI extension sees it (ShippingOption / PickupPointOption / PickupLocationOption). */
export interface CheckoutOption {
  /** Opaque per checkout; not what lanes match. */
  handle: string;
  /** The rate's code, the same value orders carry as `shipping_lines.code`: what a lane's `method.handle` matches. */
  code: string;
  title?: string;
  type: "shipping" | "local" | "pickup" | "pickupPoint";
  /** Shopify's transit estimate in seconds (`deliveryEstimate.timeInTransit`); either bound may be missing. */
  timeInTransit?: { lower?: number; upper?: number };
}

/** A delivery option as the Function input has it. */
export interface FunctionOption {
  handle: string;
  /** The rate's code (`shipping_lines.code` on the order): what a lane's `method.handle` matches. */
  code?: string | null;
  title?: string | null;
  deliveryMethodType: string;
}

export type OptionPromise = { kind: "promise"; promise: DeliveryPromise } | { kind: "skip"; reason: OptionSkipReason | "no-promise" };

const SECONDS_PER_DAY = 86_400;
const METHOD_TYPES = { shipping: "SHIPPING", local: "LOCAL", pickup: "PICK_UP", pickupPoint: "PICKUP_POINT" } as const;

/**
 * Shopify's transit estimate as whole days: the lower bound rounded down, the upper rounded up, counted
 * as carrier delivery days (if Shopify meant calendar days, business days only make the date later).
 * Without an upper bound there is no latest day, so no estimate.
 */
export function transitDaysFromSeconds(range: CheckoutOption["timeInTransit"]): DayRange | undefined {
  if (range?.upper === undefined || !Number.isFinite(range.upper) || range.upper < 0) return undefined;
  const max = Math.ceil(range.upper / SECONDS_PER_DAY);
  const lower = range.lower !== undefined && Number.isFinite(range.lower) && range.lower >= 0 ? range.lower : range.upper;
  return { min: Math.min(max, Math.floor(lower / SECONDS_PER_DAY)), max };
}

/**
 * What checkout tells us about an option. Checkout exposes no Shop Promise flag and no "Shopify shows
 * a date here" flag. Shopify can only date an option it has a transit time for (Shop Promise, US only,
 * is shown on such dated options), so the transit estimate is the fact the policy weighs against the
 * shop's delivery-dates setting.
 */
function checkoutOptionFacts(option: CheckoutOption): DeliveryOptionFacts {
  return {
    handle: option.code,
    title: option.title,
    methodType: METHOD_TYPES[option.type],
    hasShopifyTransit: transitDaysFromSeconds(option.timeInTransit) !== undefined,
  };
}

/** What the Function input tells us: no transit time at all, so `hasShopifyTransit` stays unknown. */
function functionOptionFacts(option: FunctionOption): DeliveryOptionFacts {
  return { handle: option.code ?? undefined, title: option.title ?? undefined, methodType: option.deliveryMethodType };
}

/**
 * The date to show under a checkout shipping option (UI extension): the "no double dates" policy for
 * the "option" surface first (nothing when the config puts the title in charge), then the engine with
 * Shopify's transit estimate when there is one, the lane's otherwise.
 */
export function promiseForCheckoutOption(config: PromiseConfig, option: CheckoutOption, destination: Destination, orderedAt: number): OptionPromise {
  const decision = decideOptionPromise(config, "option", checkoutOptionFacts(option), destination);
  if (decision.kind === "skip") return decision;
  const transitDays = transitDaysFromSeconds(option.timeInTransit);
  const method = { handle: option.code, title: option.title };
  const result = computePromise(config, { orderedAt, method, destination, transitDays });
  return result.ok ? { kind: "promise", promise: result } : { kind: "skip", reason: "no-promise" };
}

/**
 * The date for a Function delivery option (the "title" surface), from the shop's local date and whether
 * that day's cut-off has passed (the Function has no other clock; the policy declines when the store's
 * Shopify time zone is not the warehouse zone, as the local date could be the wrong day).
 */
export function promiseForFunctionOption(
  config: PromiseConfig,
  option: FunctionOption,
  destination: Omit<Destination, "timeZone">,
  shopDay: { date: string; isBeforeCutoff: boolean },
): OptionPromise {
  const decision = decideOptionPromise(config, "title", functionOptionFacts(option), destination);
  if (decision.kind === "skip") return decision;
  const method = { handle: option.code ?? undefined, title: option.title ?? undefined };
  const result = computePromiseForShopDay(config, { shopDate: shopDay.date, isBeforeCutoff: shopDay.isBeforeCutoff, method, destination });
  return result.ok ? { kind: "promise", promise: result } : { kind: "skip", reason: "no-promise" };
}
