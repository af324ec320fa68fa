// `npm run worker`: the outbox worker alone, for deployments that run it beside the web process
// (start the web process with WORKER_IN_PROCESS=0 then).
import { prepareSqlite } from "~/models/db/prisma.server";
import { startWorker } from "~/services/jobs/all-jobs.server";
import { getEnv } from "~/utils/env.server";

const env = getEnv();
await prepareSqlite();
const worker = startWorker({ pollMs: env.WORKER_POLL_MS });
console.log(`[worker] started (poll ${env.WORKER_POLL_MS} ms)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`[worker] ${signal}: finishing the current batch`);
    void worker.stop().then(() => process.exit(0));
  });
}
