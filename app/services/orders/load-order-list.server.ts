import { addDays, startOfDayInstant, wallClockAt } from "~/domain/promise/civil-date";
import { describeOutcome } from "~/domain/outcomes/describe-outcome";
import { CAUSE_FILTER_LABELS, type CauseFilter } from "~/domain/outcomes/outcome-filters";
import { eachOrderMatching, listOrderPage, listOutcomeLanes, type OrderListFilter, type OrderListRow } from "~/models/orders/order-list.server";
import type { OrderListQuery } from "~/schemas/orders/order-list-query";
import { readSettingsInForce } from "~/services/promise/settings-in-force.server";
import { ordersCsvHeader, ordersCsvLine } from "~/domain/orders/orders-csv";

// The Orders page and its CSV export: the shop's orders with the verdict on each promise, searched and
// filtered as the URL says. Dates of placing are the shop's calendar days; promised dates are civil dates.

/** Rows per page of the Orders list. */
const ORDERS_PAGE_SIZE = 50;
/** The admin speaks English for now (the admin's languages are a later issue); dates as "Wed 18 Nov". */
const LOCALE = "en-GB";

/** The model's filter for a query: "placed from/to" are the shop's calendar days, turned into instants. */
function filterOf(query: OrderListQuery, timeZone: string): OrderListFilter {
  const filter: OrderListFilter = { search: query.q || undefined, outcome: query.outcome, laneKey: query.lane || undefined, cause: query.cause };
  if (query.dates === "promised") return { ...filter, promisedFrom: query.from, promisedTo: query.to };
  return {
    ...filter,
    orderedFrom: query.from ? new Date(startOfDayInstant(query.from, timeZone)) : undefined,
    orderedBefore: query.to ? new Date(startOfDayInstant(addDays(query.to, 1), timeZone)) : undefined,
  };
}

async function shopContext(shop: string) {
  const settings = (await readSettingsInForce(shop))?.settings ?? null;
  const timeZone = settings?.shop.timeZone ?? "UTC";
  const labels = new Map((settings?.lanes ?? []).map((lane) => [lane.id, lane.label]));
  return { timeZone, labelOf: (laneKey: string | null) => (laneKey ? (labels.get(laneKey) ?? laneKey) : null) };
}

function placedLabel(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat(LOCALE, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(at);
}

/** One page of the Orders list, with what each row shows, the lanes to filter by and the totals. */
export async function loadOrderList(shop: string, query: OrderListQuery) {
  const { timeZone, labelOf } = await shopContext(shop);
  const [page, lanes] = await Promise.all([
    listOrderPage(shop, filterOf(query, timeZone), { after: query.after, before: query.before, take: ORDERS_PAGE_SIZE }),
    listOutcomeLanes(shop),
  ]);
  const rows = page.rows.map((row: OrderListRow) => {
    const verdict = describeOutcome(row, LOCALE);
    return {
      orderGid: row.orderGid,
      legacyId: row.legacyId,
      name: row.name,
      customer: row.customerName ?? row.email ?? null,
      email: row.customerName ? row.email : null,
      placed: placedLabel(row.orderedAt, timeZone),
      lane: row.laneLabel ?? labelOf(row.laneKey),
      verdict,
      // Why it broke (late), or what to do (at risk): a line under what happened.
      note: row.verdict === "late" ? (CAUSE_FILTER_LABELS[row.lateCause as CauseFilter] ?? null) : row.risk ? (verdict.details[0] ?? null) : null,
    };
  });
  const laneOptions = lanes.map((lane) => ({ laneKey: lane.laneKey, label: labelOf(lane.laneKey) ?? lane.laneKey, orders: lane.orders }));
  laneOptions.sort((a, b) => a.label.localeCompare(b.label));
  return { ...page, rows, lanes: laneOptions, timeZone };
}

/**
 * The CSV of every order matching the query, streamed a batch at a time (one file however many orders
 * match), and its file name with today's date in the shop's calendar.
 */
export async function exportOrdersCsv(shop: string, query: OrderListQuery, now: Date) {
  const { timeZone, labelOf } = await shopContext(shop);
  const batches = eachOrderMatching(shop, filterOf(query, timeZone));
  const encoder = new TextEncoder();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(ordersCsvHeader()));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => ordersCsvLine({ ...row, laneLabel: row.laneLabel ?? labelOf(row.laneKey) })).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return { stream, fileName: `kept-orders-${wallClockAt(now.getTime(), timeZone).date}.csv` };
}
