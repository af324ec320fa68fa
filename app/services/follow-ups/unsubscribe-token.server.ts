import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// The one-click unsubscribe link's token (RFC 8058): which shop and address it stops, signed with the app's
// secret (HMAC-SHA256), so it works without a session and cannot be made for another address. It does not
// expire: an unsubscribe link in an old email must still work.

const payloadSchema = z.object({ s: z.string().min(1), e: z.string().email(), l: z.string().max(20).optional() });
/** The shop and address the link stops, and the language of the email it came in (for its page). */
export type UnsubscribeTarget = { shop: string; email: string; locale?: string };

const sign = (body: string, secret: string) => createHmac("sha256", `kept-unsubscribe:${secret}`).update(body).digest("base64url");

export function unsubscribeToken(target: UnsubscribeTarget, secret: string): string {
  const body = Buffer.from(JSON.stringify({ s: target.shop, e: target.email.toLowerCase(), l: target.locale })).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The target of a token, or null when it is malformed or its signature is not ours. */
export function readUnsubscribeToken(token: string, secret: string): UnsubscribeTarget | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    return parsed.data.l ? { shop: parsed.data.s, email: parsed.data.e, locale: parsed.data.l } : { shop: parsed.data.s, email: parsed.data.e };
  } catch {
    return null;
  }
}
