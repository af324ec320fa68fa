import { matchLane, type Destination, type LaneMatch } from "./match-lane";
import type { CheckoutSurface, PromiseConfig } from "./promise-config";

/**
 * Where the merchant wants Kept's date at checkout (settings document `checkoutSurface`): "auto" lets the
 * plan decide, "option" / "title" pick a surface. Only a Plus store has a choice (see resolveCheckoutSurface).
 */
export type CheckoutSurfaceSetting = "auto" | CheckoutSurface;

/** What the sync job reads from Shopify about the shop; undefined = unknown (no scope, no answer). */
export interface ShopifyFacts {
  /** `deliveryPromiseSettings.deliveryDatesEnabled`. */
  deliveryDatesEnabled?: boolean;
  /** `shop.ianaTimezone`: the zone of the Function's clock (`shop.localTime`). */
  timeZone?: string;
  /** `shop.plan.shopifyPlus`: only Plus checkouts render extensions on the shipping step. */
  shopifyPlus?: boolean;
}

/**
 * Which one surface dates shipping options, so an option never gets two Kept dates. The extension under
 * the option renders only on Shopify Plus, so every other plan, and a plan Kept could not read, gets the
 * title (the Function runs on every plan). On Plus, "auto" picks the line under the option (it can use
 * Shopify's transit estimate and date options one by one) unless the merchant picked the title.
 */
export function resolveCheckoutSurface(setting: CheckoutSurfaceSetting, shopifyPlus: boolean | undefined): CheckoutSurface {
  if (shopifyPlus !== true) return "title";
  return setting === "auto" ? "option" : setting;
}

/** The surface a published config puts in charge; a config written before the field existed: the title. */
export function checkoutSurfaceOf(config: PromiseConfig): CheckoutSurface {
  return config.checkoutSurface ?? "title";
}

/**
 * The config as the sync job publishes it: the merchant's settings plus the Shopify facts checkout needs
 * and the surface in charge. The settings page builds the same thing from its snapshot of those facts,
 * so its verdicts are the ones checkout reaches.
 */
export function withShopifyFacts(config: PromiseConfig, facts: ShopifyFacts, setting: CheckoutSurfaceSetting): PromiseConfig {
  const published: PromiseConfig = { ...config, checkoutSurface: resolveCheckoutSurface(setting, facts.shopifyPlus) };
  delete published.shopifyDates;
  delete published.shopifyTimeZone;
  if (facts.deliveryDatesEnabled !== undefined) published.shopifyDates = facts.deliveryDatesEnabled;
  if (facts.timeZone !== undefined) published.shopifyTimeZone = facts.timeZone;
  return published;
}

/**
 * Whether the Function's only clock, `shop.localTime` in the store's Shopify zone, reads the warehouse's
 * calendar. Otherwise (or when the store zone is unknown) its "today" could be the wrong day.
 */
export function isStoreClockWarehouseClock(config: PromiseConfig): boolean {
  return config.shopifyTimeZone === config.timeZone;
}

/**
 * What checkout (extension, Function) or the admin knows about one shipping option. Each surface
 * fills in what it can see; a fact it cannot see stays undefined.
 */
export interface DeliveryOptionFacts {
  handle?: string;
  title?: string;
  /** Shopify's delivery method type: SHIPPING, LOCAL, PICK_UP, PICKUP_POINT, RETAIL, NONE. */
  methodType?: string;
  /**
   * Shopify has a transit time of its own for this option (checkout: `deliveryEstimate.timeInTransit`;
   * admin: a rate Shopify dates itself), so with Shopify's delivery dates on it shows Shopify's date.
   * Undefined = cannot be seen, which counts as yes.
   */
  hasShopifyTransit?: boolean;
  /** The option carries Shop Promise; its dates are Shopify's and must not be touched. */
  isShopPromise?: boolean;
}

export type OptionSkipReason = "other-surface" | "local-or-pickup" | "shop-promise" | "store-time-zone" | "shopify-delivery-date" | "no-lane";

export type OptionDecision = { kind: "promise"; match: LaneMatch } | { kind: "skip"; reason: OptionSkipReason };

/** Method types whose timing is the merchant's own (a local driver, a pickup counter): Kept adds no date. */
const LEFT_ALONE = new Set(["LOCAL", "PICK_UP", "PICKUP", "PICKUP_POINT", "RETAIL"]);

/**
 * Decides whether `surface` shows Kept's promise for a shipping option ("no double dates"), for the
 * extension under the option, the Function's title, and the admin asking on behalf of either:
 * 1. only the surface the config puts in charge dates anything (one Kept date per option);
 * 2. local delivery and pickup are left alone; Shop Promise options keep Shopify's badge and dates;
 * 3. the title's only clock is the store's Shopify time zone, so it dates nothing when that is not
 *    (or not known to be) the warehouse zone;
 * 4. no date where Shopify may show its own: its delivery dates are on or unknown and the option has
 *    Shopify's transit time. The title surface cannot see transit times (the Function input has none),
 *    so there every option counts as having one, whatever the caller knows;
 * 5. otherwise a lane for the destination is needed; without one Kept shows nothing, never a guess.
 * The caller computes the promise for an eligible option with the engine.
 */
export function decideOptionPromise(config: PromiseConfig, surface: CheckoutSurface, option: DeliveryOptionFacts, destination: Destination): OptionDecision {
  if (surface !== checkoutSurfaceOf(config)) return { kind: "skip", reason: "other-surface" };
  if (option.methodType !== undefined && LEFT_ALONE.has(option.methodType.toUpperCase())) return { kind: "skip", reason: "local-or-pickup" };
  if (option.isShopPromise === true) return { kind: "skip", reason: "shop-promise" };
  if (surface === "title" && !isStoreClockWarehouseClock(config)) return { kind: "skip", reason: "store-time-zone" };
  const hasShopifyTransit = surface === "title" ? undefined : option.hasShopifyTransit;
  if (config.shopifyDates !== false && hasShopifyTransit !== false) return { kind: "skip", reason: "shopify-delivery-date" };
  const match = matchLane(config.lanes, { handle: option.handle, title: option.title }, destination);
  return match === null ? { kind: "skip", reason: "no-lane" } : { kind: "promise", match };
}
