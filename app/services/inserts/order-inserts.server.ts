import { z } from "zod";
import { describeResolvedFacts } from "~/domain/rules/external-facts";
import { findEvaluation } from "~/models/inserts/insert-evaluation.server";
import { parseStoredFacts } from "~/schemas/inserts/resolved-facts";

const strings = z.array(z.string());
const skippedSchema = z.array(z.object({ ruleId: z.string().nullable(), reason: z.string() }).passthrough());

function parseJson<S extends z.ZodTypeAny>(schema: S, json: string, fallback: z.infer<S>): z.infer<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

const NO_PARCEL: Record<string, string> = {
  "order-cancelled": "The order was already cancelled when Kept first saw it: nothing to pack.",
  "pos-no-parcel": "A point-of-sale sale handed over at the counter: no parcel to pack.",
};

/**
 * Why an order got its inserts, for the order page: the packing plan, each rule that applied (or held the
 * order out) with its reasons, and where the facts the rules read beyond the order came from (Shopify, or
 * Kept's history when the Admin API could not answer). Null when the order was never decided.
 */
export async function loadOrderInserts(shop: string, orderGid: string) {
  const found = await findEvaluation(shop, orderGid);
  if (!found) return null;
  const { evaluation, assignments, ruleNames } = found;
  const noParcel = parseJson(skippedSchema, evaluation.skipped, []).find((entry) => entry.ruleId === null && NO_PARCEL[entry.reason]);
  return {
    decidedAt: evaluation.evaluatedAt,
    packingPlan: evaluation.packingPlan,
    noParcel: noParcel ? NO_PARCEL[noParcel.reason] : null,
    rules: assignments.map((assignment) => ({
      id: assignment.id,
      name: ruleNames.get(assignment.ruleId) ?? assignment.ruleId,
      version: assignment.ruleVersion,
      holdout: assignment.holdout,
      reasons: parseJson(strings, assignment.reasons, []),
    })),
    facts: describeResolvedFacts(parseStoredFacts(evaluation.facts) ?? {}),
    warnings: parseJson(strings, evaluation.warnings, []),
  };
}
