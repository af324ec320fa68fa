/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { PrintInsertsAction } from "../../shared-print/PrintInsertsAction";

// admin.order-details.print-action.render
export default async () => {
  render(
    <PrintInsertsAction
      selected={shopify.data.selected}
      description="Prints this order's package inserts, one per page, with any personal code as text and QR code."
    />,
    document.body,
  );
};
