import { z } from "zod";
import { jsonText } from "~/utils/editor-form";

export const ruleParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The rule editor's save: the whole document as JSON, the version it started from, and whether stock was entered. */
export const saveRuleFormSchema = z.object({
  document: jsonText,
  baseVersion: z.coerce.number().int().min(0),
  stockEdited: z.enum(["true", "false"]).transform((value) => value === "true"),
});
