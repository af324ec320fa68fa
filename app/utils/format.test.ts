import { describe, expect, it } from "vitest";
import { formatInZone } from "./format";

describe("dates in the shop's zone", () => {
  it("shows the wall clock of the zone, across a daylight-saving change", () => {
    expect(formatInZone(new Date("2026-10-24T23:30:00Z"), "Europe/Stockholm")).toBe("Sun 25 Oct 2026, 01:30");
    expect(formatInZone(new Date("2026-10-25T23:30:00Z"), "Europe/Stockholm")).toBe("Mon 26 Oct 2026, 00:30");
    expect(formatInZone("2026-11-26T10:00:00Z", "America/New_York")).toBe("Thu 26 Nov 2026, 05:00");
    expect(formatInZone(null, "UTC")).toBe("—");
  });
});
