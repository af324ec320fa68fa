import { z } from "zod";
import { withShopifyFacts, type CheckoutSurfaceSetting } from "~/domain/promise/option-policy";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { packPromiseConfig } from "~/domain/promise/promise-config-wire";
import { DELIVERY_DATES_SETTING_QUERY } from "~/graphql/promise/delivery-dates-setting";
import { METAFIELDS_SET_MUTATION } from "~/graphql/shopify/metafields-set";
import { PROMISE_SHOP_CONTEXT_QUERY } from "~/graphql/promise/promise-shop-context";
import { adminErrorCodes, runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";
import { gidPrefix } from "~/domain/shopify/gid";

/** Where the checkout extension and the Function read the compact config (app-owned shop metafield). */
const PROMISE_METAFIELD = { namespace: "$app:promise", key: "config" } as const;

/** Shopify Functions receive a metafield value over this many bytes as null. */
export const FUNCTION_METAFIELD_LIMIT_BYTES = 10_000;

const shopContextSchema = z.object({
  shop: z.object({
    id: z.string().startsWith(gidPrefix("Shop")),
    ianaTimezone: z.string().min(1),
    // Missing or null: the plan is unknown, and the title (every plan) dates the options.
    plan: z.object({ shopifyPlus: z.boolean().nullish() }).nullish(),
  }),
});
const deliveryDatesSchema = z.object({ deliveryPromiseSettings: z.object({ deliveryDatesEnabled: z.boolean() }) });
export const metafieldsSetSchema = z.object({
  metafieldsSet: z.object({
    metafields: z.array(z.object({ id: z.string() }).passthrough()).nullable(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }).passthrough()),
  }),
});

export type SyncResult = { ok: true; metafieldId: string; published: PromiseConfig; bytes: number } | { ok: false; errors: string[] };

/** Shopify's delivery-dates setting, or undefined when the app may not read it (read_shipping not granted yet). */
async function readDeliveryDatesEnabled(graphql: AdminGraphql): Promise<boolean | undefined> {
  try {
    const result = await runAdminOperation(graphql, DELIVERY_DATES_SETTING_QUERY, {}, deliveryDatesSchema);
    return result.deliveryPromiseSettings.deliveryDatesEnabled;
  } catch (error: unknown) {
    if (adminErrorCodes(error).includes("ACCESS_DENIED")) return undefined;
    throw error;
  }
}

export function formatUserErrors(errors: { field: string[] | null; message: string }[]): string[] {
  return errors.map((error) => `${(error.field ?? []).join(".")}: ${error.message}`);
}

/**
 * Writes the compact promise config to the shop metafield with `metafieldsSet`, in the packed form (see
 * promise-config-wire.ts), together with what checkout needs for "no double dates": whether Shopify's own
 * delivery dates are on, the store's time zone (the Function's clock), and the one surface that dates
 * shipping options, resolved from the shop's plan and the merchant's `checkoutSurface` setting.
 */
export async function syncPromiseConfig(graphql: AdminGraphql, config: PromiseConfig, checkoutSurface: CheckoutSurfaceSetting): Promise<SyncResult> {
  const { shop } = await runAdminOperation(graphql, PROMISE_SHOP_CONTEXT_QUERY, {}, shopContextSchema);
  const deliveryDatesEnabled = await readDeliveryDatesEnabled(graphql);
  const facts = { timeZone: shop.ianaTimezone, deliveryDatesEnabled, shopifyPlus: shop.plan?.shopifyPlus ?? undefined };
  const published = withShopifyFacts(config, facts, checkoutSurface);
  const value = JSON.stringify(packPromiseConfig(published));
  const { metafieldsSet } = await runAdminOperation(
    graphql,
    METAFIELDS_SET_MUTATION,
    { metafields: [{ ownerId: shop.id, ...PROMISE_METAFIELD, type: "json", value }] },
    metafieldsSetSchema,
  );
  if (metafieldsSet.userErrors.length > 0) return { ok: false, errors: formatUserErrors(metafieldsSet.userErrors) };
  return { ok: true, metafieldId: metafieldsSet.metafields?.[0]?.id ?? "", published, bytes: Buffer.byteLength(value) };
}
