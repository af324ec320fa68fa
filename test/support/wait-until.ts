import { vi } from "vitest";

/**
 * Resolves as soon as `check` holds, polling every `intervalMs`; fails after `timeoutMs` saying what it waited
 * for. Tests wait for a condition this way, never for a fixed time.
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, { timeoutMs = 30_000, intervalMs = 50 } = {}): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}
