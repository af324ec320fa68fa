import { Banner } from "@shopify/polaris";
import { formatDateTime } from "~/utils/format";

type Props = { inForce: number | null; checkout: { version: number; publishedAt: Date | string | null } | null };

/**
 * Warns when the saved settings are not what shoppers see: checkout reads only what reached the shop
 * metafield, and orders are recorded with that version, so a save whose sync has not succeeded changes
 * nothing for shoppers yet.
 */
export function CheckoutVersionBanner({ inForce, checkout }: Props) {
  if (inForce === null || checkout?.version === inForce) return null;
  if (checkout === null) {
    return (
      <Banner tone="warning" title="Checkout shows no Kept dates yet">
        <p>
          No settings version has reached the shop metafield $app:promise/config, so shoppers see no Kept date. New orders are still recorded with version{" "}
          {inForce}, marked “not shown at checkout”. The sync state is under Versions and sync.
        </p>
      </Banner>
    );
  }
  return (
    <Banner tone="warning" title={`Checkout still shows version ${checkout.version}, not version ${inForce}`}>
      <p>
        Version {inForce} has not reached the shop metafield yet (see Versions and sync). Until it does, shoppers see the dates of version {checkout.version}{" "}
        (published {formatDateTime(checkout.publishedAt)} UTC), and new orders are recorded with version {checkout.version}, the one they saw.
      </p>
    </Banner>
  );
}
