import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STOCKHOLM_CONFIG } from "../../../test/support/checkout-extension";
import { promiseForCheckoutOption, promiseForFunctionOption } from "./checkout-promise";
import { addDays, compareDates } from "./civil-date";
import { computePromise, computePromiseForShopDay, type PromiseRequest } from "./compute-promise";
import type { PromiseConfig } from "./promise-config";

// The example Swedish shop (docs/examples/promise-settings.json): cut-off 14:00, 0–1 processing days,
// transit 1–2, padding 1. Its closed days around Christmas 2026 as the server expands them: the
// merchant's 23 Dec, julafton, juldagen, annandag jul, nyårsafton, nyårsdagen.
const CHRISTMAS = {
  warehouse: ["2026-12-23", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"],
  carrier: ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"],
};
const lanes = [STOCKHOLM_CONFIG.lanes[0]];

/** The config the sync job builds on `syncDay` with a 120-day horizon: closures past the horizon are unknown to it. */
function syncedOn(syncDay: string): PromiseConfig {
  const validUntil = addDays(syncDay, 119);
  const known = (dates: string[]) => dates.filter((date) => compareDates(date, syncDay) >= 0 && compareDates(date, validUntil) <= 0);
  return {
    ...STOCKHOLM_CONFIG,
    lanes,
    closedDates: known(CHRISTMAS.warehouse),
    carrier: { ...STOCKHOLM_CONFIG.carrier, closedDates: known(CHRISTMAS.carrier) },
    validUntil,
  };
}

// Tue 22 Dec 2026, 11:00 in Stockholm (before the cut-off).
const ORDER: PromiseRequest = { orderedAt: "2026-12-22T10:00:00Z", method: { handle: "standard" }, destination: { countryCode: "SE", postalCode: "114 55" } };

describe("the config's horizon (validUntil): never a promise built on days the config knows nothing about", () => {
  it("refuses the order of 22 Dec against a config synced on 1 Aug, which without a horizon promised Mon 28 Dec", () => {
    // GIVEN the config published on 1 Aug 2026: its closed dates end on 28 Nov
    const stale = syncedOn("2026-08-01");
    expect(stale.validUntil).toBe("2026-11-28");
    const { validUntil: _ignored, ...withoutHorizon } = stale;
    // THEN without the horizon it ignores Christmas (the audit's reproduction) ...
    expect(computePromise(withoutHorizon, ORDER)).toMatchObject({ ok: true, promised: "2026-12-28" });
    // ... and with it there is no promise at all
    expect(computePromise(stale, ORDER)).toEqual({
      ok: false,
      reason: "beyond-horizon",
      details: ["the promise would need 2026-12-28; the config's closed dates end 2026-11-28"],
    });
    // AND the config rebuilt that morning promises what the ledger says: Mon 4 Jan
    expect(computePromise(syncedOn("2026-12-22"), ORDER)).toMatchObject({ ok: true, shipBy: "2026-12-28", latest: "2026-12-30", promised: "2027-01-04" });
  });

  it("promises up to and including the horizon's last day, and nothing one day later", () => {
    // Tue 1 Dec before the cut-off: promised Mon 7 Dec
    const config = { ...STOCKHOLM_CONFIG, lanes };
    const order = { ...ORDER, orderedAt: "2026-12-01T09:00:00Z" };
    expect(computePromise({ ...config, validUntil: "2026-12-07" }, order)).toMatchObject({ ok: true, promised: "2026-12-07" });
    expect(computePromise({ ...config, validUntil: "2026-12-06" }, order)).toMatchObject({ ok: false, reason: "beyond-horizon" });
  });

  it("applies the same rule to the Function's shop-day entry", () => {
    const request = { shopDate: "2026-12-22", isBeforeCutoff: true, method: { handle: "standard" }, destination: { countryCode: "SE" } };
    expect(computePromiseForShopDay(syncedOn("2026-08-01"), request)).toMatchObject({ ok: false, reason: "beyond-horizon" });
    expect(computePromiseForShopDay(syncedOn("2026-12-22"), request)).toMatchObject({ ok: true, promised: "2027-01-04" });
  });

  it("makes both checkout surfaces show nothing for a stale config and the date for a fresh one", () => {
    const option = { handle: "3f2a9c-standard", code: "standard", title: "Standard", type: "shipping" as const };
    const orderedAt = Date.parse(ORDER.orderedAt as string);
    // The line under the option is in charge on Plus ("option"); the Function's title otherwise ("title").
    const underOption = (day: string) => ({ ...syncedOn(day), checkoutSurface: "option" as const });
    expect(promiseForCheckoutOption(underOption("2026-08-01"), option, ORDER.destination, orderedAt)).toEqual({ kind: "skip", reason: "no-promise" });
    expect(promiseForCheckoutOption(underOption("2026-12-22"), option, ORDER.destination, orderedAt)).toMatchObject({
      kind: "promise",
      promise: { promised: "2027-01-04" },
    });
    const functionOption = { handle: "3f2a9c-standard", code: "standard", title: "Standard", deliveryMethodType: "SHIPPING" };
    const shopDay = { date: "2026-12-22", isBeforeCutoff: true };
    expect(promiseForFunctionOption(syncedOn("2026-08-01"), functionOption, ORDER.destination, shopDay)).toEqual({ kind: "skip", reason: "no-promise" });
    expect(promiseForFunctionOption(syncedOn("2026-12-22"), functionOption, ORDER.destination, shopDay)).toMatchObject({
      kind: "promise",
      promise: { promised: "2027-01-04" },
    });
  });

  it("keeps any answer it gives equal to the answer without a horizon, and never past it (property)", () => {
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) }), fc.integer({ min: -5, max: 40 }), (at, horizonOffset) => {
        const config = { ...STOCKHOLM_CONFIG, lanes };
        const request = { ...ORDER, orderedAt: at };
        const unbounded = computePromise(config, request);
        if (!unbounded.ok) throw new Error(unbounded.reason);
        const validUntil = new Date(at + horizonOffset * dayMs).toISOString().slice(0, 10);
        const bounded = computePromise({ ...config, validUntil }, request);
        if (bounded.ok) {
          expect(bounded).toEqual(unbounded);
          expect(compareDates(bounded.promised, validUntil)).toBeLessThanOrEqual(0);
        } else {
          expect(bounded.reason).toBe("beyond-horizon");
          expect(compareDates(unbounded.promised, validUntil)).toBeGreaterThan(0);
        }
      }),
    );
  });
});
