import { describe, expect, it } from "vitest";
import { outsideReplayWindow, replayWindowOfHours } from "./replay-window";

const received = new Date("2026-12-07T12:00:00Z");
const window = replayWindowOfHours(48);
const hoursBefore = (hours: number) => new Date(received.getTime() - hours * 3_600_000);

describe("the replay window on X-Shopify-Triggered-At", () => {
  it("accepts Shopify's retries over 4 hours and a delivery a day late", () => {
    for (const hours of [0, 0.5, 4, 24, 47.9]) expect(outsideReplayWindow(hoursBefore(hours), received, window)).toBeNull();
  });

  it("refuses a delivery triggered before the window, saying how long before it arrived", () => {
    expect(outsideReplayWindow(hoursBefore(49), received, window)).toBe(
      "triggered 49 hours before it arrived, outside the 48-hour replay window (a replay, not Shopify's retry); nothing applied",
    );
  });

  it("tolerates 15 minutes of clock skew ahead, not more", () => {
    expect(outsideReplayWindow(hoursBefore(-0.25), received, window)).toBeNull();
    expect(outsideReplayWindow(hoursBefore(-1), received, window)).toContain("60 minutes ahead of this server's clock (at most 15 minutes allowed)");
  });

  it("refuses a delivery without the header while a window is set", () => {
    expect(outsideReplayWindow(null, received, window)).toContain("no valid X-Shopify-Triggered-At header");
  });

  it("is off at 0 hours", () => {
    expect(replayWindowOfHours(0)).toBeNull();
    expect(outsideReplayWindow(hoursBefore(24 * 90), received, replayWindowOfHours(0))).toBeNull();
    expect(outsideReplayWindow(null, received, null)).toBeNull();
  });
});
