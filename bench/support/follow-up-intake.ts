import { receiveWebhook } from "../../app/services/intake/receive-webhook.server";
import { drainJobs } from "../../app/services/jobs/all-jobs.server";
import { webhookRequest } from "../../test/support/webhooks";
import { orderEvents } from "./follow-up-orders";

// bench:followups' intake phase, in this process: signed deliveries through the webhook intake, then the
// worker's processing of them (drainJobs), each timed with process.cpuUsage. The shop without rules and the
// shop with them take turns block by block (which goes first alternates), so both see the same warm-up, the
// same database size and the same neighbours' load on the shared cores. The first block of each is warm-up
// (the JIT, the statement caches) and is not counted.

export type ShopCpu = { deliveries: number; intakeMs: number; workerMs: number; refused: number };

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** `orders` orders for each shop, `block` at a time, each order's three events one stage after the other. */
export async function runIntake(options: { shops: string[]; orders: number; block: number; secret: string; now: Date }): Promise<Map<string, ShopCpu>> {
  const figures = new Map(options.shops.map((shop) => [shop, { deliveries: 0, intakeMs: 0, workerMs: 0, refused: 0 }]));
  const config = { secret: options.secret, maxBytes: 1 << 20 };
  for (let start = 0, turn = 0; start < options.orders; start += options.block, turn += 1) {
    const count = Math.min(options.block, options.orders - start);
    const shops = turn % 2 === 0 ? options.shops : [...options.shops].reverse();
    for (const shop of shops) {
      const figure = figures.get(shop) as ShopCpu;
      const events = Array.from({ length: count }, (_, offset) => orderEvents(shop, start + offset, options.now));
      for (let stage = 0; stage < 3; stage += 1) {
        // Signed requests are made before the clock starts: the generator's cost is not the intake's.
        const requests = events.map((event) =>
          webhookRequest(event[stage].topic, event[stage].payload, { shop, webhookId: event[stage].webhookId, secret: options.secret }),
        );
        const intakeStart = process.cpuUsage();
        for (const request of requests) if ((await receiveWebhook(request, config)).status !== 200) figure.refused += 1;
        const intakeMs = cpuMs(intakeStart);
        const workerStart = process.cpuUsage();
        await drainJobs();
        const workerMs = cpuMs(workerStart);
        if (turn === 0) continue;
        figure.intakeMs += intakeMs;
        figure.workerMs += workerMs;
        figure.deliveries += requests.length;
      }
    }
  }
  return figures;
}
