import { countPendingJobs } from "~/models/jobs/job.server";

// Liveness and queue depth, for the demo launcher, the benchmark and monitoring.
export async function loader() {
  const pending = await countPendingJobs();
  return Response.json({ ok: true, pendingJobs: pending });
}
