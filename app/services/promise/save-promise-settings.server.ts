import { saveSettingsVersion } from "~/models/promise/promise-settings.server";
import type { RejectedDocument } from "~/utils/form-json";
import { validatePromiseSettings } from "./validate-promise-settings.server";

/**
 * The settings page's Save: validates the document and stores it as a new version in force from `now`.
 * The version, its metafield sync job and a shipping-options refresh are written in one transaction
 * (the outbox); nothing is saved when any field is invalid.
 */
export async function savePromiseSettings(shop: string, document: unknown, now: Date): Promise<{ ok: true; version: number } | RejectedDocument> {
  const validation = validatePromiseSettings(document);
  if (!validation.ok) return validation;
  return { ok: true, version: await saveSettingsVersion(shop, validation.settings, now) };
}
