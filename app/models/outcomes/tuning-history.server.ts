import prisma from "~/models/db/prisma.server";
import type { TuningRow } from "~/domain/outcomes/tuning-history";

// What the padding tuner learns from: the shop's recent promises with their carrier's latest date, ship-by
// date and the arrival (confirmed or inferred). One join on [shop, orderedAt] with a fixed number of
// parameters, bounded by `take`: a relation include would bind every order's key.

type Row = {
  laneKey: string;
  orderedAt: Date | string | number;
  arrivalDate: string | null;
  shipped: string;
  shippedAt: Date | string | number | null;
  verdict: string;
  rawLatest: string;
  shipBy: string | null;
};

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/** Promises of orders placed since `since` (cancelled, refunded and not-shown ones included: the carrier's times are what count), newest first. */
export async function listTuningHistory(shop: string, since: Date, take: number): Promise<TuningRow[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT o."laneKey", o."orderedAt", o."arrivalDate", o."shipped", o."shippedAt", o."verdict", p."rawLatest", p."shipBy"
    FROM "PromiseOutcome" AS o
    JOIN "DeliveryPromise" AS p ON p."shop" = o."shop" AND p."orderGid" = o."orderGid"
    WHERE o."shop" = ${shop} AND o."orderedAt" >= ${since} AND o."laneKey" IS NOT NULL AND p."rawLatest" IS NOT NULL
    ORDER BY o."orderedAt" DESC
    LIMIT ${take}`;
  return rows.map((row) => ({
    laneKey: row.laneKey,
    orderedAt: toDate(row.orderedAt),
    rawLatest: row.rawLatest,
    arrivalDate: row.arrivalDate,
    shipBy: row.shipBy,
    // Cancelled and refunded orders never ship: they say nothing about the warehouse.
    shippedAt: row.shipped === "fully" && row.shippedAt !== null ? toDate(row.shippedAt) : null,
    counts: row.verdict !== "excluded",
  }));
}
