// The words the merchant filters orders by (the Orders page, the Dashboard's links): each outcome is one or
// two stored verdicts (app/models/orders/order-list.server.ts), each cause a stored late cause.

export const OUTCOME_FILTERS = ["kept", "late", "at-risk", "on-its-way", "not-counted"] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

export const OUTCOME_FILTER_LABELS: Record<OutcomeFilter, string> = {
  kept: "Kept",
  late: "Late",
  "at-risk": "At risk now",
  "on-its-way": "On its way",
  "not-counted": "Not counted",
};

export const CAUSE_FILTERS = ["warehouse", "carrier", "both"] as const;
export type CauseFilter = (typeof CAUSE_FILTERS)[number];

export const CAUSE_FILTER_LABELS: Record<CauseFilter, string> = {
  warehouse: "Shipped after the ship-by date",
  carrier: "Slow with the carrier",
  both: "Both",
};
