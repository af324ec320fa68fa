import { describe, expect, it } from "vitest";
import { wallClockAt } from "~/domain/promise/civil-date";
import { buildScenario, type Delivery, type ScenarioOptions } from "../../scripts/simulator/scenarios";
import { slowdownWindow } from "../../scripts/simulator/scenario-history";
import { deliveryBody } from "../../scripts/simulator/send";
import { judgeDeliveries, lanesOfLast30Days } from "./judge-history";

// The history scenario: ten weeks of a Swedish shop's orders up to `now`, with a DHL slowdown to Germany.
const NOW = new Date("2026-12-07T09:30:00Z"); // a Monday morning in Stockholm
const options: ScenarioOptions = { seed: 1, start: NOW, now: NOW, shopDomain: "kept-demo.myshopify.com", count: 0 };
const history = (now: Date = NOW) => buildScenario("history", { ...options, now }) ?? [];
const HISTORY = history();

type Body = { id: number; order_id?: number; fulfillment_id?: number; created_at?: string; happened_at?: string; status?: string };
const body = (delivery: Delivery) => delivery.payload as unknown as Body;
const of = (topic: string) => HISTORY.filter((delivery) => delivery.topic === topic);
const shopDate = (iso: string) => wallClockAt(Date.parse(iso), "Europe/Stockholm").date;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("the history scenario", () => {
  it("covers the ten weeks up to now with 15-40 orders a day, and sends nothing from the future", () => {
    const perDay = new Map<string, number>();
    for (const delivery of of("orders/create")) perDay.set(shopDate(body(delivery).created_at!), (perDay.get(shopDate(body(delivery).created_at!)) ?? 0) + 1);
    // Today is cut at now; every earlier day is whole
    const days = [...perDay.keys()].sort();
    expect(days).toHaveLength(70);
    expect(days.at(-1)).toBe("2026-12-07");
    for (const day of days.slice(0, -1)) expect(perDay.get(day)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(40);
    const times = HISTORY.map((delivery) => Date.parse(delivery.triggeredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(NOW.getTime() - Math.max(...times)).toBeLessThan(6 * 3_600_000);
  });

  it("sends every order's orders/create before anything else about it", () => {
    const created = new Map<number, number>();
    HISTORY.forEach((delivery, index) => {
      if (delivery.topic === "orders/create") created.set(body(delivery).id, index);
    });
    const fulfillmentOrder = new Map(of("fulfillments/create").map((delivery) => [body(delivery).id, body(delivery).order_id!]));
    HISTORY.forEach((delivery, index) => {
      if (delivery.topic === "orders/create") return;
      const orderId = delivery.topic.startsWith("orders/")
        ? body(delivery).id
        : (body(delivery).order_id ?? fulfillmentOrder.get(body(delivery).fulfillment_id!));
      expect(created.get(orderId!), `${delivery.topic} ${delivery.label}`).toBeLessThan(index);
    });
    expect(of("fulfillments/create").length).toBeGreaterThan(1400);
    expect(new Set(HISTORY.map((delivery) => delivery.webhookId)).size).toBe(HISTORY.length);
  });

  it("keeps its webhook ids and bodies across builds: the same now, later the same day, and the next day for the days both cover", () => {
    const ids = (deliveries: Delivery[]) => new Map(deliveries.map((delivery) => [delivery.webhookId, deliveryBody(delivery)]));
    const first = ids(HISTORY);
    expect(ids(history())).toEqual(first);
    // Later the same day: everything sent before is sent again, unchanged, and more follows
    const later = ids(history(new Date(NOW.getTime() + 8 * 3_600_000)));
    expect(later.size).toBeGreaterThan(first.size);
    for (const [id, text] of first) expect(later.get(id)).toBe(text);
    // The next day: the window moved by a day; what both cover is the same, but for the slowdown's edges
    const nextDay = ids(history(new Date(NOW.getTime() + 24 * 3_600_000)));
    const kept = [...first].filter(([id, text]) => nextDay.get(id) === text).length;
    expect(kept / first.size).toBeGreaterThan(0.97);
  });

  it("slows DHL to Germany by 2-3 days for parcels shipped in the slowdown, and not before or after it", () => {
    // GIVEN each German parcel's ship instant and its delivered scan
    const window = slowdownWindow(NOW);
    const shipped = new Map(of("fulfillments/create").map((delivery) => [body(delivery).id, delivery]));
    const transit = { inside: [] as number[], outside: [] as number[] };
    for (const scan of of("fulfillment_events/create").filter((delivery) => body(delivery).status === "delivered")) {
      const fulfillment = shipped.get(body(scan).fulfillment_id!)!;
      if (!fulfillment.payload || (fulfillment.payload as { destination?: { country_code?: string } }).destination?.country_code !== "DE") continue;
      const day = shopDate(body(fulfillment).created_at!);
      const days = (Date.parse(body(scan).happened_at!) - Date.parse(body(fulfillment).created_at!)) / 86_400_000;
      (day >= window.from && day < window.until ? transit.inside : transit.outside).push(days);
    }
    // THEN the slowed parcels took at least two days longer on average, and enough of them were delivered
    expect(transit.inside.length).toBeGreaterThan(40);
    expect(transit.outside.length).toBeGreaterThan(80);
    expect(mean(transit.inside) - mean(transit.outside)).toBeGreaterThan(2);
    expect(Math.max(...transit.outside)).toBeLessThan(7);
  });
});

describe("what Kept makes of the history (its own promise and outcome rules, the demo's settings)", () => {
  const judged = judgeDeliveries(HISTORY, NOW);

  it("puts the slowed lane below the 95% target over the Dashboard's last 30 days, the carrier's fault, and only that lane", () => {
    const { lanes, alerts } = lanesOfLast30Days(judged, NOW);
    expect(alerts.map((alert) => [alert.laneKey, alert.mainCause])).toEqual([["de-dhl", "carrier"]]);
    expect(alerts[0]!.due).toBeGreaterThanOrEqual(20);
    expect(alerts[0]!.rate).toBeLessThan(0.9);
    const home = lanes.find((lane) => lane.laneKey === "se-home")!.keptRate;
    expect(home.due).toBeGreaterThan(300);
    expect(home.rate).toBeGreaterThan(0.95);
    // Some of the Swedish late ones are the warehouse's (backorders shipped after their ship-by day)
    expect(home.lateByCause.warehouse + home.lateByCause.both).toBeGreaterThan(0);
  });

  it("leaves orders at risk now of every kind, some still on their way, and infers arrival for carriers that never scan delivered", () => {
    const risks = judged.filter(({ outcome }) => outcome.verdict === "open").map(({ outcome }) => outcome.risk);
    expect(new Set(risks)).toEqual(new Set(["not-shipped", "transit-overdue", "due-soon", null]));
    expect(risks.filter((risk) => risk === null).length).toBeGreaterThan(30);
    const spain = judged.filter(({ laneKey, outcome }) => laneKey === "es-correos" && outcome.verdict === "kept");
    expect(spain.length).toBeGreaterThan(20);
  });
});
