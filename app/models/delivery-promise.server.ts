import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type PromiseRecord = {
  status: "promised" | "none";
  noPromiseReason: string | null;
  laneKey: string | null;
  laneLabel: string | null;
  shipBy: string | null;
  rawEarliest: string | null;
  rawLatest: string | null;
  promisedDate: string | null;
  paddingDays: number | null;
  settingsVersion: number | null;
  reason: string[];
};

/** Records an order's promise once; a replayed or late orders/create keeps the first record. */
export async function recordPromise(tx: Tx, shop: string, orderGid: string, promise: PromiseRecord) {
  const data = { ...promise, reason: JSON.stringify(promise.reason) };
  await tx.deliveryPromise.upsert({
    where: { shop_orderGid: { shop, orderGid } },
    create: { shop, orderGid, ...data },
    update: {},
  });
}
