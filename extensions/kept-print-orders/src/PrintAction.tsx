/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { PrintInsertsAction } from "../../shared-print/PrintInsertsAction";

// admin.order-index.selection-print-action.render
export default async () => {
  render(
    <PrintInsertsAction
      selected={shopify.data.selected}
      description="Prints the package inserts of the selected orders, one per page, with any personal code as text and QR code."
    />,
    document.body,
  );
};
