import prisma from "~/models/db/prisma.server";

/** Adds the address to the shop's suppression list; true when it was not on it yet (a second click changes nothing). */
export async function suppressEmail(shop: string, email: string, reason: "unsubscribed" | "merchant"): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const existing = await prisma.emailSuppression.findUnique({ where: { shop_email: { shop, email: address } } });
  if (existing) return false;
  await prisma.emailSuppression.upsert({ where: { shop_email: { shop, email: address } }, create: { shop, email: address, reason }, update: {} });
  return true;
}

/** The name the shop's emails go out under, when the merchant set one. */
export async function findSenderName(shop: string): Promise<string | null> {
  const settings = await prisma.followUpSettings.findUnique({ where: { shop }, select: { senderName: true } });
  return settings?.senderName ?? null;
}
