import prisma from "~/models/db/prisma.server";
import type { TuningRow } from "~/domain/outcomes/tuning-history";

// What the padding tuner learns from: the shop's recent promises with their carrier's latest date and the
// arrival (confirmed or inferred). One indexed range read on [shop, orderedAt], bounded by `take`.

/** Promises of orders placed since `since` (cancelled, refunded and not-shown ones included: the carrier's times are what count), newest first. */
export async function listTuningHistory(shop: string, since: Date, take: number): Promise<TuningRow[]> {
  const rows = await prisma.promiseOutcome.findMany({
    where: { shop, orderedAt: { gte: since }, laneKey: { not: null }, order: { promise: { rawLatest: { not: null } } } },
    orderBy: { orderedAt: "desc" },
    take,
    select: {
      laneKey: true,
      orderedAt: true,
      arrivalDate: true,
      shipped: true,
      shippedAt: true,
      verdict: true,
      order: { select: { promise: { select: { rawLatest: true, shipBy: true } } } },
    },
  });
  return rows.map((row) => ({
    laneKey: row.laneKey as string,
    orderedAt: row.orderedAt,
    rawLatest: row.order.promise?.rawLatest as string,
    arrivalDate: row.arrivalDate,
    shipBy: row.order.promise?.shipBy ?? null,
    // Cancelled and refunded orders never ship: they say nothing about the warehouse.
    shippedAt: row.shipped === "fully" ? row.shippedAt : null,
    counts: row.verdict !== "excluded",
  }));
}
