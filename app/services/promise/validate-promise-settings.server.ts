import { promiseSettingsSchema, type PromiseSettings } from "~/schemas/promise/promise-settings";
import { toFieldErrors, type RejectedDocument } from "~/utils/form-json";
import { findHolidayCalendarIssues } from "./expand-closed-dates.server";

export type SettingsValidation = { ok: true; settings: PromiseSettings } | RejectedDocument;

/**
 * Checks a settings document from the editor: the zod schema first (field errors by path), then that
 * date-holidays has a calendar for the chosen country and region (the schema checks only their format,
 * and an unknown calendar would stop every promise of the shop).
 */
export function validatePromiseSettings(document: unknown): SettingsValidation {
  const parsed = promiseSettingsSchema.safeParse(document);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const issues = findHolidayCalendarIssues(parsed.data.shop);
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, settings: parsed.data };
}
