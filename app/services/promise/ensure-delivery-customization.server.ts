import { z } from "zod";
import { functionCutoffVariables } from "~/domain/promise/function-variables";
import type { PromiseConfig } from "~/domain/promise/promise-config";
import { DELIVERY_CUSTOMIZATION_CREATE_MUTATION } from "~/graphql/promise/delivery-customization-create";
import { KEPT_DELIVERY_CUSTOMIZATIONS_QUERY } from "~/graphql/promise/kept-delivery-customizations";
import { METAFIELDS_SET_MUTATION } from "~/graphql/shopify/metafields-set";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";
import { formatUserErrors, metafieldsSetSchema } from "./sync-promise-config.server";

/** The Function's handle (extensions/promise-dates-function/shopify.extension.toml). */
const PROMISE_FUNCTION_HANDLE = "kept-promise-dates";
/** The delivery customization's metafield the Function's input query reads its variables from. */
const FUNCTION_VARIABLES_METAFIELD = { namespace: "$app:promise", key: "function-variables" } as const;

const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }).passthrough());
const listSchema = z.object({
  deliveryCustomizations: z.object({
    nodes: z.array(z.object({ id: z.string(), enabled: z.boolean(), metafield: z.object({ id: z.string() }).nullable() })),
  }),
});
const createSchema = z.object({
  deliveryCustomizationCreate: z.object({
    deliveryCustomization: z.object({ id: z.string(), enabled: z.boolean() }).nullable(),
    userErrors,
  }),
});

export type EnsureResult = { ok: true; action: "created" | "updated"; customizationId: string; enabled: boolean } | { ok: false; errors: string[] };

/**
 * Makes sure the shop has Kept's delivery customization (the Function only runs once one exists) and
 * that its cut-off variables match the config. Idempotent: an existing customization, found by Kept's
 * app-owned variables metafield, is updated and never duplicated; a merchant who disabled it in
 * Shopify's admin keeps it disabled.
 */
export async function ensureDeliveryCustomization(graphql: AdminGraphql, config: PromiseConfig): Promise<EnsureResult> {
  const value = JSON.stringify(functionCutoffVariables(config));
  const { deliveryCustomizations } = await runAdminOperation(graphql, KEPT_DELIVERY_CUSTOMIZATIONS_QUERY, {}, listSchema);
  const existing = deliveryCustomizations.nodes.find((node) => node.metafield !== null);
  if (existing) {
    const variables = { metafields: [{ ownerId: existing.id, ...FUNCTION_VARIABLES_METAFIELD, type: "json", value }] };
    const { metafieldsSet } = await runAdminOperation(graphql, METAFIELDS_SET_MUTATION, variables, metafieldsSetSchema);
    if (metafieldsSet.userErrors.length > 0) return { ok: false, errors: formatUserErrors(metafieldsSet.userErrors) };
    return { ok: true, action: "updated", customizationId: existing.id, enabled: existing.enabled };
  }
  const input = {
    functionHandle: PROMISE_FUNCTION_HANDLE,
    title: "Kept delivery promise",
    enabled: true,
    metafields: [{ ...FUNCTION_VARIABLES_METAFIELD, type: "json", value }],
  };
  const { deliveryCustomizationCreate: created } = await runAdminOperation(
    graphql,
    DELIVERY_CUSTOMIZATION_CREATE_MUTATION,
    { deliveryCustomization: input },
    createSchema,
  );
  if (created.userErrors.length > 0 || !created.deliveryCustomization) {
    return { ok: false, errors: formatUserErrors(created.userErrors).concat(created.deliveryCustomization ? [] : ["no customization returned"]) };
  }
  const { id, enabled } = created.deliveryCustomization;
  return { ok: true, action: "created", customizationId: id, enabled };
}
