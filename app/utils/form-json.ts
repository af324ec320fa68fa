import { type z } from "zod";

/** One field's problem, addressed by its dotted path in the edited document ("lanes.0.transitDays.max"). */
export type FieldError = { path: string; message: string };

/** The answer of an editor action that refused the document (sent with status 400). */
export type RejectedDocument = { ok: false; errors: FieldError[] };

/** zod issues as field errors; the path of a root-level issue is "". */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/**
 * Editors keep the whole document in React state and submit it as JSON in one form field; actions read it
 * here. Broken JSON or a missing field is the client's fault and comes back as a root-level field error.
 */
export function readJsonField(formData: FormData, name: string): { ok: true; value: unknown } | RejectedDocument {
  const raw = formData.get(name);
  if (typeof raw !== "string") return { ok: false, errors: [{ path: "", message: `The form field "${name}" is missing` }] };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, errors: [{ path: "", message: `The form field "${name}" is not valid JSON` }] };
  }
}

/** The message for one field (exact path), for Polaris' `error` prop; undefined when the field is fine. */
export function errorAt(errors: readonly FieldError[] | undefined, path: string): string | undefined {
  return errors?.find((error) => error.path === path)?.message;
}

/** Messages for a field and everything below it ("lanes.0" collects "lanes.0.method.handle" too). */
export function errorsUnder(errors: readonly FieldError[] | undefined, path: string): FieldError[] {
  if (!errors) return [];
  return errors.filter((error) => error.path === path || error.path.startsWith(`${path}.`));
}
