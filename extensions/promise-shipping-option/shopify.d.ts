import '@shopify/ui-extensions';

//@ts-ignore
declare module './src/ShippingOptionPromise.tsx' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.shipping-option-item.details.render').Api;
  const globalThis: { shopify: typeof shopify };
}
