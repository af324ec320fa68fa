import { describe, expect, it } from "vitest";
import { civilDateLabel, describeOutcome, type StoredOutcome } from "./describe-outcome";

const base: StoredOutcome = {
  verdict: "open",
  daysEarly: null,
  lateCause: null,
  risk: null,
  reason: null,
  arrivalKind: "none",
  arrivalBy: null,
  arrivalHow: null,
  arrivalDate: null,
  promisedDate: "2026-11-20",
  shipBy: "2026-11-17",
  rawLatest: "2026-11-19",
};
const say = (overrides: Partial<StoredOutcome>, locale = "en-GB") => describeOutcome({ ...base, ...overrides }, locale);

describe("an outcome in the merchant's words", () => {
  it.each([
    [
      { verdict: "kept", daysEarly: 2, arrivalKind: "confirmed", arrivalBy: "scan", arrivalDate: "2026-11-18" },
      "Kept",
      "Arrived Wed 18 Nov, 2 days before the promised Fri 20 Nov.",
    ],
    [{ verdict: "kept", daysEarly: 0, arrivalKind: "confirmed", arrivalDate: "2026-11-20" }, "Kept", "Arrived on the promised day, Fri 20 Nov."],
    [
      { verdict: "late", daysEarly: -1, lateCause: "carrier", arrivalKind: "confirmed", arrivalDate: "2026-11-21" },
      "Late",
      "Arrived Sat 21 Nov, 1 day after the promised Fri 20 Nov.",
    ],
    [{ verdict: "late", daysEarly: -3, lateCause: "warehouse" }, "Late", "Not arrived yet: 3 days past the promised Fri 20 Nov."],
    [{ risk: "not-shipped" }, "At risk", "Not shipped, and the ship-by date (Tue 17 Nov) has passed. Promised for Fri 20 Nov."],
    [{ risk: "transit-overdue" }, "At risk", "In transit past the carrier's latest date (Thu 19 Nov). Promised for Fri 20 Nov."],
    [{ risk: "due-soon" }, "Due soon", "Due by Fri 20 Nov and not delivered yet."],
    [{}, "On its way", "Promised for Fri 20 Nov; ships by Tue 17 Nov."],
    [{ verdict: "excluded", reason: "cancelled" }, "Not counted", "Not counted in the kept-rate: the order was cancelled."],
    [
      { verdict: "not_applicable", reason: "no-promise:no-lane", promisedDate: null },
      "Not counted",
      "No promise to keep: no lane in the settings matches its shipping method and destination (e.g. local delivery or pickup).",
    ],
  ] as [Partial<StoredOutcome>, string, string][])("%j → %s: %s", (overrides, label, headline) => {
    expect(say(overrides)).toMatchObject({ label, headline });
  });

  it("names the cause of a late promise and where the arrival came from", () => {
    const late = say({
      verdict: "late",
      daysEarly: -2,
      lateCause: "both",
      arrivalKind: "inferred",
      arrivalHow: "no delivered scan for the parcel",
      arrivalDate: "2026-11-22",
    });
    expect(late.details).toEqual([
      "Cause: both. The order shipped after its ship-by date (Tue 17 Nov) and the carrier then took longer than the lane's range.",
      "Arrival inferred: no delivered scan for the parcel. A delivered scan replaces it.",
    ]);
    expect(say({ verdict: "kept", daysEarly: 1, arrivalKind: "confirmed", arrivalBy: "status", arrivalDate: "2026-11-19" }).details).toEqual([
      "Arrival: marked delivered on the fulfillment (no delivered scan from the carrier).",
    ]);
  });

  it("writes dates in the reader's locale, on the calendar day itself whatever the machine's zone", () => {
    expect(civilDateLabel("2026-11-20", "de-DE")).toBe("Fr., 20. Nov.");
    expect(civilDateLabel("2026-11-20", "sv-SE")).toBe("fre 20 nov.");
    expect(civilDateLabel("2026-03-29", "en-US")).toBe("Sun, Mar 29");
  });
});
