import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, headless and offline: no network of its own, a fresh profile (docs: /work/shared/docs/toolchain.md). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh Chromium profile; close() also removes it. Throws (never skips) when Chromium cannot start. */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}) {
  const profileDir = mkdtempSync(path.join(tmpdir(), "kept-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1000, height: 900 },
    acceptDownloads: false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export type AdminBrowser = { context: BrowserContext; page: Page; problems: string[]; close(): Promise<void> };

/**
 * Opens Chromium for the app at `appUrl`: anything outside the app (Shopify's CDN, fonts) is refused, and
 * page errors and the app's console errors are collected in `problems` for the test to assert empty.
 */
export async function openAdminBrowser(appUrl: string): Promise<AdminBrowser> {
  const { context, close } = await launchChromium({ viewport: { width: 1280, height: 900 } });
  const isExternal = (url: string) => /^https?:/.test(url) && !url.startsWith(appUrl);
  await context.route(
    (url) => isExternal(url.toString()),
    (route) => route.abort(),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" || isExternal(message.location().url)) return;
    problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return { context, page, problems, close };
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page), with their MediaBox in points. */
export function readPdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return pages.map((match) => ({ width: Number(match[3]) - Number(match[1]), height: Number(match[4]) - Number(match[2]) }));
}
