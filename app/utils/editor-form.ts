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

/**
 * The answer to a save whose editor started from an older version (another tab or colleague saved in
 * between), or from a document that has gone. Nothing is saved; the editor keeps what was typed.
 */
export function describeEditConflict(what: "rule" | "template", currentVersion: number | null): { path: string; message: string } {
  const message =
    currentVersion === null
      ? `This ${what} no longer exists. Reload the page.`
      : `This ${what} was saved elsewhere since you opened it (it is now at version ${currentVersion}). Your changes are still here: copy what you need, then reload.`;
  return { path: "", message };
}
