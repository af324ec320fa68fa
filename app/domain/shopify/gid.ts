// Shopify's global ids ("gid://shopify/Order/1001"): built, recognised and taken apart here and nowhere else.

/** The resource types whose ids Kept builds or checks. */
export type GidType = "AppInstallation" | "Order" | "Customer" | "LineItem" | "Product" | "ProductVariant" | "Fulfillment" | "FulfillmentEvent" | "Shop";

/** "gid://shopify/Order/" */
export function gidPrefix(type: GidType): string {
  return `gid://shopify/${type}/`;
}

/** ("Order", 1001) → "gid://shopify/Order/1001" */
export function shopifyGid(type: GidType, id: string | number | bigint): string {
  return `${gidPrefix(type)}${id.toString()}`;
}

/** Whether `value` is a GID of that type. */
export function isGidOf(type: GidType, value: unknown): value is string {
  return typeof value === "string" && value.startsWith(gidPrefix(type)) && value.length > gidPrefix(type).length;
}

/** The id at the end of a GID ("gid://shopify/Order/123" → "123"); a bare id is returned as it is. */
export function legacyIdOf(gid: string): string {
  return gid.slice(gid.lastIndexOf("/") + 1);
}

/** A GID of that type from either a GID or a bare id ("1001" or "gid://shopify/Order/1001" → "gid://shopify/Order/1001"). */
export function toGid(type: GidType, idOrGid: string): string {
  return shopifyGid(type, legacyIdOf(idOrGid));
}
