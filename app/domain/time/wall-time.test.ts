import { describe, expect, it } from "vitest";
import { fromWallTime, toWallTime } from "./wall-time";

describe("schedules entered in the shop's time zone", () => {
  it.each([
    ["2026-12-01T09:00", "Europe/Stockholm", "2026-12-01T08:00:00.000Z"],
    ["2026-07-01T09:00", "Europe/Stockholm", "2026-07-01T07:00:00.000Z"],
    ["2026-12-01T09:00", "America/New_York", "2026-12-01T14:00:00.000Z"],
    ["2026-12-01T09:00", "Asia/Kolkata", "2026-12-01T03:30:00.000Z"],
    ["2026-12-01T09:00", "UTC", "2026-12-01T09:00:00.000Z"],
    ["2026-12-31T23:30", "Pacific/Auckland", "2026-12-31T10:30:00.000Z"],
  ])("%s in %s is the instant %s, and reads back the same", (wall, zone, instant) => {
    expect(fromWallTime(wall, zone)).toBe(instant);
    expect(toWallTime(instant, zone)).toBe(wall);
  });

  it("takes the first of the two 02:30s when clocks go back (Stockholm, 2026-10-25)", () => {
    expect(fromWallTime("2026-10-25T02:30", "Europe/Stockholm")).toBe("2026-10-25T00:30:00.000Z");
    expect(toWallTime("2026-10-25T01:30:00Z", "Europe/Stockholm")).toBe("2026-10-25T02:30"); // the second one
  });

  it("moves a time that does not exist forward by the jump (Stockholm, 2026-03-29 02:30)", () => {
    expect(fromWallTime("2026-03-29T02:30", "Europe/Stockholm")).toBe("2026-03-29T01:30:00.000Z");
    expect(toWallTime("2026-03-29T01:30:00.000Z", "Europe/Stockholm")).toBe("2026-03-29T03:30");
  });

  it("refuses what is not a wall time, not a date, or not a zone", () => {
    expect(fromWallTime("2026-02-30T09:00", "UTC")).toBeNull();
    expect(fromWallTime("2026-12-01 09:00", "UTC")).toBeNull();
    expect(fromWallTime("2026-12-01T09:00", "Mars/Olympus")).toBeNull();
    expect(toWallTime("yesterday", "UTC")).toBeNull();
    expect(toWallTime("2026-12-01T09:00:00Z", "Mars/Olympus")).toBeNull();
  });
});
