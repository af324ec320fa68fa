import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium with the flags this machine needs (see test/e2e/admin.e2e.test.ts). */
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** A fresh Chromium profile; close() also removes it. Throws (never skips) when Chromium cannot start. */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}) {
  const profileDir = mkdtempSync(path.join(tmpdir(), "kept-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, viewport: options.viewport ?? { width: 1000, height: 900 }, acceptDownloads: false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page), with their MediaBox in points. */
export function readPdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return pages.map((match) => ({ width: Number(match[3]) - Number(match[1]), height: Number(match[4]) - Number(match[2]) }));
}
