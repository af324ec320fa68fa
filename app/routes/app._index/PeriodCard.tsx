import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { dueIn, ordersHref, percent, type HomeData } from "./home-format";

type Period = HomeData["periods"][number];

const CAUSE_WORDS = { warehouse: "shipped after the ship-by date", carrier: "slow with the carrier", both: "both" } as const;

/** "2 shipped after their ship-by date, 1 slow with the carrier": the causes that broke promises, each linked to its orders. */
function LateCauses({ period }: { period: Period }) {
  const causes = (["warehouse", "carrier", "both"] as const).filter((cause) => period.lateByCause[cause] > 0);
  return causes.map((cause, index) => (
    <Fragment key={cause}>
      {index > 0 ? ", " : null}
      <Link to={ordersHref({ ...dueIn(period), outcome: "late", cause })}>{`${period.lateByCause[cause]} ${CAUSE_WORDS[cause]}`}</Link>
    </Fragment>
  ));
}

/** One period's kept-rate against the target, with how early the kept ones came and why the others broke. */
export function PeriodCard({ period, target }: { period: Period; target: number }) {
  const met = period.rate !== null && period.rate >= target;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingSm">{`Last ${period.days} days`}</Text>
          {period.rate === null ? null : <Badge tone={met ? "success" : "critical"}>{met ? "On target" : "Below target"}</Badge>}
        </InlineStack>
        <Text as="p" variant="heading2xl">
          {percent(period.rate)}
        </Text>
        {period.due === 0 ? (
          <Text as="p">No promise was due.</Text>
        ) : (
          <Text as="p">
            <Link to={ordersHref({ ...dueIn(period), outcome: "kept" })}>{`${period.kept} of ${period.due} promises kept`}</Link>
            {` · target ${percent(target)} · `}
            <Link to={ordersHref(dueIn(period))}>all due</Link>
          </Text>
        )}
        {period.kept > 0 ? (
          <Text as="p" tone="subdued">
            {(period.meanDaysEarly ?? 0) > 0
              ? `Kept ones arrived ${(period.meanDaysEarly ?? 0).toFixed(1)} days before the promised date on average.`
              : "Kept ones arrived on the promised date on average."}
          </Text>
        ) : null}
        {period.late > 0 ? (
          <Text as="p" tone="subdued">
            {"Late: "}
            <LateCauses period={period} />.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
