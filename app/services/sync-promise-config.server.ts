import { z } from "zod";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { METAFIELDS_SET_MUTATION } from "~/graphql/metafields-set";
import { SHOP_ID_QUERY } from "~/graphql/shop-id";
import { runAdminOperation, type AdminGraphql } from "./admin-graphql.server";

/** Where the checkout extension and the Function read the compact config (app-owned shop metafield). */
export const PROMISE_METAFIELD = { namespace: "$app:promise", key: "config" } as const;

const shopIdSchema = z.object({ shop: z.object({ id: z.string().startsWith("gid://shopify/Shop/") }) });
const metafieldsSetSchema = z.object({
  metafieldsSet: z.object({
    metafields: z.array(z.object({ id: z.string() }).passthrough()).nullable(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }).passthrough()),
  }),
});

export type SyncResult = { ok: true; metafieldId: string } | { ok: false; errors: string[] };

/** Writes the compact promise config to the shop metafield with `metafieldsSet`. */
export async function syncPromiseConfig(graphql: AdminGraphql, config: PromiseConfig): Promise<SyncResult> {
  const { shop } = await runAdminOperation(graphql, SHOP_ID_QUERY, {}, shopIdSchema);
  const { metafieldsSet } = await runAdminOperation(
    graphql,
    METAFIELDS_SET_MUTATION,
    { metafields: [{ ownerId: shop.id, ...PROMISE_METAFIELD, type: "json", value: JSON.stringify(config) }] },
    metafieldsSetSchema,
  );
  if (metafieldsSet.userErrors.length > 0) {
    return { ok: false, errors: metafieldsSet.userErrors.map((error) => `${(error.field ?? []).join(".")}: ${error.message}`) };
  }
  return { ok: true, metafieldId: metafieldsSet.metafields?.[0]?.id ?? "" };
}
