import { addDays, startOfDayInstant, wallClockAt } from "~/domain/promise/civil-date";
import { keptRateOf, laneAlerts, type KeptRate } from "~/domain/outcomes/kept-rate";
import { weeklyTrend } from "~/domain/outcomes/weekly-trend";
import { countDueOutcomesByDateAndLane, countOrdersAtRisk, countUncountedSince, listOrdersAtRisk } from "~/models/outcomes/outcome-summary.server";
import { readSettingsInForce } from "~/services/promise/settings-in-force.server";
import { peekSuggestedPaddings } from "./padding-tuner.server";

// The merchant's home page: how many promises were kept (last 7, 30 and 90 days, against the target),
// the weekly trend, each lane, the orders at risk now and the lanes below target. Read from the outcomes
// the worker keeps; nothing is judged here. A period is the promises whose promised date is in it, up
// to yesterday in the shop's calendar (today's are not all due yet).

const PERIODS = [7, 30, 90] as const;
const TREND_WEEKS = 12;
const TREND_DAYS = 7 * TREND_WEEKS;
const AT_RISK_SHOWN = 20;
/** The default target when the shop has no settings yet (the settings' own default). */
const DEFAULT_TARGET = 0.95;

export async function loadHome(shop: string, now: Date) {
  const settings = (await readSettingsInForce(shop))?.settings ?? null;
  const timeZone = settings?.shop.timeZone ?? "UTC";
  const target = settings?.targetKeptRate ?? DEFAULT_TARGET;
  const today = wallClockAt(now.getTime(), timeZone).date;
  const yesterday = addDays(today, -1);
  const from = (days: number) => addDays(today, -days);

  // One read of every promise due in the longest span (periods and trend), counted here per period and lane.
  const trendFrom = from(TREND_DAYS);
  const [due, atRisk, riskCounts, uncounted] = await Promise.all([
    countDueOutcomesByDateAndLane(shop, from(Math.max(...PERIODS, TREND_DAYS)), yesterday),
    listOrdersAtRisk(shop, AT_RISK_SHOWN),
    countOrdersAtRisk(shop),
    countUncountedSince(shop, new Date(startOfDayInstant(from(30), timeZone))),
  ]);
  const dueSince = (start: string) => due.filter((row) => row.promisedDate >= start);
  const periods = PERIODS.map((days) => ({ days, from: from(days), to: yesterday, ...keptRateOf(dueSince(from(days)).map((row) => row.count)) }));

  const labels = new Map((settings?.lanes ?? []).map((lane) => [lane.id, lane.label]));
  const byLane30 = dueSince(from(30));
  // Lane keys in key order (as the database grouped them before), then the busiest first.
  const laneKeys = [...new Set(byLane30.map((entry) => entry.laneKey))].sort();
  const lanes: { laneKey: string; label: string; keptRate: KeptRate }[] = laneKeys
    .map((laneKey) => ({
      laneKey,
      label: labels.get(laneKey) ?? laneKey,
      keptRate: keptRateOf(byLane30.filter((entry) => entry.laneKey === laneKey).map((entry) => entry.count)),
    }))
    .sort((a, b) => b.keptRate.due - a.keptRate.due);

  const alerts = laneAlerts(lanes, target);
  // The tuner's proposal for a lane below target ("+1 day suggested"), asked only when there is an alert;
  // worked out in the background and shown from the next view on (the page never waits for it).
  const suggestions = (alerts.length > 0 ? peekSuggestedPaddings(shop, now) : null) ?? new Map<string, { current: number; proposed: number }>();
  return {
    timeZone,
    today,
    target,
    hasSettings: settings !== null,
    periods,
    trend: weeklyTrend(
      dueSince(trendFrom).map((row) => ({ promisedDate: row.promisedDate, ...row.count })),
      yesterday,
      TREND_WEEKS,
    ),
    lanes,
    alerts: alerts.map((alert) => ({ ...alert, label: labels.get(alert.laneKey) ?? alert.laneKey, suggested: suggestions.get(alert.laneKey) ?? null })),
    atRisk,
    atRiskTotal: riskCounts.reduce((sum, entry) => sum + entry.count, 0),
    uncounted: uncounted.reduce((sum, entry) => sum + entry.count, 0),
  };
}
