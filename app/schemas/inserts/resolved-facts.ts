import { z } from "zod";
import type { ResolvedFacts } from "~/domain/rules/external-facts";

const origin = z.enum(["shopify", "kept-history", "guest", "unknown"]);

/** InsertEvaluation.facts: the facts an order was decided with and where each came from. */
const resolvedFactsSchema = z.object({
  orderCount: z.object({ value: z.number().int().positive().nullable(), origin }).optional(),
  customerTags: z.object({ value: z.array(z.string()).nullable(), origin }).optional(),
  productTypes: z.object({ value: z.record(z.string()).nullable(), origin }).optional(),
  fallbackReason: z.string().optional(),
}) satisfies z.ZodType<ResolvedFacts>;

/** Parses stored facts; null when there are none or they are not what Kept writes (never guessed). */
export function parseStoredFacts(json: string | null | undefined): ResolvedFacts | null {
  if (!json) return null;
  try {
    const result = resolvedFactsSchema.safeParse(JSON.parse(json));
    return result.success && Object.keys(result.data).length > 0 ? result.data : null;
  } catch {
    return null;
  }
}
