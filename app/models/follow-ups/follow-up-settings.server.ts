import prisma from "~/models/db/prisma.server";
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from "~/domain/follow-ups/follow-up-settings";

// The shop's follow-up settings as the admin edits them; the sender reads the same row through the
// worker's connection (readFollowUpSettings), with the same defaults when the shop never saved any.

export async function getFollowUpSettings(shop: string): Promise<FollowUpSettings & { saved: boolean }> {
  const row = await prisma.followUpSettings.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_FOLLOW_UP_SETTINGS, saved: false };
  const { shop: _shop, updatedAt: _updatedAt, ...settings } = row;
  return { ...settings, saved: true };
}

export async function saveFollowUpSettings(shop: string, settings: FollowUpSettings): Promise<void> {
  await prisma.followUpSettings.upsert({ where: { shop }, create: { shop, ...settings }, update: settings });
}
