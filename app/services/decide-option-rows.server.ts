import type { PromiseConfig } from "~/domain/promise/promise-config";
import { decideShippingOption, type ShippingOption } from "~/domain/promise/shipping-options";
import { getShippingSnapshot } from "~/models/shipping-snapshot.server";
import { countryName } from "~/utils/format";
import { describeJobState, type JobState } from "~/utils/job-state";


export type OptionVerdict = {
  country: string;
  countryName: string;
  kind: "promise" | "skip";
  laneId: string | null;
  laneLabel: string | null;
  reason: string | null;
  narrowerLaneIds: string[];
};

export type ShippingOptionRow = Pick<ShippingOption, "key" | "name" | "source" | "rateKind" | "methodType"> & { verdicts: OptionVerdict[] };

export type ShippingOptionRows = {
  /** When the snapshot was taken (ISO), or null when there is none yet. */
  fetchedAt: string | null;
  deliveryDatesEnabled: boolean | null;
  processingTime: string | null;
  truncated: boolean;
  pickupError: string | null;
  /** The last "Refresh from Shopify" job: pending, retrying (with the error), succeeded or dead. */
  refresh: JobState;
  rows: ShippingOptionRow[];
};

/**
 * The shop's shipping options from the last snapshot, each with Kept's verdict per destination under
 * `config` (the no-double-dates policy): the lane that dates it, or why Kept stays silent.
 */
export async function decideOptionRows(shop: string, config: PromiseConfig | null): Promise<ShippingOptionRows> {
  const { snapshot, fetchedAt, job } = await getShippingSnapshot(shop);
  const rows = (snapshot?.options ?? []).map((option): ShippingOptionRow => ({
    key: option.key,
    name: option.name,
    source: option.source,
    rateKind: option.rateKind,
    methodType: option.methodType,
    verdicts: config
      ? decideShippingOption(config, option, snapshot?.deliveryDatesEnabled ?? false).map(({ country, decision, narrowerLaneIds }) => ({
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
  return {
    fetchedAt: fetchedAt?.toISOString() ?? null,
    deliveryDatesEnabled: snapshot?.deliveryDatesEnabled ?? null,
    processingTime: snapshot?.processingTime ?? null,
    truncated: snapshot?.truncated ?? false,
    pickupError: snapshot?.pickupError ?? null,
    refresh: describeJobState(job),
    rows,
  };
}
