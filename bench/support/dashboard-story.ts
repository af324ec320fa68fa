// One order of bench:dashboard's shop, from its placing to its verdict: when it shipped and arrived, what
// was promised and whether the promise held, worked out as the worker would have stored it.

import { createRng } from "../../scripts/simulator/random";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Lane = {
  key: string;
  label: string;
  method: string;
  code: string;
  country: string;
  zone: string;
  city: string;
  zip: string;
  transit: [number, number];
};

// The demo's lanes (scripts/demo-promise-settings.json), weighted like a Swedish shop's orders.
const LANE_ROWS: [weight: number, lane: Lane][] = [
  [40, lane("se-home", "PostNord MyPack Home, Sweden", "PostNord MyPack Home", "postnord_home", "SE", "Europe/Stockholm", "Stockholm", "11122", 1, 3)],
  [20, lane("de-dhl", "DHL Paket, Germany", "DHL Paket", "dhl_paket", "DE", "Europe/Berlin", "Berlin", "10115", 2, 4)],
  [10, lane("fr-colissimo", "Colissimo, France", "Colissimo", "colissimo", "FR", "Europe/Paris", "Lyon", "69001", 2, 5)],
  [8, lane("es-correos", "Correos, Spain", "Correos", "correos", "ES", "Europe/Madrid", "Madrid", "28001", 3, 6)],
  [10, lane("us-ups", "UPS Worldwide Saver, United States", "UPS Worldwide Saver", "ups_saver", "US", "America/New_York", "New York", "10001", 2, 5)],
  [4, lane("jp-ems", "Japan Post EMS, Japan", "Japan Post EMS", "jp_ems", "JP", "Asia/Tokyo", "Tokyo", "100-0001", 3, 7)],
  [8, lane("world", "International Standard, rest of world", "International Standard", "intl_standard", "RU", "Europe/Moscow", "Moscow", "101000", 5, 12)],
];
const TOTAL_WEIGHT = LANE_ROWS.reduce((sum, [weight]) => sum + weight, 0);
const FIRST_NAMES = ["Anna", "Erik", "Lena", "Jonas", "Maja", "Lukas", "Chloé", "Hugo", "Lucía", "Mateo", "Emma", "Noah", "Yuki", "Олег"];
const LAST_NAMES = ["Svensson", "Müller", "Martin", "García", "Smith", "Tanaka", "Lindqvist", "Schmidt", "Dubois", "Иванов", "Johansson"];

function lane(
  key: string,
  label: string,
  method: string,
  code: string,
  country: string,
  zone: string,
  city: string,
  zip: string,
  min: number,
  max: number,
): Lane {
  return { key, label, method, code, country, zone, city, zip, transit: [min, max] };
}

/** The simulator's seeded generator (mulberry32), so every run seeds the same data: uniform in [0, 1). */
export function random(seed: number) {
  return createRng(seed).next;
}

const civil = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const civilPlus = (date: string, days: number) => civil(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type Story = ReturnType<typeof orderStory>;

/**
 * The index-th of `count` orders placed over the 182 days before `now`: about 1.5 % cancelled, 1 % pickups
 * (no promise), the rest shipped within a day and a bit (7 % late from the warehouse) and carried within
 * the lane's range (7 % slower); those shipped in the last days are still in transit. Dates are civil in UTC.
 */
export function orderStory(index: number, count: number, rand: () => number, now: number) {
  let pick = rand() * TOTAL_WEIGHT;
  const cancelled = rand() < 0.015;
  const pickup = !cancelled && rand() < 0.01;
  // Pickups are collected at the shop in Sweden.
  const where = pickup ? LANE_ROWS[0][1] : (LANE_ROWS.find(([weight]) => (pick -= weight) < 0) ?? LANE_ROWS[0])[1];
  const [first, last] = [FIRST_NAMES[index % FIRST_NAMES.length], LAST_NAMES[(index * 7) % LAST_NAMES.length]];
  const createdAt = now - 182 * DAY_MS + Math.floor(((index + rand()) / count) * 182 * DAY_MS);
  const shippedAt = createdAt + (rand() < 0.07 ? 40 + rand() * 56 : 4 + rand() * 26) * HOUR_MS;
  const [minDays, maxDays] = where.transit;
  const carrierHours = (minDays + rand() * (maxDays - minDays)) * 24 + (rand() < 0.07 ? 40 + rand() * 72 : 0);
  const deliveredAt = shippedAt + carrierHours * HOUR_MS;
  const shipped = !cancelled && shippedAt <= now;
  const delivered = shipped && !pickup && deliveredAt <= now;
  const extraScan = rand() < 0.14;

  const today = civil(now);
  const shipBy = civilPlus(civil(createdAt), 1);
  const promise = { shipBy, rawEarliest: civilPlus(shipBy, minDays), rawLatest: civilPlus(shipBy, maxDays), promisedDate: civilPlus(shipBy, maxDays + 1) };
  const arrivalDate = delivered ? civil(deliveredAt) : null;
  const verdict = judge({
    cancelled,
    pickup,
    shipped,
    arrivalDate,
    today,
    promise,
    shippedLate: civil(shippedAt) > shipBy,
    carrierLate: carrierHours > maxDays * 24,
  });
  return {
    lane: where,
    legacyId: String(7_000_000_000_000 + index),
    name: `#${10_000 + index}`,
    customer: { first, name: `${first} ${last}`, email: `${first}.${last}${index % 20_000}@example.com`.toLowerCase() },
    createdAt,
    shippedAt,
    deliveredAt,
    carrierHours,
    cancelled,
    pickup,
    shipped,
    delivered,
    arrivalDate,
    extraScan,
    promise,
    ...verdict,
  };
}

type JudgeInput = {
  cancelled: boolean;
  pickup: boolean;
  shipped: boolean;
  /** The civil date it arrived, or null while it has not. */
  arrivalDate: string | null;
  today: string;
  promise: { shipBy: string; rawLatest: string; promisedDate: string };
  shippedLate: boolean;
  carrierLate: boolean;
};

/** The verdict as the worker keeps it (docs/outcomes.md), before a delivery's own days early are known. */
function judge(input: JudgeInput) {
  const { promise, today } = input;
  const lateCause = input.shippedLate && input.carrierLate ? "both" : input.shippedLate ? "warehouse" : "carrier";
  const tomorrow = new Date(Date.parse(`${civilPlus(today, 1)}T00:00:00Z`));
  const none = {
    daysEarly: null as number | null,
    lateCause: null as string | null,
    risk: null as string | null,
    reason: null as string | null,
    nextCheckAt: null as Date | null,
  };
  if (input.cancelled) return { ...none, verdict: "excluded", reason: "cancelled" };
  if (input.pickup) return { ...none, verdict: "not_applicable", reason: "no-promise:pickup" };
  if (input.arrivalDate !== null) {
    const daysEarly = daysBetween(input.arrivalDate, promise.promisedDate);
    return daysEarly >= 0 ? { ...none, verdict: "kept", daysEarly } : { ...none, verdict: "late", daysEarly, lateCause };
  }
  if (promise.promisedDate < today) return { ...none, verdict: "late", daysEarly: daysBetween(today, promise.promisedDate), lateCause, nextCheckAt: tomorrow };
  const risk =
    !input.shipped && promise.shipBy < today
      ? "not-shipped"
      : input.shipped && promise.rawLatest < today
        ? "transit-overdue"
        : daysBetween(today, promise.promisedDate) <= 1
          ? "due-soon"
          : null;
  return { ...none, verdict: "open", risk, nextCheckAt: tomorrow };
}
