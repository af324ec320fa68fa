import { z } from "zod";

/** A form field that carries JSON (an editor's document, a list of ids); the parsed value is checked by the next schema. */
export const jsonText = z.string({ required_error: "is missing" }).transform((text, ctx): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
});

/** `?saved=3` on an editor page after a successful save; anything else is no banner. */
export const savedVersionParam = z.coerce.number().int().min(1).nullable().catch(null);
