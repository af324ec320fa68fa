import { z } from "zod";
import { jsonText } from "~/utils/editor-form";

const ruleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The rules list's forms: archive or restore one rule, or save a new order (all ids, first runs first). */
export const rulesListActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["archive", "restore"]), id: ruleId }),
  z.object({
    intent: z.literal("reorder"),
    order: jsonText.pipe(z.array(ruleId).max(1000)),
  }),
]);
