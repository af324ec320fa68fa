import type { AppProcess } from "./app-process";

/** Debian's Chromium, headless and offline (docs: /work/shared/docs/toolchain.md). */
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Waits until the app's worker has no pending jobs (GET /healthz), or fails with the app's output. */
export async function waitForIdle(app: AppProcess) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { pendingJobs: number };
    if (health.pendingJobs === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`worker did not drain the queue:\n${app.output()}`);
}
