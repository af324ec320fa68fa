import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { TEST_ENV } from "./test-env";

/** An App Bridge session token as Shopify issues it: HS256 with the app secret, aud = API key. */
export async function sessionToken(shop: string, secret: string = TEST_ENV.SHOPIFY_API_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: `https://${shop}/admin`, dest: `https://${shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(TEST_ENV.SHOPIFY_API_KEY)
    .setSubject("42")
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + 60)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret));
}
