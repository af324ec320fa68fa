import { IndexTable } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";

/** What Kept knows of one shipment, as table cells: carrier and tracking number, then its dated milestones. */
export type ShipmentFacts = {
  trackingCompany: string | null;
  trackingNumber: string | null;
  shippedAt: Date | string | null;
  inTransitAt: Date | string | null;
  deliveredAt: Date | string | null;
  carrierEstimateAt: Date | string | null;
};

/** The cells "Tracking, Shipped, In transit, Delivered, Carrier estimate" of a shipment's row. */
export function ShipmentCells({ shipment }: { shipment: ShipmentFacts }) {
  return (
    <>
      <IndexTable.Cell>
        {shipment.trackingCompany ?? "—"} {shipment.trackingNumber ?? ""}
      </IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(shipment.shippedAt)}</IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(shipment.inTransitAt)}</IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(shipment.deliveredAt)}</IndexTable.Cell>
      <IndexTable.Cell>{formatDateTime(shipment.carrierEstimateAt)}</IndexTable.Cell>
    </>
  );
}
