// A stand-in worker-thread entry for the supervisor test: the first run dies (exit code 1), later runs
// wait for the stop message. Each event is appended to the file named by THREAD_LOG.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const log = process.env.THREAD_LOG;
const run =
  (existsSync(log)
    ? readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("start")).length
    : 0) + 1;
appendFileSync(log, `start ${run}\n`);
if (run === 1) process.exit(1);
parentPort.on("message", (message) => {
  appendFileSync(log, `message ${message}\n`);
  parentPort.close();
});
