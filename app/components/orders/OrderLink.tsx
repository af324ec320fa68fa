import { Link } from "@remix-run/react";

/** The order's name ("#1001") linking to its page in Kept. */
export function OrderLink({ order }: { order: { legacyId: string; name: string } }) {
  return <Link to={`/app/orders/${order.legacyId}`}>{order.name}</Link>;
}
