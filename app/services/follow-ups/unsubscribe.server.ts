import { unsubscribePage, type UnsubscribePageState } from "~/domain/follow-ups/unsubscribe-page";
import { findSenderName, suppressEmail } from "~/models/follow-ups/suppression.server";
import { getEnv } from "~/utils/env.server";
import { readUnsubscribeToken } from "./unsubscribe-token.server";

// The public unsubscribe route's work: no session (the signed token is the proof), GET asks, POST (the
// page's button or a mail client's RFC 8058 one-click) adds the address to the shop's suppression list.

const html = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });

const displayShop = (shop: string, senderName: string | null) => senderName ?? shop.replace(/\.myshopify\.com$/, "");

export async function unsubscribeResponse(token: string, method: "GET" | "POST"): Promise<Response> {
  const target = readUnsubscribeToken(token, getEnv().SHOPIFY_API_SECRET);
  if (!target) return html(unsubscribePage({ state: "invalid", locale: null, shopName: "", email: "" }), 400);
  let state: UnsubscribePageState = "confirm";
  if (method === "POST") {
    await suppressEmail(target.shop, target.email, "unsubscribed");
    state = "done";
  }
  const shopName = displayShop(target.shop, await findSenderName(target.shop));
  return html(unsubscribePage({ state, locale: target.locale ?? null, shopName, email: target.email }), 200);
}
