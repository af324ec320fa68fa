import { describe, expect, it } from "vitest";
import { wallClockAt } from "./civil-date";
import { instantAtWallClock } from "./wall-clock-instant";

describe("instantAtWallClock", () => {
  it.each([
    ["winter in Stockholm (+01:00)", "2026-11-24", 600, "Europe/Stockholm", "2026-11-24T09:00:00.000Z"],
    ["summer in Stockholm (+02:00)", "2026-06-18", 720, "Europe/Stockholm", "2026-06-18T10:00:00.000Z"],
    ["the day DST starts, after the jump", "2026-03-29", 600, "Europe/Stockholm", "2026-03-29T08:00:00.000Z"],
    ["the day DST ends, after the fall-back", "2026-10-25", 600, "Europe/Stockholm", "2026-10-25T09:00:00.000Z"],
    ["Los Angeles (-08:00)", "2026-12-01", 1439, "America/Los_Angeles", "2026-12-02T07:59:00.000Z"],
    ["Auckland across the date line (+13:00)", "2026-12-01", 0, "Pacific/Auckland", "2026-11-30T11:00:00.000Z"],
    ["UTC", "2026-02-28", 30, "UTC", "2026-02-28T00:30:00.000Z"],
  ])("%s", (_name, date, minute, zone, expected) => {
    expect(new Date(instantAtWallClock(date, minute, zone)).toISOString()).toBe(expected);
  });

  it("reads back the same wall clock for every minute of a DST day that exists", () => {
    for (let minute = 0; minute < 1440; minute += 7) {
      const instant = instantAtWallClock("2026-10-25", minute, "Europe/Stockholm");
      expect(wallClockAt(instant, "Europe/Stockholm")).toEqual({ date: "2026-10-25", minuteOfDay: minute });
    }
  });

  it("moves a skipped wall time (02:30 on the spring-forward night) to one that exists, not earlier", () => {
    const instant = instantAtWallClock("2026-03-29", 150, "Europe/Stockholm");
    expect(wallClockAt(instant, "Europe/Stockholm")).toEqual({ date: "2026-03-29", minuteOfDay: 210 });
  });
});
