import { queueInsertAssignment } from "~/models/inserts/insert-assign-queue.server";
import type { SqliteDb } from "~/models/db/sqlite.server";
import type { OrderRecord } from "~/domain/orders/order-record";
import { recordOrderPromise } from "../promise/record-order-promise.server";

/**
 * Everything Kept does once per order, when the worker first stores it (orders/create, or whichever
 * orders/* topic arrived first), inside the transaction that stores it: a crash leaves all of it or none.
 * - the delivery promise, recomputed and recorded once (or the reason there is none);
 * - the `inserts.assign` job, when the shop has active insert rules.
 * Synchronous, on the worker's connection; new first-sight work belongs here.
 */
export function onOrderFirstSeen(db: SqliteDb, shop: string, order: OrderRecord) {
  recordOrderPromise(db, shop, order);
  queueInsertAssignment(db, shop, order.orderGid);
}
