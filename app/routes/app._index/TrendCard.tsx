import { useEffect, useState } from "react";
import { Link } from "@remix-run/react";
import { BlockStack, Box, Card, InlineGrid, ProgressBar, Text } from "@shopify/polaris";
import { LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { addDays } from "~/domain/promise/civil-date";
import { dueIn, ordersHref, percent, shortDate, type HomeData } from "./home-format";

/**
 * The kept-rate week by week as a polaris-viz line against the target line. Drawn in the browser only: the
 * chart measures its container, which the server cannot.
 */
function TrendChart({ weeks, target }: { weeks: HomeData["trend"]; target: number }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const data = [
    {
      name: "Kept",
      data: weeks.map((week) => ({ key: `Week of ${shortDate(week.weekOf)}`, value: week.rate === null ? null : Math.round(week.rate * 1000) / 10 })),
    },
    { name: "Target", isComparison: true, data: weeks.map((week) => ({ key: `Week of ${shortDate(week.weekOf)}`, value: Math.round(target * 1000) / 10 })) },
  ];
  return (
    <Box minHeight="240px">
      {mounted ? (
        <div style={{ height: 240 }} role="img" aria-label={`Kept-rate per week against the ${percent(target)} target`}>
          <PolarisVizProvider>
            <LineChart
              data={data}
              theme="Light"
              isAnimated={false}
              showLegend
              yAxisOptions={{ labelFormatter: (value) => `${value}%`, integersOnly: true }}
              tooltipOptions={{ valueFormatter: (value) => (value === null ? "no promise due" : `${value}%`) }}
            />
          </PolarisVizProvider>
        </div>
      ) : null}
    </Box>
  );
}

/** The kept-rate week by week (by promised date), oldest first: the chart, then each week against the target, linked to its orders. */
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
        <TrendChart weeks={weeks} target={target} />
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
