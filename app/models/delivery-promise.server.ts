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
  // Plain SQL (hot path); ON CONFLICT keeps the first record.
  await tx.$executeRaw`
    INSERT INTO "DeliveryPromise" ("shop", "orderGid", "status", "noPromiseReason", "laneKey", "laneLabel", "shipBy", "rawEarliest",
      "rawLatest", "promisedDate", "paddingDays", "settingsVersion", "reason", "computedAt")
    VALUES (${shop}, ${orderGid}, ${promise.status}, ${promise.noPromiseReason}, ${promise.laneKey}, ${promise.laneLabel},
      ${promise.shipBy}, ${promise.rawEarliest}, ${promise.rawLatest}, ${promise.promisedDate}, ${promise.paddingDays},
      ${promise.settingsVersion}, ${JSON.stringify(promise.reason)}, ${new Date()})
    ON CONFLICT ("shop", "orderGid") DO NOTHING`;
}
