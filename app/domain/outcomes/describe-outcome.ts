import type { CivilDate } from "../promise/civil-date";

// The verdict on an order's promise in the merchant's words, for the order page: one headline, what to do
// when it is at risk, and where the arrival came from. Dates are civil dates (the destination's calendar
// for the arrival and the promise, the shop's for ship-by), written with Intl in the reader's locale.

/** The verdict and arrival columns of a stored outcome (PromiseOutcome), as text and numbers. */
export type StoredVerdict = {
  verdict: string;
  daysEarly: number | null;
  lateCause: string | null;
  risk: string | null;
  reason: string | null;
  arrivalKind: string;
  arrivalBy: string | null;
  arrivalHow: string | null;
  arrivalDate: string | null;
};

/** A stored outcome with its promise's dates (promised, ship-by, the carrier's latest). */
export type StoredOutcome = StoredVerdict & { promisedDate: string | null; shipBy: string | null; rawLatest: string | null };

type Tone = "success" | "critical" | "warning" | "info";

export type OutcomeDescription = {
  /** A short label for a badge ("Kept", "Late", "At risk", "On its way", "Not counted"). */
  label: string;
  tone: Tone;
  headline: string;
  /** Further sentences: why it broke, what to do, where the arrival came from. */
  details: string[];
};

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/** "Tue 24 Nov" in `locale`, for a civil date (no zone: the date is the calendar day itself). */
export function civilDateLabel(date: CivilDate, locale: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

const CAUSES: Record<string, (shipBy: string) => string> = {
  warehouse: (shipBy) => `Cause: the order shipped after its ship-by date (${shipBy}).`,
  carrier: () => "Cause: the order shipped in time and the carrier took longer than the lane's range.",
  both: (shipBy) => `Cause: both. The order shipped after its ship-by date (${shipBy}) and the carrier then took longer than the lane's range.`,
};

const EXCLUDED: Record<string, string> = {
  cancelled: "Not counted in the kept-rate: the order was cancelled.",
  refunded: "Not counted in the kept-rate: the order was refunded before it arrived.",
};

const NO_PROMISE: Record<string, string> = {
  "no-destination": "the order has no shipping address (pickup, or nothing to ship)",
  "no-lane": "no lane in the settings matches its shipping method and destination (e.g. local delivery or pickup)",
  "no-settings": "the shop had no delivery promise settings when it was placed",
  "invalid-settings": "the settings in force could not be read",
};

function arrivalSource(outcome: StoredOutcome): string | null {
  if (outcome.arrivalKind === "confirmed") {
    return outcome.arrivalBy === "status"
      ? "Arrival: marked delivered on the fulfillment (no delivered scan from the carrier)."
      : "Arrival: the carrier's delivered scan.";
  }
  if (outcome.arrivalKind === "inferred") return `Arrival inferred: ${outcome.arrivalHow ?? "no delivered scan came"}. A delivered scan replaces it.`;
  return null;
}

function notCounted(outcome: StoredOutcome): OutcomeDescription {
  const reason = outcome.reason ?? "";
  if (EXCLUDED[reason]) return { label: "Not counted", tone: "info", headline: EXCLUDED[reason], details: [] };
  if (reason === "not-shown") {
    return {
      label: "Not counted",
      tone: "info",
      headline: "Not counted in the kept-rate: no Kept date was shown at checkout (the settings had not reached checkout yet).",
      details: [],
    };
  }
  const code = reason.replace(/^no-promise:/, "");
  const why = NO_PROMISE[code] ?? "no promise was recorded";
  return { label: "Not counted", tone: "info", headline: `No promise to keep: ${why}.`, details: [] };
}

/** The outcome in words, with dates in `locale`. */
export function describeOutcome(outcome: StoredOutcome, locale: string): OutcomeDescription {
  if (outcome.verdict === "excluded" || outcome.verdict === "not_applicable" || !outcome.promisedDate) return notCounted(outcome);
  const date = (value: string | null) => (value ? civilDateLabel(value, locale) : "—");
  const promised = date(outcome.promisedDate);
  const source = arrivalSource(outcome);
  const withSource = (details: string[]) => (source ? [...details, source] : details);
  const early = outcome.daysEarly ?? 0;
  if (outcome.verdict === "kept") {
    const headline =
      early > 0 ? `Arrived ${date(outcome.arrivalDate)}, ${days(early)} before the promised ${promised}.` : `Arrived on the promised day, ${promised}.`;
    return { label: "Kept", tone: "success", headline, details: withSource([]) };
  }
  if (outcome.verdict === "late") {
    const cause = CAUSES[outcome.lateCause ?? ""]?.(date(outcome.shipBy));
    const headline = outcome.arrivalDate
      ? `Arrived ${date(outcome.arrivalDate)}, ${days(-early)} after the promised ${promised}.`
      : `Not arrived yet: ${days(-early)} past the promised ${promised}.`;
    return { label: "Late", tone: "critical", headline, details: withSource(cause ? [cause] : []) };
  }
  if (outcome.risk === "not-shipped") {
    return {
      label: "At risk",
      tone: "warning",
      headline: `Not shipped, and the ship-by date (${date(outcome.shipBy)}) has passed. Promised for ${promised}.`,
      details: ["Ship it today, and consider telling the customer it may come late."],
    };
  }
  if (outcome.risk === "transit-overdue") {
    return {
      label: "At risk",
      tone: "warning",
      headline: `In transit past the carrier's latest date (${date(outcome.rawLatest)}). Promised for ${promised}.`,
      details: ["Check the tracking with the carrier; the parcel may be held up."],
    };
  }
  if (outcome.risk === "due-soon") {
    return { label: "Due soon", tone: "warning", headline: `Due by ${promised} and not delivered yet.`, details: [] };
  }
  return { label: "On its way", tone: "info", headline: `Promised for ${promised}; ships by ${date(outcome.shipBy)}.`, details: [] };
}
