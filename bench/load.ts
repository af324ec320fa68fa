// The benchmark's load generator: autocannon in this process, the same for the floor and for Kept.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/** One signed delivery, ready to send. */
export type Prepared = { body: string; headers: Record<string, string> };

/**
 * Sends every delivery once at `concurrency` over keep-alive connections with autocannon (a raw socket
 * client: it costs the shared two cores far less than node:http's client). Each request takes the next
 * prepared delivery, so every webhook id is sent exactly once; latency is measured per request.
 */
async function load(port: number, deliveries: Prepared[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: concurrency,
        amount: deliveries.length,
        timeout: 30,
        requests: [{ method: "POST", path: "/webhooks", setupRequest: (request) => ({ ...request, ...deliveries[next++] }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      lastResponse = performance.now();
      latencies.push(ms);
      if (status !== 200) failures += 1;
    });
  });
  // Up to the last response: autocannon reports "done" only at its next one-second tick.
  const seconds = (lastResponse - started) / 1000;
  failures += result.errors + result.timeouts + (deliveries.length - latencies.length);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { rate: latencies.length / seconds, p50: pct(50), p99: pct(99), failures, seconds, sent: next };
}

/** CPU time (user + system, all threads) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/**
 * Runs the load and reports, beside rate and latency, the CPU time the server processes (until `settle`,
 * e.g. the queue drained) and this generator used per delivery: a figure other load on the machine
 * disturbs far less than the rate.
 */
export async function measuredLoad(port: number, deliveries: Prepared[], concurrency: number, servers: (number | undefined)[], settle = async () => 0) {
  const before = servers.map(cpuMs);
  const generatorBefore = process.cpuUsage();
  const result = await load(port, deliveries, concurrency);
  const generator = process.cpuUsage(generatorBefore);
  const drainMs = await settle();
  const serverMs = servers.map((pid, index) => cpuMs(pid) - before[index]);
  return {
    ...result,
    drainMs,
    serverCpuMs: serverMs.map((ms) => ms / deliveries.length),
    generatorCpuMs: (generator.user + generator.system) / 1000 / deliveries.length,
  };
}
