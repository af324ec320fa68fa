import type { useLoaderData } from "@remix-run/react";
import type { loader } from "./route";

export type HomeData = ReturnType<typeof useLoaderData<typeof loader>>;

const PERCENT = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

/** "94.5%", or "—" when there is no rate. */
export const percent = (rate: number | null) => (rate === null ? "—" : PERCENT.format(rate));

/** "+1.4" days (kept early), "0.0" on the day; "—" without a value. */
export const meanDays = (days: number | null) => (days === null ? "—" : `${days > 0 ? "+" : ""}${days.toFixed(1)}`);

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "30 Nov" for a civil date. */
export function shortDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return DATE.format(new Date(Date.UTC(year, month - 1, day)));
}

/** The Orders page filtered to the orders behind a figure: promised dates in a range, an outcome, a lane, a cause. */
export function ordersHref(filters: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `/app/orders?${params}`;
}

/** The filters of the promises due in a range of promised dates. */
export const dueIn = (range: { from: string; to: string }) => ({ dates: "promised", from: range.from, to: range.to });
