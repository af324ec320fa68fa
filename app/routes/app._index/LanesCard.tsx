import { Link } from "@remix-run/react";
import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { dueIn, meanDays, ordersHref, percent, type HomeData } from "./home-format";

type Lane = HomeData["lanes"][number];
type Range = { from: string; to: string };

/** A count linked to the lane's orders behind it (a zero is plain text: there is nothing to see). */
function CountLink({ count, filters }: { count: number; filters: Record<string, string> }) {
  return count === 0 ? 0 : <Link to={ordersHref(filters)}>{count}</Link>;
}

const lanesTable = (target: number, range: Range): TableSpec<Lane> => ({
  noun: "lane",
  rowId: (lane) => lane.laneKey,
  emptyText: "No promise was due in the last 30 days.",
  columns: [
    { heading: "Lane", cell: (lane) => <Link to={ordersHref({ ...dueIn(range), lane: lane.laneKey })}>{lane.label}</Link> },
    { heading: "Due", numeric: true, cell: (lane) => <CountLink count={lane.keptRate.due} filters={{ ...dueIn(range), lane: lane.laneKey }} /> },
    {
      heading: "Kept",
      numeric: true,
      cell: (lane) => `${percent(lane.keptRate.rate)}${lane.keptRate.rate !== null && lane.keptRate.rate < target ? " ▼" : ""}`,
    },
    { heading: "Mean days early", numeric: true, cell: (lane) => meanDays(lane.keptRate.meanDaysEarly) },
    {
      heading: "Late: shipped late",
      numeric: true,
      cell: (lane) => (
        <CountLink count={lane.keptRate.lateByCause.warehouse} filters={{ ...dueIn(range), lane: lane.laneKey, outcome: "late", cause: "warehouse" }} />
      ),
    },
    {
      heading: "Late: carrier",
      numeric: true,
      cell: (lane) => (
        <CountLink count={lane.keptRate.lateByCause.carrier} filters={{ ...dueIn(range), lane: lane.laneKey, outcome: "late", cause: "carrier" }} />
      ),
    },
    {
      heading: "Late: both",
      numeric: true,
      cell: (lane) => <CountLink count={lane.keptRate.lateByCause.both} filters={{ ...dueIn(range), lane: lane.laneKey, outcome: "late", cause: "both" }} />,
    },
  ],
});

/** Each lane's last 30 days: promises due, kept-rate (▼ below target), how early, and late ones by cause. */
export function LanesCard({ lanes, target, range }: { lanes: Lane[]; target: number; range: Range }) {
  return <TableCard title="Lanes, last 30 days" table={lanesTable(target, range)} rows={lanes} />;
}
