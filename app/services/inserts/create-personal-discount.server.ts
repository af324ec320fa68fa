import { z } from "zod";
import { CODE_DISCOUNT_NODE_BY_CODE_QUERY } from "~/graphql/inserts/code-discount-node-by-code";
import { DISCOUNT_CODE_BASIC_CREATE_MUTATION } from "~/graphql/inserts/discount-code-basic-create";
import { runAdminOperation, type AdminGraphql } from "../shopify/admin-graphql.server";

export type PersonalDiscount = {
  code: string;
  /** Marks the discount as Kept's in the merchant's discount list; also how a retry recognizes its own code. */
  title: string;
  /** null for a guest order: the code is then open to any buyer, once (see docs/inserts.md). */
  customerGid: string | null;
  kind: "percentage" | "fixed_amount";
  /** Decimal string: "10" (percent) or "5.00" (shop currency). */
  value: string;
  startsAt: Date;
  endsAt: Date;
};

export type DiscountResult = { ok: true; discountGid: string } | { ok: false; reason: "taken-by-another" } | { ok: false; reason: "refused"; message: string };

const userError = z.object({ field: z.array(z.string()).nullish(), code: z.string().nullish(), message: z.string() }).passthrough();
const createSchema = z.object({
  discountCodeBasicCreate: z.object({ codeDiscountNode: z.object({ id: z.string() }).nullish(), userErrors: z.array(userError) }),
});
const byCodeSchema = z.object({
  codeDiscountNodeByCode: z.object({ id: z.string(), codeDiscount: z.object({ title: z.string().optional() }).passthrough().nullish() }).nullish(),
});

/** The 2026-01 DiscountCodeBasicInput for a single-use personal code. */
function toBasicCodeDiscountInput(discount: PersonalDiscount) {
  const value =
    discount.kind === "percentage" ? { percentage: Number(discount.value) / 100 } : { discountAmount: { amount: discount.value, appliesOnEachItem: false } };
  return {
    title: discount.title,
    code: discount.code,
    startsAt: discount.startsAt.toISOString(),
    endsAt: discount.endsAt.toISOString(),
    context: discount.customerGid ? { customers: { add: [discount.customerGid] } } : { all: "ALL" },
    customerGets: { value, items: { all: true } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
  };
}

/**
 * Creates the code with `discountCodeBasicCreate`. Idempotent across retries: when Shopify answers that the
 * code is taken and the existing discount carries our title, an earlier attempt created it (its answer was
 * lost), and that counts as created. Other userErrors are permanent refusals; transport and top-level
 * GraphQL errors throw, so the outbox retries with backoff.
 */
export async function createPersonalDiscount(graphql: AdminGraphql, discount: PersonalDiscount): Promise<DiscountResult> {
  const { discountCodeBasicCreate: result } = await runAdminOperation(
    graphql,
    DISCOUNT_CODE_BASIC_CREATE_MUTATION,
    { basicCodeDiscount: toBasicCodeDiscountInput(discount) },
    createSchema,
  );
  if (result.codeDiscountNode && result.userErrors.length === 0) return { ok: true, discountGid: result.codeDiscountNode.id };
  const taken = result.userErrors.some((error) => error.code === "TAKEN" && (error.field ?? []).at(-1) === "code");
  if (!taken) return { ok: false, reason: "refused", message: result.userErrors.map((error) => error.message).join("; ") || "no discount was returned" };
  const { codeDiscountNodeByCode: existing } = await runAdminOperation(graphql, CODE_DISCOUNT_NODE_BY_CODE_QUERY, { code: discount.code }, byCodeSchema);
  if (existing && existing.codeDiscount?.title === discount.title) return { ok: true, discountGid: existing.id };
  return { ok: false, reason: "taken-by-another" };
}
