import { describe, expect, it } from "vitest";
import { intoSendWindow } from "./send-window";

const window = { startMinute: 9 * 60, endMinute: 20 * 60 };
const at = (iso: string) => new Date(iso);

describe("the send window, on the customer's clock", () => {
  it("keeps an instant inside the window, and moves one in quiet hours to the next opening", () => {
    // 10:00 in Stockholm (UTC+1 in winter)
    expect(intoSendWindow(at("2026-12-01T09:00:00Z"), "Europe/Stockholm", window).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    // 06:00 local: to 09:00 the same day
    expect(intoSendWindow(at("2026-12-01T05:00:00Z"), "Europe/Stockholm", window).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    // 20:00 local exactly is outside [09:00, 20:00): to 09:00 the next day
    expect(intoSendWindow(at("2026-12-01T19:00:00Z"), "Europe/Stockholm", window).toISOString()).toBe("2026-12-02T08:00:00.000Z");
  });

  it("reads 09:00 on the day's own clock across daylight-saving changes", () => {
    // Clocks go back in Berlin on 25 Oct 2026: 23:00 local on the 24th (UTC+2) waits until 09:00 on the 25th (UTC+1)
    expect(intoSendWindow(at("2026-10-24T21:00:00Z"), "Europe/Berlin", window).toISOString()).toBe("2026-10-25T08:00:00.000Z");
    // Clocks go forward in New York on 8 Mar 2026: 02:30 never happens; 03:00 local (UTC-4) waits until 09:00 EDT
    expect(intoSendWindow(at("2026-03-08T07:00:00Z"), "America/New_York", window).toISOString()).toBe("2026-03-08T13:00:00.000Z");
  });

  it("runs across midnight when the window ends before it starts, and is always open when both ends meet", () => {
    const night = { startMinute: 21 * 60, endMinute: 2 * 60 };
    expect(intoSendWindow(at("2026-12-01T00:30:00Z"), "UTC", night).toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(intoSendWindow(at("2026-12-01T12:00:00Z"), "UTC", night).toISOString()).toBe("2026-12-01T21:00:00.000Z");
    expect(intoSendWindow(at("2026-12-01T03:00:00Z"), "UTC", { startMinute: 0, endMinute: 0 }).toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });
});
