import { TableCard, type TableSpec } from "~/components/common/TableCard";
import { meanDays, percent, type HomeData } from "./home-format";

type Lane = HomeData["lanes"][number];

const lanesTable = (target: number): TableSpec<Lane> => ({
  noun: "lane",
  rowId: (lane) => lane.laneKey,
  emptyText: "No promise was due in the last 30 days.",
  columns: [
    { heading: "Lane", cell: (lane) => lane.label },
    { heading: "Due", numeric: true, cell: (lane) => lane.keptRate.due },
    {
      heading: "Kept",
      numeric: true,
      cell: (lane) => `${percent(lane.keptRate.rate)}${lane.keptRate.rate !== null && lane.keptRate.rate < target ? " ▼" : ""}`,
    },
    { heading: "Mean days early", numeric: true, cell: (lane) => meanDays(lane.keptRate.meanDaysEarly) },
    { heading: "Late: shipped late", numeric: true, cell: (lane) => lane.keptRate.lateByCause.warehouse },
    { heading: "Late: carrier", numeric: true, cell: (lane) => lane.keptRate.lateByCause.carrier },
    { heading: "Late: both", numeric: true, cell: (lane) => lane.keptRate.lateByCause.both },
  ],
});

/** Each lane's last 30 days: promises due, kept-rate (▼ below target), how early, and late ones by cause. */
export function LanesCard({ lanes, target }: { lanes: Lane[]; target: number }) {
  return <TableCard title="Lanes, last 30 days" table={lanesTable(target)} rows={lanes} />;
}
