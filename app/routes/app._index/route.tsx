import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { AppPage } from "~/components/common/AppPage";
import { loadHome } from "~/services/outcomes/load-home.server";
import { requireAdmin } from "~/services/shop/admin-context.server";
import { AtRiskCard } from "./AtRiskCard";
import { LanesCard } from "./LanesCard";
import { PeriodCard } from "./PeriodCard";
import { TrendCard } from "./TrendCard";
import { addDays } from "~/domain/promise/civil-date";
import { ordersHref, percent, type HomeData } from "./home-format";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return loadHome(shop, new Date());
}

/** ": +1 day suggested" when the padding tuner proposes a change for the lane. */
function suggestedText(suggested: { current: number; proposed: number } | null) {
  if (!suggested) return "";
  const change = suggested.proposed - suggested.current;
  return `: ${change > 0 ? "+" : "−"}${Math.abs(change)} ${Math.abs(change) === 1 ? "day" : "days"} of padding suggested`;
}

function Alerts({ alerts, target, today }: Pick<HomeData, "alerts" | "target" | "today">) {
  if (alerts.length === 0) return null;
  return (
    <BlockStack gap="200">
      {alerts.map((alert) => (
        <Banner
          key={alert.laneKey}
          tone="warning"
          title={`${alert.label} kept ${percent(alert.rate)} in the last 30 days, against your ${percent(target)} target${suggestedText(alert.suggested)}`}
        >
          <p>
            {`${alert.due} promises were due on this lane. Most late ones were ${
              alert.mainCause === "warehouse"
                ? "shipped after their ship-by date: look at processing time and cut-offs"
                : alert.mainCause === "carrier"
                  ? "slow in the carrier's hands: consider a day more of padding on this lane"
                  : "both shipped late and slow with the carrier"
            }.`}{" "}
            <Link to={ordersHref({ from: addDays(today, -30), to: addDays(today, -1), dates: "promised", lane: alert.laneKey, outcome: "late" })}>
              See the late orders
            </Link>
            {" · "}
            {alert.suggested ? (
              <Link to="/app/promise/tuning">Review the padding proposal</Link>
            ) : (
              <Link to="/app/promise">Open the delivery promise settings</Link>
            )}
          </p>
        </Banner>
      ))}
    </BlockStack>
  );
}

function NothingDueYet({ hasSettings }: { hasSettings: boolean }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          No promise is due yet
        </Text>
        <Text as="p">
          Kept checks every delivery promise shown at checkout against the real delivery, as orders, shipments and carrier scans come in. Your kept-rate appears
          here once promised dates have passed.
        </Text>
        {hasSettings ? null : (
          <Text as="p">
            <Link to="/app/promise">Set up your delivery promise</Link> first: without it, checkout shows no Kept date and there is nothing to keep.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function Home() {
  const home = useLoaderData<typeof loader>();
  const anyDue = home.periods.some((period) => period.due > 0);
  return (
    <AppPage title="Dashboard" subtitle={`Promises kept, by promised date in your shop's calendar (${home.timeZone}), up to yesterday`}>
      <Alerts alerts={home.alerts} target={home.target} today={home.today} />
      {anyDue ? (
        <>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            {home.periods.map((period) => (
              <PeriodCard key={period.days} period={period} target={home.target} />
            ))}
          </InlineGrid>
          <TrendCard trend={home.trend} target={home.target} />
        </>
      ) : (
        <NothingDueYet hasSettings={home.hasSettings} />
      )}
      <AtRiskCard atRisk={home.atRisk} total={home.atRiskTotal} />
      {anyDue ? <LanesCard lanes={home.lanes} target={home.target} range={home.periods[1]} /> : null}
      {home.uncounted > 0 ? (
        <Text as="p" tone="subdued">
          <Link
            to={ordersHref({ outcome: "not-counted", from: addDays(home.today, -30) })}
          >{`${home.uncounted} ${home.uncounted === 1 ? "order" : "orders"}`}</Link>
          {` placed in the last 30 days ${home.uncounted === 1 ? "is" : "are"} not counted: no Kept date was shown at checkout for ${home.uncounted === 1 ? "it" : "them"} (pickup, no lane, settings not yet at checkout), or ${home.uncounted === 1 ? "it was" : "they were"} cancelled or refunded.`}
        </Text>
      ) : null}
    </AppPage>
  );
}
