import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { OrderPromise } from "./OrderPromise";

export default async () => {
  render(<OrderPromise orderId={shopify.orderConfirmation.value.order.id} surface="checkout" />, document.body);
};
