import {
  checkoutSurfaceOf,
  isStoreClockWarehouseClock,
  withShopifyFacts,
  type CheckoutSurfaceSetting,
  type OptionSkipReason,
} from "~/domain/promise/option-policy";
import type { CheckoutSurface, PromiseConfig } from "~/domain/promise/promise-config";
import { decideShippingOption, type ShippingOption } from "~/domain/promise/shipping-options";
import { getShippingSnapshot } from "~/models/promise/shipping-snapshot.server";
import type { ShippingSnapshot } from "~/schemas/promise/shipping-snapshot";
import { countryName } from "~/utils/format";
import { describeJobState, type JobState } from "~/domain/jobs/job-state";

export type OptionVerdict = {
  country: string;
  countryName: string;
  kind: "promise" | "skip";
  laneId: string | null;
  laneLabel: string | null;
  reason: OptionSkipReason | null;
  narrowerLaneIds: string[];
};

type ShippingOptionRow = Pick<ShippingOption, "key" | "name" | "source" | "rateKind" | "methodType"> & { verdicts: OptionVerdict[] };

/** Which checkout surface dates the options, and the Shopify facts that decided it. */
export type CheckoutSurfaceState = {
  /** The one surface that shows Kept's date with these settings: "option" (under it, Plus) or "title" (every plan). */
  active: CheckoutSurface;
  setting: CheckoutSurfaceSetting;
  /** null = unknown (no snapshot, or one taken before Kept read the plan). */
  shopifyPlus: boolean | null;
  shopifyTimeZone: string | null;
  warehouseTimeZone: string;
  /** The title is in charge but the store's Shopify zone is not (or not known to be) the warehouse's: it dates nothing. */
  isTimeZoneBlocking: boolean;
};

export type ShippingOptionRows = {
  /** When the snapshot was taken (ISO), or null when there is none yet. */
  fetchedAt: string | null;
  /** Shopify's delivery dates; null = unknown, which checkout treats as on. */
  deliveryDatesEnabled: boolean | null;
  processingTime: string | null;
  truncated: boolean;
  pickupError: string | null;
  /** The last "Refresh from Shopify" job: pending, retrying (with the error), succeeded or dead. */
  refresh: JobState;
  surface: CheckoutSurfaceState | null;
  rows: ShippingOptionRow[];
};

/**
 * The config as the sync job would publish it with the snapshot's Shopify facts. Facts the snapshot
 * lacks stay unknown, as they would in the published config: unknown delivery dates count as on,
 * an unknown plan puts the title in charge, an unknown store zone stops the title.
 */
function publishedFromSnapshot(config: PromiseConfig, snapshot: ShippingSnapshot | null, setting: CheckoutSurfaceSetting): PromiseConfig {
  return withShopifyFacts(
    config,
    {
      deliveryDatesEnabled: snapshot?.deliveryDatesEnabled,
      timeZone: snapshot?.shopTimeZone ?? undefined,
      shopifyPlus: snapshot?.shopifyPlus ?? undefined,
    },
    setting,
  );
}

/**
 * The shop's shipping options from the last snapshot, each with Kept's verdict per destination under
 * `config` (a draft's or the saved settings') and the merchant's surface choice: the verdict of the
 * shared no-double-dates policy for the surface that would be in charge, i.e. what checkout does.
 */
export async function decideOptionRows(shop: string, config: PromiseConfig | null, setting: CheckoutSurfaceSetting): Promise<ShippingOptionRows> {
  const { snapshot, fetchedAt, job } = await getShippingSnapshot(shop);
  const published = config && publishedFromSnapshot(config, snapshot, setting);
  const rows = (snapshot?.options ?? []).map((option): ShippingOptionRow => ({
    key: option.key,
    name: option.name,
    source: option.source,
    rateKind: option.rateKind,
    methodType: option.methodType,
    verdicts: published
      ? decideShippingOption(published, option).map(({ country, decision, narrowerLaneIds }) => ({
          country,
          countryName: countryName(country),
          kind: decision.kind,
          laneId: decision.kind === "promise" ? decision.match.lane.id : null,
          laneLabel: decision.kind === "promise" ? decision.match.lane.label : null,
          reason: decision.kind === "skip" ? decision.reason : null,
          narrowerLaneIds,
        }))
      : [],
  }));
  const active = published && checkoutSurfaceOf(published);
  return {
    fetchedAt: fetchedAt?.toISOString() ?? null,
    deliveryDatesEnabled: snapshot?.deliveryDatesEnabled ?? null,
    processingTime: snapshot?.processingTime ?? null,
    truncated: snapshot?.truncated ?? false,
    pickupError: snapshot?.pickupError ?? null,
    refresh: describeJobState(job),
    surface:
      published && active
        ? {
            active,
            setting,
            shopifyPlus: snapshot?.shopifyPlus ?? null,
            shopifyTimeZone: published.shopifyTimeZone ?? null,
            warehouseTimeZone: published.timeZone,
            isTimeZoneBlocking: active === "title" && !isStoreClockWarehouseClock(published),
          }
        : null,
    rows,
  };
}
