import prisma from "~/models/db/prisma.server";
import type { OutcomeCount } from "~/domain/outcomes/kept-rate";

// What the home page reads of the stored outcomes, always for one shop, with bounded results: counts
// grouped in the database (never a list of ids), and at most `take` orders at risk.

/** Kept and late promises whose promised date falls in [from, to] (civil dates), by lane, verdict and cause. */
export async function countDueOutcomesByLane(shop: string, from: string, to: string) {
  const rows = await prisma.promiseOutcome.groupBy({
    by: ["laneKey", "verdict", "lateCause"],
    where: { shop, verdict: { in: ["kept", "late"] }, promisedDate: { gte: from, lte: to } },
    _count: { _all: true },
    _sum: { daysEarly: true },
  });
  return rows.map((row) => ({
    laneKey: row.laneKey ?? "",
    count: { verdict: row.verdict, lateCause: row.lateCause, count: row._count._all, daysEarlySum: row._sum.daysEarly } satisfies OutcomeCount,
  }));
}

/** Orders placed since `since` that the kept-rate leaves out, by verdict (not_applicable, excluded) and reason. */
export async function countUncountedSince(shop: string, since: Date) {
  const rows = await prisma.promiseOutcome.groupBy({
    by: ["verdict", "reason"],
    where: { shop, verdict: { in: ["not_applicable", "excluded"] }, orderedAt: { gte: since } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ verdict: row.verdict, reason: row.reason, count: row._count._all }));
}

/** Open promises at risk now, soonest promised first, with their order's name and promise dates. */
export async function listOrdersAtRisk(shop: string, take: number) {
  const outcomes = await prisma.promiseOutcome.findMany({
    where: { shop, verdict: "open", risk: { not: null } },
    orderBy: [{ promisedDate: "asc" }, { orderedAt: "asc" }],
    take,
    select: {
      orderGid: true,
      risk: true,
      promisedDate: true,
      laneKey: true,
      order: { select: { name: true, legacyId: true, promise: { select: { shipBy: true, rawLatest: true, laneLabel: true } } } },
    },
  });
  return outcomes.map(({ order, ...outcome }) => ({
    ...outcome,
    name: order.name,
    legacyId: order.legacyId,
    shipBy: order.promise?.shipBy ?? null,
    rawLatest: order.promise?.rawLatest ?? null,
    laneLabel: order.promise?.laneLabel ?? null,
  }));
}

/** Open promises at risk now, by risk. */
export async function countOrdersAtRisk(shop: string) {
  const rows = await prisma.promiseOutcome.groupBy({ by: ["risk"], where: { shop, verdict: "open", risk: { not: null } }, _count: { _all: true } });
  return rows.map((row) => ({ risk: row.risk as string, count: row._count._all }));
}

/**
 * Kept and late promises whose promised date falls in [from, to], by promised date, lane, verdict and cause
 * (at most one row per day, lane, verdict and cause): the home page's periods, lanes and trend from one range
 * read of the covering index PromiseOutcome(shop, verdict, promisedDate, laneKey, lateCause, daysEarly).
 */
export async function countDueOutcomesByDateAndLane(shop: string, from: string, to: string) {
  const rows = await prisma.promiseOutcome.groupBy({
    by: ["promisedDate", "laneKey", "verdict", "lateCause"],
    where: { shop, verdict: { in: ["kept", "late"] }, promisedDate: { gte: from, lte: to } },
    _count: { _all: true },
    _sum: { daysEarly: true },
  });
  return rows.map((row) => ({
    promisedDate: row.promisedDate as string,
    laneKey: row.laneKey ?? "",
    count: { verdict: row.verdict, lateCause: row.lateCause, count: row._count._all, daysEarlySum: row._sum.daysEarly } satisfies OutcomeCount,
  }));
}
