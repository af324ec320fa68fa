import { z } from "zod";
import { jsonText } from "~/utils/editor-form";

export const templateParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The template editor's save: the whole document as JSON and the version it started from. */
export const saveTemplateFormSchema = z.object({ document: jsonText, baseVersion: z.coerce.number().int().min(0) });

/** The live preview: the document as edited, the order to render against ("" = sample) and the language ("" = the order's). */
export const previewFormSchema = z.object({
  document: jsonText,
  orderGid: z
    .string()
    .regex(/^(gid:\/\/shopify\/Order\/\d+)?$/)
    .transform((value) => value || null),
  locale: z
    .string()
    .max(35)
    .transform((value) => value || null),
});
