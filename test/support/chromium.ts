import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { AppProcess } from "./app-process";

/** Debian's Chromium, headless and offline: no network of its own, a fresh profile (docs: /work/shared/docs/toolchain.md). */
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

export type AdminBrowser = { context: BrowserContext; page: Page; problems: string[]; close(): Promise<void> };

/**
 * Opens Chromium for the app at `appUrl`: anything outside the app (Shopify's CDN, fonts) is refused, and
 * page errors and the app's console errors are collected in `problems` for the test to assert empty.
 * Throws (no skip) when Chromium cannot start.
 */
export async function openAdminBrowser(appUrl: string): Promise<AdminBrowser> {
  const profileDir = mkdtempSync(path.join(tmpdir(), "kept-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, acceptDownloads: false,
  });
  const isExternal = (url: string) => /^https?:/.test(url) && !url.startsWith(appUrl);
  await context.route((url) => isExternal(url.toString()), (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" || isExternal(message.location().url)) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return {
    context, page, problems,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
