import { Worker, parentPort, threadId } from "node:worker_threads";
import { closeWorkerDb } from "~/models/db/sqlite.server";
import { getEnv } from "~/utils/env.server";
import { startWorker } from "./all-jobs.server";

// The outbox worker on a worker thread of the web process: the hot path is synchronous SQLite work,
// which on the HTTP thread would delay every acknowledgement behind it. The thread has its own event
// loop, its own SQLite connections (the same better-sqlite3 library, loaded once per process) and its
// own Prisma client for the other job types.

const STOP_MESSAGE = "stop";
const RESTART_AFTER_MS = 1_000;
const STOP_TIMEOUT_MS = 15_000;

export type WorkerThread = { stop(): Promise<void> };

/**
 * The worker thread's old-space limit. Its live heap is about 30 MB (a heap snapshot after 200,000
 * deliveries), but under a flood V8 let the thread's heap grow to some 300 MB and kept it after the backlog
 * drained (bench:webhooks' memory soak); a limit makes it collect instead. Reaching it would end the thread,
 * which is started again and whose jobs are claimed again after their lease.
 */
const WORKER_OLD_SPACE_MB = 160;

/**
 * Starts the worker thread from `entry` (a module that calls `runWorkerThread`), and starts it again if it
 * dies. `stop` lets it finish its current batch, then waits for it to exit (terminating it after 15 s).
 */
export function startWorkerThread(entry: URL): WorkerThread {
  let stopping = false;
  let thread: Worker;
  let exited: Promise<void>;
  const spawn = () => {
    thread = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB } });
    thread.on("error", (error) => console.error("[worker] thread failed", error));
    exited = new Promise((resolve) =>
      thread.once("exit", (code) => {
        resolve();
        if (stopping) return;
        console.error(`[worker] thread exited with ${code}; starting it again in ${RESTART_AFTER_MS} ms`);
        setTimeout(() => !stopping && spawn(), RESTART_AFTER_MS).unref();
      }),
    );
  };
  spawn();
  return {
    async stop() {
      stopping = true;
      const timer = setTimeout(() => void thread.terminate(), STOP_TIMEOUT_MS);
      thread.postMessage(STOP_MESSAGE);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The thread's side: runs the worker loop until the web process asks it to stop. */
export function runWorkerThread() {
  const port = parentPort;
  if (!port) throw new Error("runWorkerThread must run on a worker thread");
  const env = getEnv();
  const worker = startWorker({ pollMs: env.WORKER_POLL_MS });
  console.log(`[worker] started on worker thread ${threadId} (poll ${env.WORKER_POLL_MS} ms)`);
  port.on("message", (message) => {
    if (message !== STOP_MESSAGE) return;
    void worker.stop().then(() => {
      closeWorkerDb();
      console.log(`[worker] thread ${threadId} stopped after its current batch`);
      port.close();
    });
  });
}
