// Arrival: one fact per order, with its source. An order arrives with its last parcel. A parcel's delivery
// is confirmed by a `delivered` scan or by `shipment_status: delivered`; many carriers never send either,
// so when every parcel has shipped and the quiet period after the lane's usual carrier time has passed,
// arrival is inferred (never before the parcel's last scan) and says how. A later real scan replaces it;
// nothing replaces a confirmed arrival with a weaker one (`mergeArrival`).

const HOUR_MS = 3_600_000;

/** Fulfillment statuses that are not a parcel on its way: nothing was handed to a carrier. */
const NOT_A_PARCEL = new Set(["cancelled", "error", "failure"]);

/** One fulfillment of the order as Kept stores it (facts derived from its scans, any arrival order). */
export type Parcel = {
  status: string | null;
  /** Number of order lines in the parcel. */
  lineCount: number;
  shippedAt: Date;
  deliveredAt: Date | null;
  /** What confirmed `deliveredAt`: a delivered scan, or only the fulfillment's shipment status. */
  deliveredBy: "scan" | "status" | null;
  lastScanAt: Date | null;
};

/**
 * How long parcels on this lane took from shipping to a confirmed delivery, from the shop's own history:
 * the 90th percentile in hours over `sample` deliveries, from the lane or (too few there) the whole shop.
 */
/**
 * The carrier time arrival is inferred from: the lane's or the shop's p90 over confirmed deliveries, or,
 * while the shop has too few, the lane's configured transit maximum (`sample` 0).
 */
export type TransitHistory = { p90Hours: number; sample: number; scope: "lane" | "shop" | "settings" };

export type Arrival =
  { kind: "confirmed"; at: Date; by: "scan" | "status"; parcels: number } | { kind: "inferred"; at: Date; how: string; parcels: number } | { kind: "none" };

export type ArrivalFacts = {
  arrival: Arrival;
  /** How much of the order has been handed to a carrier. */
  shipped: "none" | "partly" | "fully";
  /** When the last parcel shipped (the order's ship date for the ship-by check), once fully shipped. */
  lastShippedAt: Date | null;
  /** The instant at which an inference becomes due (when no scan comes first), or null. */
  inferenceDueAt: Date | null;
};

export type ArrivalInput = {
  parcels: readonly Parcel[];
  /** The order's own `fulfillment_status` ("fulfilled" once every line shipped), and its number of lines. */
  orderFulfillmentStatus: string | null;
  orderLineCount: number;
  transit: TransitHistory | null;
  /** Hours without a delivered scan after the lane's p90 carrier time before arrival is inferred. */
  quietHours: number;
  now: Date;
};

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

function shippedState(parcels: readonly Parcel[], input: ArrivalInput): ArrivalFacts["shipped"] {
  if (parcels.length === 0) return "none";
  const shippedLines = parcels.reduce((sum, parcel) => sum + parcel.lineCount, 0);
  const everyLine = input.orderFulfillmentStatus === "fulfilled" || (input.orderLineCount > 0 && shippedLines >= input.orderLineCount);
  return everyLine ? "fully" : "partly";
}

/** When an undelivered parcel is taken to have arrived: its p90 carrier time after shipping, never before its last scan. */
function inferredInstant(parcel: Parcel, transit: TransitHistory): Date {
  const typical = new Date(parcel.shippedAt.getTime() + transit.p90Hours * HOUR_MS);
  return parcel.lastScanAt ? later(typical, parcel.lastScanAt) : typical;
}

function describeInference(transit: TransitHistory, undelivered: number): string {
  const days = (transit.p90Hours / 24).toFixed(1);
  const parcels = undelivered === 1 ? "the parcel" : `${undelivered} parcels`;
  if (transit.scope === "settings") {
    return `no delivered scan for ${parcels}; the lane's configured longest transit (${days} days) after shipping, not before the last scan (too few confirmed deliveries to learn from yet)`;
  }
  const scope = transit.scope === "lane" ? "this lane's" : "the shop's";
  return `no delivered scan for ${parcels}; ${scope} 90th-percentile carrier time (${days} days over ${transit.sample} deliveries) after shipping, not before the last scan`;
}

/** The order's arrival from its parcels, at `now`. */
export function arrivalOf(input: ArrivalInput): ArrivalFacts {
  const parcels = input.parcels.filter((parcel) => !NOT_A_PARCEL.has(parcel.status ?? ""));
  const shipped = shippedState(parcels, input);
  if (shipped !== "fully") return { arrival: { kind: "none" }, shipped, lastShippedAt: null, inferenceDueAt: null };
  const lastShippedAt = parcels.map((parcel) => parcel.shippedAt).reduce(later);
  const delivered = parcels.filter((parcel) => parcel.deliveredAt !== null);
  if (delivered.length === parcels.length) {
    const last = delivered.reduce((a, b) => ((a.deliveredAt as Date).getTime() >= (b.deliveredAt as Date).getTime() ? a : b));
    const by = delivered.every((parcel) => parcel.deliveredBy === "scan") ? "scan" : "status";
    return { arrival: { kind: "confirmed", at: last.deliveredAt as Date, by, parcels: parcels.length }, shipped, lastShippedAt, inferenceDueAt: null };
  }
  if (!input.transit) return { arrival: { kind: "none" }, shipped, lastShippedAt, inferenceDueAt: null };
  const transit = input.transit;
  const undelivered = parcels.filter((parcel) => parcel.deliveredAt === null);
  const at = [...delivered.map((parcel) => parcel.deliveredAt as Date), ...undelivered.map((parcel) => inferredInstant(parcel, transit))].reduce(later);
  const inferenceDueAt = new Date(at.getTime() + input.quietHours * HOUR_MS);
  if (input.now.getTime() < inferenceDueAt.getTime()) return { arrival: { kind: "none" }, shipped, lastShippedAt, inferenceDueAt };
  return {
    arrival: { kind: "inferred", at, how: describeInference(transit, undelivered.length), parcels: parcels.length },
    shipped,
    lastShippedAt,
    inferenceDueAt,
  };
}

const STRENGTH = { none: 0, inferred: 1, confirmed: 2 } as const;

/**
 * The arrival fact never goes backwards: a confirmed arrival is replaced only by another confirmed one (a
 * later parcel, or a corrected scan), an inferred one by an inference or a confirmation, and `none` never
 * replaces a fact Kept already had.
 */
export function mergeArrival(previous: Arrival, next: Arrival): Arrival {
  return STRENGTH[next.kind] >= STRENGTH[previous.kind] ? next : previous;
}
