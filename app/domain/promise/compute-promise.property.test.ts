import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKDAYS, compareDates, type Weekday } from "./civil-date";
import { computePromise, type DeliveryPromise, type PromiseRequest } from "./compute-promise";
import type { PromiseConfig } from "./promise-config";

// Zones whose DST changes happen at night, so afternoon-ish cut-offs never fall in a repeated hour
// (see "Known limits" in docs/promise-engine.md).
const ZONES = ["Europe/Stockholm", "America/New_York", "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata", "UTC"];
const FROM = Date.UTC(2026, 0, 1);
const UNTIL = Date.UTC(2029, 0, 1) - 1;

const weekdaySet = fc.subarray([...WEEKDAYS], { minLength: 1 });
const dayRange = (max: number) => fc.tuple(fc.nat({ max }), fc.nat({ max })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const cutoff = fc.oneof(
  fc
    .tuple(fc.integer({ min: 6, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([hour, minute]) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`),
  fc.constant("24:00"),
);
const closedDates = fc.uniqueArray(
  fc.integer({ min: FROM, max: UNTIL + 30 * 86_400_000 }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
  { maxLength: 40 },
);

const configArbitrary: fc.Arbitrary<PromiseConfig> = fc.record({
  version: fc.constant(1 as const),
  timeZone: fc.constantFrom(...ZONES),
  cutoffs: fc.dictionary(fc.constantFrom<Weekday>(...WEEKDAYS), cutoff),
  processingDays: dayRange(5),
  workingDays: weekdaySet,
  closedDates,
  carrier: fc.record({ deliveryDays: weekdaySet, closedDates }),
  lanes: dayRange(10).map((transitDays) => [{ id: "world", label: "World", method: { handle: "standard" }, destination: { country: "*" }, transitDays }]),
  paddingDays: fc.nat({ max: 5 }),
});

const instant = fc.integer({ min: FROM, max: UNTIL });
const shopperZone = fc.option(fc.constantFrom(...ZONES), { nil: undefined });

const request = (orderedAt: number, timeZone: string | undefined): PromiseRequest => ({
  orderedAt,
  method: { handle: "standard" },
  destination: { countryCode: "FR", timeZone },
});

function promise(config: PromiseConfig, req: PromiseRequest): DeliveryPromise {
  const result = computePromise(config, req);
  if (!result.ok) throw new Error(`expected a promise, got ${result.reason}: ${result.details.join("; ")}`);
  return result;
}

const notBefore = (later: string, earlier: string) => expect(compareDates(later, earlier)).toBeGreaterThanOrEqual(0);

describe("computePromise properties (random configs, orders 2026–2028)", () => {
  it("(a) the promised date is never earlier than the latest raw delivery date", () => {
    fc.assert(
      fc.property(configArbitrary, instant, shopperZone, (config, at, zone) => {
        const result = promise(config, request(at, zone));
        notBefore(result.promised, result.latest);
      }),
    );
  });

  it("(b) a later order never gets an earlier promise", () => {
    fc.assert(
      fc.property(configArbitrary, instant, fc.nat({ max: 20 * 86_400_000 }), shopperZone, (config, at, delay, zone) => {
        const first = promise(config, request(at, zone));
        const second = promise(config, request(at + delay, zone));
        notBefore(second.shipBy, first.shipBy);
        notBefore(second.earliest, first.earliest);
        notBefore(second.promised, first.promised);
      }),
    );
  });

  it("(c) more padding never gives an earlier promise", () => {
    fc.assert(
      fc.property(configArbitrary, instant, fc.nat({ max: 5 }), shopperZone, (config, at, extra, zone) => {
        const base = promise(config, request(at, zone));
        const padded = promise({ ...config, paddingDays: config.paddingDays + extra }, request(at, zone));
        notBefore(padded.promised, base.promised);
        expect(padded.latest).toBe(base.latest);
      }),
    );
  });

  it("(d) ship and delivery dates come in order: shipFrom ≤ shipBy ≤ latest, shipFrom ≤ earliest ≤ latest", () => {
    fc.assert(
      fc.property(configArbitrary, instant, shopperZone, (config, at, zone) => {
        const result = promise(config, request(at, zone));
        notBefore(result.shipBy, result.shipFrom);
        notBefore(result.earliest, result.shipFrom);
        notBefore(result.latest, result.earliest);
        notBefore(result.latest, result.shipBy);
      }),
    );
  });

  it("(d') with a fixed processing time, shipBy ≤ earliest", () => {
    const fixedProcessing = configArbitrary.chain((config) => fc.nat({ max: 5 }).map((days) => ({ ...config, processingDays: { min: days, max: days } })));
    fc.assert(
      fc.property(fixedProcessing, instant, shopperZone, (config, at, zone) => {
        const result = promise(config, request(at, zone));
        notBefore(result.earliest, result.shipBy);
      }),
    );
  });
});
