import { addDays, startOfDayInstant, wallClockAt } from "~/domain/promise/civil-date";
import { keptRateOf, laneAlerts, type KeptRate, type OutcomeCount } from "~/domain/outcomes/kept-rate";
import { weeklyTrend } from "~/domain/outcomes/weekly-trend";
import {
  countDueOutcomesByDate,
  countDueOutcomesByLane,
  countOrdersAtRisk,
  countUncountedSince,
  listOrdersAtRisk,
} from "~/models/outcomes/outcome-summary.server";
import { readSettingsInForce } from "~/services/promise/settings-in-force.server";
import { loadSuggestedPaddings } from "./padding-tuner.server";

// The merchant's home page: how many promises were kept (last 7, 30 and 90 days, against the target),
// the weekly trend, each lane, the orders at risk now and the lanes below target. Read from the outcomes
// the worker keeps; nothing is judged here. A period is the promises whose promised date is in it, up
// to yesterday in the shop's calendar (today's are not all due yet).

const PERIODS = [7, 30, 90] as const;
const TREND_WEEKS = 12;
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

  const [byLane7, byLane30, byLane90, byDate, atRisk, riskCounts, uncounted] = await Promise.all([
    countDueOutcomesByLane(shop, from(7), yesterday),
    countDueOutcomesByLane(shop, from(30), yesterday),
    countDueOutcomesByLane(shop, from(90), yesterday),
    countDueOutcomesByDate(shop, addDays(today, -7 * TREND_WEEKS), yesterday),
    listOrdersAtRisk(shop, AT_RISK_SHOWN),
    countOrdersAtRisk(shop),
    countUncountedSince(shop, new Date(startOfDayInstant(from(30), timeZone))),
  ]);
  const overall = (rows: { count: OutcomeCount }[]) => keptRateOf(rows.map((entry) => entry.count));
  const periods = PERIODS.map((days, index) => ({ days, from: from(days), to: yesterday, ...overall([byLane7, byLane30, byLane90][index]) }));

  const labels = new Map((settings?.lanes ?? []).map((lane) => [lane.id, lane.label]));
  const laneKeys = [...new Set(byLane30.map((entry) => entry.laneKey))];
  const lanes: { laneKey: string; label: string; keptRate: KeptRate }[] = laneKeys
    .map((laneKey) => ({
      laneKey,
      label: labels.get(laneKey) ?? laneKey,
      keptRate: keptRateOf(byLane30.filter((entry) => entry.laneKey === laneKey).map((entry) => entry.count)),
    }))
    .sort((a, b) => b.keptRate.due - a.keptRate.due);

  const alerts = laneAlerts(lanes, target);
  // The tuner's proposal for a lane below target ("+1 day suggested"), read only when there is an alert.
  const suggestions = alerts.length > 0 ? await loadSuggestedPaddings(shop, now) : new Map<string, { current: number; proposed: number }>();
  return {
    timeZone,
    today,
    target,
    hasSettings: settings !== null,
    periods,
    trend: weeklyTrend(byDate, yesterday, TREND_WEEKS),
    lanes,
    alerts: alerts.map((alert) => ({ ...alert, label: labels.get(alert.laneKey) ?? alert.laneKey, suggested: suggestions.get(alert.laneKey) ?? null })),
    atRisk,
    atRiskTotal: riskCounts.reduce((sum, entry) => sum + entry.count, 0),
    uncounted: uncounted.reduce((sum, entry) => sum + entry.count, 0),
  };
}
