import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { OrderPromise } from "./OrderPromise";

export default async () => {
  render(<OrderPromise orderId={shopify.order.value?.id} surface="customer-account" />, document.body);
};
