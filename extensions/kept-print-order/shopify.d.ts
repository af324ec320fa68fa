import "@shopify/ui-extensions";

// The `shopify` global of this extension's target (the form Shopify CLI generates).
//@ts-ignore
declare module "./src/PrintAction.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}
