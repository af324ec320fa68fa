/**
 * Shopify signs a webhook's body, not its headers: a body captured from one shop can be sent again with
 * another shop's `X-Shopify-Shop-Domain` and still pass the HMAC check. Where the payload names its shop
 * (`shop_domain` in the privacy topics, `myshopify_domain` in the shop object of app/uninstalled), that
 * signed name must be the header's, or the delivery is refused: a shop/redact captured from shop A must
 * never erase shop B.
 */
export function payloadShopMismatch(headerShop: string, payload: Record<string, unknown>): string | null {
  for (const field of ["shop_domain", "myshopify_domain"] as const) {
    const named = payload[field];
    if (typeof named !== "string" || named === "") continue;
    if (named.trim().toLowerCase() !== headerShop.toLowerCase()) {
      return `signed for another shop (the payload's ${field} is ${named.slice(0, 100)}, the header's shop ${headerShop}); nothing applied`;
    }
  }
  return null;
}
