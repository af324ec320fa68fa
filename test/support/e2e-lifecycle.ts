import { afterAll, afterEach, expect } from "vitest";
import type { AppProcess } from "./app-process";
import type { AdminBrowser } from "./chromium";

type Parts = { browser?: AdminBrowser; app?: AppProcess; db?: { $disconnect(): Promise<void> }; adminApi?: { close(): Promise<void> } };

/**
 * The end of every Chromium test file: after each test, the browser must have seen no page or console error;
 * after the file, the browser, the database client, the app and the Admin API stand-in are closed, in that
 * order (those the file started: `parts` is read when the hooks run, after `beforeAll` filled them in).
 */
export function closeAfterBrowserTests(parts: () => Parts): void {
  afterEach(() => {
    const { browser } = parts();
    if (browser) expect(browser.problems, "errors in the browser").toEqual([]);
  });
  afterAll(async () => {
    const { browser, db, app, adminApi } = parts();
    await browser?.close();
    await db?.$disconnect();
    await app?.stop();
    await adminApi?.close();
  });
}
