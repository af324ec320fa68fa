import { inTransaction } from "~/models/db/prisma.server";
import { markShopInstalled } from "~/models/shop/shop.server";
import { enqueueShippingSnapshot } from "~/models/promise/shipping-snapshot.server";

/**
 * After Shopify authenticates the app for a shop (install, reinstall, or a new offline token): the shop
 * is installed with these scopes, and its shipping options are read in the background so the settings
 * page has them (the outbox job; this request never waits for Shopify).
 */
export async function recordInstall(shop: string, scopes: string | null) {
  await markShopInstalled(shop, scopes);
  await inTransaction((tx) => enqueueShippingSnapshot(tx, shop));
}
