import { findSettingsInForceNow } from "~/models/promise/promise-settings.server";
import { promiseSettingsSchema, type PromiseSettings } from "~/schemas/promise/promise-settings";

/** The shop's promise settings in force now (with their version number), read and checked; null when it has none or they cannot be read. */
export async function readSettingsInForce(shop: string): Promise<{ version: number; settings: PromiseSettings } | null> {
  const row = await findSettingsInForceNow(shop);
  if (!row) return null;
  let document: unknown;
  try {
    document = JSON.parse(row.document);
  } catch {
    return null;
  }
  const parsed = promiseSettingsSchema.safeParse(document);
  return parsed.success ? { version: row.version, settings: parsed.data } : null;
}
