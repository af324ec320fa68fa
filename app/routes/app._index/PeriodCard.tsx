import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { percent, type HomeData } from "./home-format";

/** "2 shipped after their ship-by date, 1 slow with the carrier": the causes that broke promises, in words. */
function lateCauses({ warehouse, carrier, both }: { warehouse: number; carrier: number; both: number }) {
  const parts = [
    warehouse > 0 ? `${warehouse} shipped after the ship-by date` : null,
    carrier > 0 ? `${carrier} slow with the carrier` : null,
    both > 0 ? `${both} both` : null,
  ];
  return parts.filter((part) => part !== null).join(", ");
}

/** One period's kept-rate against the target, with how early the kept ones came and why the others broke. */
export function PeriodCard({ period, target }: { period: HomeData["periods"][number]; target: number }) {
  const met = period.rate !== null && period.rate >= target;
  const { warehouse, carrier, both } = period.lateByCause;
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
        <Text as="p">{period.due === 0 ? "No promise was due." : `${period.kept} of ${period.due} promises kept · target ${percent(target)}`}</Text>
        {period.kept > 0 ? (
          <Text as="p" tone="subdued">
            {(period.meanDaysEarly ?? 0) > 0
              ? `Kept ones arrived ${(period.meanDaysEarly ?? 0).toFixed(1)} days before the promised date on average.`
              : "Kept ones arrived on the promised date on average."}
          </Text>
        ) : null}
        {period.late > 0 ? <Text as="p" tone="subdued">{`Late: ${lateCauses({ warehouse, carrier, both })}.`}</Text> : null}
      </BlockStack>
    </Card>
  );
}
