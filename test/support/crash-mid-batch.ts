// A worker that dies mid-batch: it claims the due jobs (lease LEASE_MS), then the real hot path applies
// them until the first job is marked done inside the batch transaction, where a temporary trigger on this
// connection kills the process (SIGKILL) before the commit. Run with `node --import tsx` and DATABASE_URL.
import { claimJobs } from "~/models/jobs/job.server";
import { getWorkerDb } from "~/models/db/sqlite.server";
import { processWebhookJobs } from "~/services/intake/process-webhook-batch.server";

const db = getWorkerDb();
const jobs = claimJobs(db, 100, Number(process.env.LEASE_MS ?? 60_000));
process.stdout.write(`claimed ${jobs.length}\n`);
db.connection.function("die_now", () => process.kill(process.pid, "SIGKILL"));
db.connection.exec(`
  CREATE TEMP TRIGGER "die_at_first_completion" AFTER UPDATE OF "status" ON "Job" WHEN NEW."status" = 'done'
  BEGIN SELECT die_now(); END`);
processWebhookJobs(db, jobs);
process.stdout.write("committed (the crash did not happen)\n");
