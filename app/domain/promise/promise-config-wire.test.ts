import { describe, expect, it } from "vitest";
import { isPromiseConfig, type PromiseConfig } from "./promise-config";
import { packPromiseConfig, readPromiseConfig } from "./promise-config-wire";

const config: PromiseConfig = {
  version: 1,
  timeZone: "Europe/Stockholm",
  cutoffs: { mon: "14:00", fri: "24:00" },
  processingDays: { min: 0, max: 2 },
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  closedDates: ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2026-06-19"],
  carrier: { deliveryDays: ["mon", "tue", "wed", "thu", "fri", "sat"], closedDates: ["2026-12-25"] },
  lanes: [
    { id: "se-north", label: "se-north", method: { handle: "standard" }, destination: { country: "SE", postalPrefix: "9" }, transitDays: { min: 2, max: 4 } },
    { id: "by", label: "by", method: { titlePattern: "*express*" }, destination: { country: "DE", region: "BY" }, transitDays: { min: 1, max: 2 } },
    {
      id: "both",
      label: "both",
      method: { handle: "dhl", titlePattern: "dhl" },
      destination: { country: "US", region: "CA", postalPrefix: "94" },
      transitDays: { min: 3, max: 5 },
    },
    { id: "world", label: "world", method: { handle: "standard" }, destination: { country: "*" }, transitDays: { min: 6, max: 12 } },
  ],
  paddingDays: 1,
  shopifyDates: false,
  shopifyTimeZone: "Europe/Stockholm",
  checkoutSurface: "option",
};

describe("the packed metafield form of the config", () => {
  it("round-trips (dates come back sorted and unique; labels become ids)", () => {
    const packed = packPromiseConfig(config);
    expect(packed.closed).toEqual(["2026-06-19", "2026-12-24/2026-12-26", "2026-12-31/2027-01-01"]);
    expect(packed.lanes[2]).toEqual(["both", "dhl", "dhl", "US-CA:94", 3, 5]);
    expect(packed.cs).toBe("option");
    const read = readPromiseConfig(JSON.stringify(packed));
    expect(read).toEqual({ ...config, closedDates: [...config.closedDates].sort() });
    expect(isPromiseConfig(read)).toBe(true);
  });

  it("carries a lane's own padding as a seventh entry, and reads lanes written before it with six", () => {
    const tuned: PromiseConfig = { ...config, lanes: config.lanes.map((lane) => (lane.id === "se-north" ? { ...lane, paddingDays: 2 } : lane)) };
    const packed = packPromiseConfig(tuned);
    expect(packed.lanes[0]).toEqual(["se-north", "standard", null, "SE:9", 2, 4, 2]);
    expect(packed.lanes[1]).toHaveLength(6);
    expect(readPromiseConfig(JSON.stringify(packed))?.lanes.map((lane) => lane.paddingDays)).toEqual([2, undefined, undefined, undefined]);
    const broken = { ...packed, lanes: [["se-north", "standard", null, "SE:9", 2, 4, -1]] };
    expect(readPromiseConfig(JSON.stringify(broken))).toBeNull();
  });

  it("carries the horizon (validUntil) as `vu`, and reads a metafield written before it without one", () => {
    const packed = packPromiseConfig({ ...config, validUntil: "2027-03-30" });
    expect(packed.vu).toBe("2027-03-30");
    expect(readPromiseConfig(JSON.stringify(packed))?.validUntil).toBe("2027-03-30");
    const older = readPromiseConfig(JSON.stringify(packPromiseConfig(config)));
    expect(older).not.toBeNull();
    expect(older && "validUntil" in older).toBe(false);
  });

  it("still reads a plain version-1 config, as a string or parsed (jsonValue)", () => {
    expect(readPromiseConfig(JSON.stringify(config))).toEqual(config);
    expect(readPromiseConfig(config)).toEqual(config);
  });

  it("reads a packed config written before the checkout surface was published without one (the title is then in charge)", () => {
    const { cs: _surface, ...older } = packPromiseConfig(config);
    const read = readPromiseConfig(JSON.stringify(older));
    expect(read).not.toBeNull();
    expect(read && "checkoutSurface" in read).toBe(false);
  });

  it.each([
    ["nothing", undefined],
    ["null", null],
    ["not JSON", "{oops"],
    ["an unknown version", JSON.stringify({ ...packPromiseConfig(config), v: 3 })],
    ["a backwards range", JSON.stringify({ ...packPromiseConfig(config), closed: ["2026-12-26/2026-12-24"] })],
    ["a range longer than a year", JSON.stringify({ ...packPromiseConfig(config), closed: ["2026-01-01/2028-01-01"] })],
    ["a non-date", JSON.stringify({ ...packPromiseConfig(config), closed: ["2026-02-30"] })],
    ["a short lane tuple", JSON.stringify({ ...packPromiseConfig(config), lanes: [["x", "standard", null, "SE", 1]] })],
    ["a lane with min > max", JSON.stringify({ ...packPromiseConfig(config), lanes: [["x", "standard", null, "SE", 3, 1]] })],
    ["a lane without a method", JSON.stringify({ ...packPromiseConfig(config), lanes: [["x", null, null, "SE", 1, 2]] })],
    ["a bad cut-off", JSON.stringify({ ...packPromiseConfig(config), cut: { mon: "25:00" } })],
    ["an unknown checkout surface", JSON.stringify({ ...packPromiseConfig(config), cs: "both" })],
    ["a horizon that is not a date", JSON.stringify({ ...packPromiseConfig(config), vu: "2027-02-30" })],
    ["a version-1 config with a broken field", JSON.stringify({ ...config, paddingDays: -1 })],
  ])("reads %s as no config", (_name, value) => {
    expect(readPromiseConfig(value)).toBeNull();
  });
});
