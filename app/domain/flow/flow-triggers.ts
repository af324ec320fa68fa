import { addDays, compareDates, startOfDayInstant, wallClockAt, type CivilDate } from "../promise/civil-date";

// Kept's Shopify Flow triggers and when each fires (docs/flow.md). One `flow_trigger` extension per trigger
// (extensions/flow-*/shopify.extension.toml); the handle is what `flowTriggerReceive` names, the field keys are
// the payload's keys. Shopify's rules for both, read in the CLI's validation (Shopify/cli
// packages/app/src/cli/models/extensions/specifications/flow_trigger.ts, services/flow/constants.ts): a handle
// of at most 30 letters, digits and hyphens; a custom field key of letters and spaces only; `order_reference`
// becomes the payload key `order_id` (the order's numeric id); trigger fields are boolean, email,
// single_line_text_field, url, number_decimal or a schema type (no date type, so dates go as text).

export type FlowTriggerHandle = "kept-promise-kept" | "kept-promise-late" | "kept-order-arrived" | "kept-order-shipped-early" | "kept-apology-code-issued";

type FieldType = "single_line_text_field" | "number_decimal" | "boolean";

/** One trigger as its extension declares it: the merchant-facing name, and its fields besides the order reference. */
export type FlowTriggerDefinition = { handle: FlowTriggerHandle; name: string; description: string; fields: Record<string, FieldType> };

export const FLOW_TRIGGERS: readonly FlowTriggerDefinition[] = [
  {
    handle: "kept-promise-kept",
    name: "Delivery promise kept",
    description: "An order arrived on or before the delivery date Kept promised at checkout.",
    fields: {
      "Promised date": "single_line_text_field",
      "Arrival date": "single_line_text_field",
      "Arrival kind": "single_line_text_field",
      "Days early": "number_decimal",
    },
  },
  {
    handle: "kept-promise-late",
    name: "Delivery promise missed",
    description: "An order arrived after its promised delivery date, or the promised day ended without it. Says why: warehouse, carrier or both.",
    fields: { "Promised date": "single_line_text_field", Cause: "single_line_text_field", "Days late": "number_decimal", Arrived: "boolean" },
  },
  {
    handle: "kept-order-arrived",
    name: "Order arrived",
    description: "Kept recorded an order's arrival: confirmed by the carrier, or inferred when the carrier never confirmed.",
    fields: {
      "Arrival kind": "single_line_text_field",
      "Arrived at": "single_line_text_field",
      "Arrival date": "single_line_text_field",
      "Promised date": "single_line_text_field",
    },
  },
  {
    handle: "kept-order-shipped-early",
    name: "Order shipped early",
    description: "An order's last parcel shipped before its ship-by date, in the shop's calendar.",
    fields: { "Ship by date": "single_line_text_field", "Shipped at": "single_line_text_field", "Days early": "number_decimal" },
  },
  {
    handle: "kept-apology-code-issued",
    name: "Apology code issued",
    description: "Kept issued a discount code to apologise for a late order.",
    fields: { Code: "single_line_text_field", "Promised date": "single_line_text_field", Cause: "single_line_text_field" },
  },
];

/** The trigger a lifecycle callback names. Flow's docs show the trigger's title as `flow_trigger_definition_id`; a handle is accepted too. */
export function triggerNamed(definitionId: string): FlowTriggerHandle | null {
  const wanted = definitionId.trim().toLowerCase();
  return FLOW_TRIGGERS.find((trigger) => trigger.handle === wanted || trigger.name.toLowerCase() === wanted)?.handle ?? null;
}

/** What the stored outcome says about an order at one moment (before or after a refresh). */
export type FlowOrderState = {
  verdict: string;
  daysEarly: number | null;
  lateCause: string | null;
  arrivalKind: string;
  arrivalAt: Date | null;
  arrivalDate: CivilDate | null;
  shipped: string;
  shippedAt: Date | null;
  /** The promise's ship-by date, in the shop's calendar. */
  shipBy: CivilDate | null;
  shopZone: string;
  /** The promised date, in the destination's calendar. */
  promisedDate: CivilDate | null;
  destinationZone: string;
};

type Payload = Record<string, string | number | boolean>;

/** An event to send: which trigger, when it happened (events before the merchant enabled the trigger are not sent) and its fields. */
export type FlowEvent = { trigger: FlowTriggerHandle; happenedAt: Date; fields: Payload };

const DAY_MS = 86_400_000;
const daysBetween = (from: CivilDate, to: CivilDate) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const isArrived = (state: FlowOrderState | null) => state !== null && (state.arrivalKind === "confirmed" || state.arrivalKind === "inferred");

/** When a late order became late: its arrival, or (not arrived) the first moment after the promised day where the customer is. */
function lateSince(state: FlowOrderState): Date | null {
  if (isArrived(state) && state.arrivalAt) return state.arrivalAt;
  return state.promisedDate ? new Date(startOfDayInstant(addDays(state.promisedDate, 1), state.destinationZone)) : null;
}

/** Days the last parcel shipped before the ship-by date in the shop's calendar; null unless it shipped fully and early. */
function shippedDaysEarly(state: FlowOrderState): number | null {
  if (state.shipped !== "fully" || !state.shippedAt || !state.shipBy) return null;
  const shippedOn = wallClockAt(state.shippedAt.getTime(), state.shopZone).date;
  return compareDates(shippedOn, state.shipBy) < 0 ? daysBetween(shippedOn, state.shipBy) : null;
}

/**
 * The Flow events of one refresh of an order's outcome: each trigger whose condition the order meets `after`
 * and did not meet `before` (null: no outcome was stored yet). A promise kept or missed, the arrival recorded
 * (confirmed or inferred; a later scan replacing an inference is not a new arrival), the last parcel shipped
 * before the ship-by date. Stored facts never go backwards, so duplicates and out-of-order events give each
 * event at most once; the outbox's key per order and trigger makes that exact.
 */
export function flowEventsOf(before: FlowOrderState | null, after: FlowOrderState): FlowEvent[] {
  const events: FlowEvent[] = [];
  const promised = after.promisedDate ?? "";
  if (after.verdict === "kept" && before?.verdict !== "kept" && after.arrivalAt) {
    const fields = {
      "Promised date": promised,
      "Arrival date": after.arrivalDate ?? "",
      "Arrival kind": after.arrivalKind,
      "Days early": after.daysEarly ?? 0,
    };
    events.push({ trigger: "kept-promise-kept", happenedAt: after.arrivalAt, fields });
  }
  const lateAt = after.verdict === "late" && before?.verdict !== "late" ? lateSince(after) : null;
  if (lateAt) {
    const fields = { "Promised date": promised, Cause: after.lateCause ?? "", "Days late": Math.max(0, -(after.daysEarly ?? 0)), Arrived: isArrived(after) };
    events.push({ trigger: "kept-promise-late", happenedAt: lateAt, fields });
  }
  if (isArrived(after) && !isArrived(before) && after.arrivalAt) {
    const fields = {
      "Arrival kind": after.arrivalKind,
      "Arrived at": after.arrivalAt.toISOString(),
      "Arrival date": after.arrivalDate ?? "",
      "Promised date": promised,
    };
    events.push({ trigger: "kept-order-arrived", happenedAt: after.arrivalAt, fields });
  }
  const early = shippedDaysEarly(after);
  if (early !== null && after.shippedAt && (before === null || shippedDaysEarly(before) === null)) {
    const fields = { "Ship by date": after.shipBy ?? "", "Shipped at": after.shippedAt.toISOString(), "Days early": early };
    events.push({ trigger: "kept-order-shipped-early", happenedAt: after.shippedAt, fields });
  }
  return events;
}

/** The "apology code issued" event's fields: the code, and the promise it apologises for as the outcome has it. */
export function apologyCodeFields(code: string, state: Pick<FlowOrderState, "promisedDate" | "lateCause"> | null): Payload {
  return { Code: code, "Promised date": state?.promisedDate ?? "", Cause: state?.lateCause ?? "" };
}

/** The body of `flowTriggerReceive`: the order reference (`order_id`, its numeric id) and the trigger's fields. */
export function flowPayload(orderLegacyId: string, fields: Payload): Payload {
  return { order_id: Number(orderLegacyId), ...fields };
}
