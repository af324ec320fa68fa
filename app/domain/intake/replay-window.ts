/**
 * The replay window on `X-Shopify-Triggered-At`. Shopify retries a failed delivery 8 times over 4 hours
 * with the original trigger time, and rarely delivers up to a day late; a delivery triggered longer ago
 * than the window (48 hours by default), or later than a few minutes ahead of this server's clock, is
 * not Shopify's and is refused. The header is not covered by the HMAC, so the window stops a captured
 * delivery sent again as it was, the usual replay; one whose headers were rewritten is still caught by
 * the dedupe on `X-Shopify-Webhook-Id` and by the handlers ignoring anything older than what is stored.
 */
export type ReplayWindow = { behindMs: number; aheadMs: number };

/** Clock skew tolerated between Shopify and this server. */
const REPLAY_AHEAD_MS = 15 * 60_000;

/** Shopify's own retries span 4 hours: a shorter window would refuse them. */
export const MIN_REPLAY_WINDOW_HOURS = 5;

export function replayWindowOfHours(hours: number): ReplayWindow | null {
  return hours > 0 ? { behindMs: hours * 3_600_000, aheadMs: REPLAY_AHEAD_MS } : null;
}

/** Why a delivery falls outside the window, or null when it is inside (or no window is set). */
export function outsideReplayWindow(triggeredAt: Date | null, receivedAt: Date, window: ReplayWindow | null): string | null {
  if (!window) return null;
  if (!triggeredAt) return "no valid X-Shopify-Triggered-At header (Shopify sends it with every delivery); nothing applied";
  const age = receivedAt.getTime() - triggeredAt.getTime();
  if (age > window.behindMs) {
    return `triggered ${formatHours(age)} before it arrived, outside the ${Math.floor(window.behindMs / 3_600_000)}-hour replay window (a replay, not Shopify's retry); nothing applied`;
  }
  if (-age > window.aheadMs) {
    return `triggered ${formatMinutes(-age)} ahead of this server's clock (at most ${formatMinutes(window.aheadMs)} allowed); nothing applied`;
  }
  return null;
}

const formatHours = (ms: number) => `${Math.floor(ms / 3_600_000)} hours`;
const formatMinutes = (ms: number) => `${Math.floor(ms / 60_000)} minutes`;
