import type { Column } from "~/components/common/TableCard";
import { formatDateTime } from "~/utils/format";

/** What Kept knows of one shipment, as table columns: carrier and tracking number, then its dated milestones. */
export type ShipmentFacts = {
  trackingCompany: string | null;
  trackingNumber: string | null;
  shippedAt: Date | string | null;
  inTransitAt: Date | string | null;
  deliveredAt: Date | string | null;
  carrierEstimateAt: Date | string | null;
};

/** The columns "Tracking, Shipped, In transit, Delivered, Carrier estimate" of a table of shipments. */
export const SHIPMENT_COLUMNS: readonly Column<ShipmentFacts>[] = [
  {
    heading: "Tracking",
    cell: (shipment) => (
      <>
        {shipment.trackingCompany ?? "—"} {shipment.trackingNumber ?? ""}
      </>
    ),
  },
  { heading: "Shipped", cell: (shipment) => formatDateTime(shipment.shippedAt) },
  { heading: "In transit", cell: (shipment) => formatDateTime(shipment.inTransitAt) },
  { heading: "Delivered", cell: (shipment) => formatDateTime(shipment.deliveredAt) },
  { heading: "Carrier estimate", cell: (shipment) => formatDateTime(shipment.carrierEstimateAt) },
];
