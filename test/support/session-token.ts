import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import prisma from "~/models/db/prisma.server";
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

/** A request from inside the Shopify admin (Bearer session token), optionally a form POST. */
export async function adminRequest(shop: string, path: string, form?: Record<string, string>) {
  const headers = { Authorization: `Bearer ${await sessionToken(shop)}` };
  return form
    ? new Request(`${TEST_ENV.SHOPIFY_APP_URL}${path}`, { method: "POST", headers, body: new URLSearchParams(form) })
    : new Request(`${TEST_ENV.SHOPIFY_APP_URL}${path}`, { headers });
}

/** The offline session a shop has after installing the app. */
export async function storeOfflineSession(shop: string) {
  await prisma.session.create({
    data: { id: `offline_${shop}`, shop, state: "installed", isOnline: false, scope: TEST_ENV.SCOPES, accessToken: `token-${shop}` },
  });
}
