import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import { loadHome } from "~/services/outcomes/load-home.server";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";

// The Dashboard's figures from stored outcomes, at a given instant: Mon 7 Dec 2026 09:00 in Stockholm, so
// the periods end on Sun 6 Dec (the last 7 days are 30 Nov to 6 Dec).

const example = JSON.parse(readFileSync("docs/examples/promise-settings.json", "utf8")) as Record<string, unknown>;
const NOW = new Date("2026-12-07T08:00:00Z");
let next = 1;

type Seed = { laneKey?: string; verdict: string; promisedDate?: string | null; daysEarly?: number; lateCause?: string; risk?: string; reason?: string };

async function outcome(seed: Seed, shop = TEST_SHOP) {
  const id = next++;
  const orderGid = `gid://shopify/Order/${id}`;
  const at = new Date("2026-11-20T10:00:00Z");
  const laneKey = seed.laneKey ?? "se-standard";
  await prisma.order.create({
    data: { shop, orderGid, legacyId: String(id), name: `#${id}`, currency: "SEK", totalPrice: "1", createdAtShopify: at, updatedAtShopify: at },
  });
  const promisedDate = seed.promisedDate === undefined ? "2026-12-03" : seed.promisedDate;
  await prisma.deliveryPromise.create({ data: { shop, orderGid, laneKey, laneLabel: laneKey, shipBy: "2026-12-01", rawLatest: "2026-12-02", promisedDate } });
  await prisma.promiseOutcome.create({
    data: {
      shop,
      orderGid,
      verdict: seed.verdict,
      daysEarly: seed.daysEarly ?? (seed.verdict === "kept" ? 1 : seed.verdict === "late" ? -1 : null),
      lateCause: seed.lateCause ?? (seed.verdict === "late" ? "carrier" : null),
      risk: seed.risk ?? null,
      reason: seed.reason ?? null,
      laneKey,
      promisedDate,
      destinationZone: "Europe/Stockholm",
      orderedAt: seed.verdict === "not_applicable" ? new Date("2026-12-01T10:00:00Z") : at,
      updatedAt: at,
    },
  });
  return id;
}

const times = async (count: number, seed: Seed) => {
  for (let index = 0; index < count; index += 1) await outcome(seed);
};

beforeEach(async () => {
  await resetDatabase();
  await saveSettingsVersion(TEST_SHOP, example, new Date("2026-11-01T00:00:00Z"));
});

describe("the Dashboard's figures", () => {
  it("counts kept and late promises by promised date up to yesterday, per period, against the target", async () => {
    await times(9, { verdict: "kept", promisedDate: "2026-12-06", daysEarly: 2 });
    await times(1, { verdict: "late", promisedDate: "2026-12-01", lateCause: "warehouse" });
    await times(10, { verdict: "kept", promisedDate: "2026-11-20", daysEarly: 0 });
    // Due today or later, or open: not in any period; another shop's: never
    await outcome({ verdict: "kept", promisedDate: "2026-12-07" });
    await outcome({ verdict: "open", promisedDate: "2026-12-09" });
    await outcome({ verdict: "kept", promisedDate: "2026-12-05" }, OTHER_SHOP);
    const home = await loadHome(TEST_SHOP, NOW);
    expect(home.target).toBe(0.95);
    expect(home.periods.map(({ days, from, to, due, kept, rate }) => ({ days, from, to, due, kept, rate }))).toEqual([
      { days: 7, from: "2026-11-30", to: "2026-12-06", due: 10, kept: 9, rate: 0.9 },
      { days: 30, from: "2026-11-07", to: "2026-12-06", due: 20, kept: 19, rate: 0.95 },
      { days: 90, from: "2026-09-08", to: "2026-12-06", due: 20, kept: 19, rate: 0.95 },
    ]);
    expect(home.periods[0]).toMatchObject({ meanDaysEarly: 2, lateByCause: { warehouse: 1, carrier: 0, both: 0 } });
    // The trend's last week is the one holding yesterday (Mon 30 Nov)
    expect(home.trend.slice(-2).map(({ weekOf, due, rate }) => [weekOf, due, rate])).toEqual([
      ["2026-11-23", 0, null],
      ["2026-11-30", 10, 0.9],
    ]);
  });

  it("names the lanes below target with enough promises due, and lists the orders at risk now", async () => {
    await times(18, { verdict: "kept", laneKey: "se-north" });
    await times(4, { verdict: "late", laneKey: "se-north", lateCause: "carrier" });
    await times(30, { verdict: "kept", laneKey: "se-standard" });
    await times(3, { verdict: "late", laneKey: "de-standard" });
    const notShipped = await outcome({ verdict: "open", risk: "not-shipped", promisedDate: "2026-12-08" });
    const overdue = await outcome({ verdict: "open", risk: "transit-overdue", promisedDate: "2026-12-07" });
    await outcome({ verdict: "open", promisedDate: "2026-12-10" });
    await outcome({ verdict: "not_applicable", reason: "not-shown", promisedDate: null });
    const home = await loadHome(TEST_SHOP, NOW);
    expect(home.lanes.map((lane) => [lane.laneKey, lane.label, lane.keptRate.due, lane.keptRate.kept])).toEqual([
      ["se-standard", "PostNord, Sweden", 30, 30],
      ["se-north", "PostNord, Norrland (postal codes 9xxxx)", 22, 18],
      ["de-standard", "PostNord → DHL, Germany", 3, 0],
    ]);
    // de-standard is far below target, but 3 promises are too few to say so
    expect(home.alerts).toEqual([
      { laneKey: "se-north", label: "PostNord, Norrland (postal codes 9xxxx)", rate: 18 / 22, target: 0.95, due: 22, mainCause: "carrier", suggested: null },
    ]);
    expect(home.atRisk.map((order) => [order.legacyId, order.risk, order.promisedDate])).toEqual([
      [String(overdue), "transit-overdue", "2026-12-07"],
      [String(notShipped), "not-shipped", "2026-12-08"],
    ]);
    expect(home.atRiskTotal).toBe(2);
    expect(home.uncounted).toBe(1);
  });

  it("has nothing due for a new shop, and says whether its settings exist", async () => {
    expect(await loadHome(OTHER_SHOP, NOW)).toMatchObject({ hasSettings: false, target: 0.95, timeZone: "UTC", atRisk: [], lanes: [], alerts: [] });
    expect((await loadHome(TEST_SHOP, NOW)).periods.every((period) => period.due === 0 && period.rate === null)).toBe(true);
  });
});
