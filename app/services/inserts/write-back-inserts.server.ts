import { z } from "zod";
import { METAFIELDS_SET_MUTATION } from "~/graphql/shopify/metafields-set";
import { TAGS_ADD_MUTATION } from "~/graphql/inserts/tags-add";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";

/** The tag every order with inserts gets (filter "Kept inserts" orders in the Shopify admin). */
const INSERTS_TAG = "kept-inserts";

/**
 * Where the packing plan goes on the order. The text lives in a merchant-owned namespace because app-owned
 * (`$app`) metafields are readable in Liquid only by the owning app's theme blocks, and the packing slip and
 * Order Printer are not ours: `{{ order.metafields.kept.packing_plan }}`. The structured copy is app-owned
 * (declared in shopify.app.toml, merchants can read it, only Kept writes it).
 */
const PLAN_METAFIELDS = {
  text: { namespace: "kept", key: "packing_plan", type: "multi_line_text_field" },
  json: { namespace: "$app", key: "packing_plan", type: "json" },
} as const;

export type WriteBackResult = { ok: true } | { ok: false; errors: string[] };

const userErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() }).passthrough());
const tagsAddSchema = z.object({ tagsAdd: z.object({ node: z.object({ id: z.string() }).nullish(), userErrors }) });
const metafieldsSetSchema = z.object({
  metafieldsSet: z.object({ metafields: z.array(z.object({ id: z.string() }).passthrough()).nullish(), userErrors }),
});

const describeErrors = (errors: z.infer<typeof userErrors>) => errors.map((error) => `${(error.field ?? []).join(".")}: ${error.message}`);

/** Adds the inserts tag with `tagsAdd` (keeps the order's other tags). */
export async function tagOrderWithInserts(graphql: AdminGraphql, orderGid: string): Promise<WriteBackResult> {
  const { tagsAdd } = await runAdminOperation(graphql, TAGS_ADD_MUTATION, { id: orderGid, tags: [INSERTS_TAG] }, tagsAddSchema);
  return tagsAdd.userErrors.length > 0 ? { ok: false, errors: describeErrors(tagsAdd.userErrors) } : { ok: true };
}

export type PlanDocument = {
  plan: string;
  inserts: { ruleId: string; insert: string | null; item: string | null; code: string | null; codeStatus: string | null }[];
};

/** Writes the packing plan (text for Liquid, JSON for apps) in one atomic `metafieldsSet`. */
export async function writePackingPlan(graphql: AdminGraphql, orderGid: string, document: PlanDocument): Promise<WriteBackResult> {
  const metafields = [
    { ownerId: orderGid, ...PLAN_METAFIELDS.text, value: document.plan },
    { ownerId: orderGid, ...PLAN_METAFIELDS.json, value: JSON.stringify(document) },
  ];
  const { metafieldsSet } = await runAdminOperation(graphql, METAFIELDS_SET_MUTATION, { metafields }, metafieldsSetSchema);
  return metafieldsSet.userErrors.length > 0 ? { ok: false, errors: describeErrors(metafieldsSet.userErrors) } : { ok: true };
}
