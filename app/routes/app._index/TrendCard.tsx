import { Link } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, ProgressBar, Text } from "@shopify/polaris";
import { addDays } from "~/domain/promise/civil-date";
import { dueIn, ordersHref, percent, shortDate, type HomeData } from "./home-format";

/** The kept-rate week by week (by promised date), oldest first, each bar against the target. */
export function TrendCard({ trend, target }: { trend: HomeData["trend"]; target: number }) {
  // From the first week with a promise due: a new shop's empty past says nothing.
  const first = trend.findIndex((week) => week.due > 0);
  const weeks = first === -1 ? trend : trend.slice(first);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Week by week
        </Text>
        <Text as="p" tone="subdued">{`Share of the promises due each week that were kept; your target is ${percent(target)}.`}</Text>
        <BlockStack gap="150">
          {weeks.map((week) => (
            <InlineGrid key={week.weekOf} columns={["oneThird", "twoThirds"]} gap="300" alignItems="center">
              <Text as="span">
                <Link to={ordersHref(dueIn({ from: week.weekOf, to: addDays(week.weekOf, 6) }))}>{`Week of ${shortDate(week.weekOf)}`}</Link>
              </Text>
              {week.rate === null ? (
                <Text as="span" tone="subdued">
                  No promise due
                </Text>
              ) : (
                <InlineGrid columns={["twoThirds", "oneThird"]} gap="200" alignItems="center">
                  <ProgressBar animated={false} progress={Math.round(week.rate * 100)} tone={week.rate >= target ? "success" : "critical"} size="small" />
                  <Text as="span" numeric>{`${percent(week.rate)} of ${week.due}`}</Text>
                </InlineGrid>
              )}
            </InlineGrid>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
