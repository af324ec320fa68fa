// Local shop simulator: sends a named scenario's webhooks, signed like Shopify, to a running Kept.
// Usage: npx tsx scripts/simulate.ts <scenario> [--url ..] [--shop ..] [--secret ..] [--start ISO] [--now ISO]
//        [--seed N] [--count N] [--concurrency N] [--summary] [--dry-run]      (see docs/simulator.md)
// --now is the present for scenarios relative to it (history; default: the real time). --summary prints one
// line per simulated day (UTC) instead of one per delivery; failures and unexpected answers are printed anyway.
import { parseArgs } from "node:util";
import { buildScenario, listScenarios, type Delivery } from "./simulator/scenarios";
import { DEMO_WEEK_START } from "./simulator/scenario-demo";
import { deliveryBody, deliveryHeaders, isExpectedStatus, sendDelivery, type SendOptions } from "./simulator/send";
import { errorText } from "../app/domain/errors/error-text";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    shop: { type: "string", default: "kept-demo.myshopify.com" },
    secret: { type: "string" },
    start: { type: "string", default: DEMO_WEEK_START },
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "100" },
    now: { type: "string" },
    concurrency: { type: "string", default: "1" },
    summary: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const scenarioList = listScenarios()
  .map((s) => `  ${s.name.padEnd(13)} ${s.description}`)
  .join("\n");
const name = positionals[0];
if (!name) fail(`usage: simulate.ts <scenario> [flags]\nscenarios:\n${scenarioList}`, 2);

const start = new Date(values.start);
const now = values.now ? new Date(values.now) : new Date();
const [seed, count, concurrency] = [Number(values.seed), Number(values.count), Number(values.concurrency)];
if (Number.isNaN(start.getTime())) fail(`--start is not an ISO date: ${values.start}`, 2);
if (Number.isNaN(now.getTime())) fail(`--now is not an ISO date: ${values.now}`, 2);
if (![seed, count, concurrency].every(Number.isInteger) || concurrency < 1 || count < 0)
  fail("--seed, --count and --concurrency must be integers (concurrency >= 1)", 2);

const deliveries = buildScenario(name, { seed, start, now, shopDomain: values.shop, count });
if (!deliveries) fail(`unknown scenario "${name}"; scenarios:\n${scenarioList}`, 2);

const options: SendOptions = { shopDomain: values.shop, secret: values.secret ?? process.env.SHOPIFY_API_SECRET ?? "kept-demo-secret" };

if (values["dry-run"]) {
  for (const delivery of deliveries) {
    const body = deliveryBody(delivery);
    const { payload: _payload, ...meta } = delivery;
    process.stdout.write(`${JSON.stringify({ ...meta, headers: deliveryHeaders(delivery, body, options), body })}\n`);
  }
  process.exit(0);
}

const tally = { sent: 0, ok: 0, client: 0, server: 0, unexpected: 0 };

async function deliver(delivery: Delivery) {
  let status = 0;
  try {
    status = (await sendDelivery(values.url, delivery, options)).status;
  } catch (error: unknown) {
    console.log(`ERR ${delivery.topic} ${delivery.label} ${delivery.webhookId}: ${errorText(error)}`);
  }
  tally.sent += 1;
  if (status >= 200 && status < 300) tally.ok += 1;
  else if (status >= 400 && status < 500) tally.client += 1;
  else if (status >= 500) tally.server += 1;
  const isExpected = isExpectedStatus(delivery, status);
  if (!isExpected) tally.unexpected += 1;
  if (status && (!values.summary || !isExpected)) {
    console.log(`${status} ${delivery.topic} ${delivery.label} ${delivery.webhookId}${isExpected ? "" : "  << unexpected"}`);
  }
}

async function deliverAll(batch: Delivery[]) {
  if (concurrency === 1) {
    for (const delivery of batch) {
      if (delivery.delayMsAfterPrevious) await new Promise((resolve) => setTimeout(resolve, delivery.delayMsAfterPrevious));
      await deliver(delivery);
    }
    return;
  }
  // Concurrent sends ignore per-delivery delays: arrival order is then up to the network, as with Shopify.
  let next = 0;
  const worker = async () => {
    while (next < batch.length) await deliver(batch[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

if (values.summary) {
  // Day by day (each day's deliveries finish before the next day's start), one line each.
  const days = new Map<string, Delivery[]>();
  for (const delivery of deliveries) {
    const day = delivery.triggeredAt.slice(0, 10);
    const batch = days.get(day) ?? [];
    batch.push(delivery);
    days.set(day, batch);
  }
  for (const [day, batch] of days) {
    const before = { ...tally };
    await deliverAll(batch);
    const [sent, ok] = [tally.sent - before.sent, tally.ok - before.ok];
    console.log(`${day}  ${String(sent).padStart(4)} deliveries, 2xx ${ok}${sent > ok ? `, other ${sent - ok}` : ""}`);
  }
} else {
  await deliverAll(deliveries);
}

console.log(`sent ${tally.sent}, 2xx ${tally.ok}, 4xx ${tally.client}, 5xx ${tally.server}${tally.unexpected ? `, unexpected ${tally.unexpected}` : ""}`);
process.exit(tally.unexpected > 0 ? 1 : 0);
