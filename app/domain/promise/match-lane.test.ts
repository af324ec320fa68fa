import { describe, expect, it } from "vitest";
import { matchLane, matchesMethod } from "./match-lane";
import type { Lane } from "./promise-config";

const lane = (id: string, destination: Lane["destination"], method: Lane["method"] = { handle: "standard" }): Lane => ({
  id,
  label: id,
  method,
  destination,
  transitDays: { min: 1, max: 2 },
});

const lanes: Lane[] = [
  lane("world", { country: "*" }),
  lane("de", { country: "DE" }),
  lane("de-by", { country: "DE", region: "BY" }),
  lane("de-80", { country: "DE", postalPrefix: "80" }),
  lane("de-803", { country: "DE", postalPrefix: "803" }),
  lane("se-first", { country: "SE" }),
  lane("se-second", { country: "SE" }),
  lane("se-express", { country: "SE" }, { handle: "express" }),
];

describe("matchLane", () => {
  it.each([
    [
      "longest postal prefix beats shorter prefix, region and country",
      { countryCode: "DE", provinceCode: "BY", postalCode: "80331" },
      "de-803",
      "postal-prefix",
    ],
    ["postal prefix beats region", { countryCode: "DE", provinceCode: "BY", postalCode: "80999" }, "de-80", "postal-prefix"],
    ["region beats country", { countryCode: "DE", provinceCode: "BY", postalCode: "90402" }, "de-by", "region"],
    ["ISO 3166-2 region code is accepted", { countryCode: "DE", provinceCode: "DE-BY", postalCode: "90402" }, "de-by", "region"],
    ["country when region and postal do not match", { countryCode: "DE", provinceCode: "BE", postalCode: "10115" }, "de", "country"],
    ["postal code with spaces and lower-case country", { countryCode: "de", postalCode: "803 31" }, "de-803", "postal-prefix"],
    ["rest of world", { countryCode: "JP" }, "world", "rest-of-world"],
    ["ties go to the earlier lane", { countryCode: "SE", postalCode: "11122" }, "se-first", "country"],
  ])("%s", (_case, destination, id, matchedBy) => {
    expect(matchLane(lanes, { handle: "standard" }, destination)).toMatchObject({ lane: { id }, matchedBy });
  });

  it("only considers lanes for the chosen method", () => {
    expect(matchLane(lanes, { handle: "express" }, { countryCode: "SE" })?.lane.id).toBe("se-express");
    expect(matchLane(lanes, { handle: "express" }, { countryCode: "DE" })).toBeNull();
  });

  it("returns null when nothing matches", () => {
    expect(matchLane(lanes.slice(1), { handle: "standard" }, { countryCode: "JP" })).toBeNull();
  });
});

describe("matchesMethod", () => {
  it.each([
    [{ handle: "standard" }, { handle: "standard" }, true],
    [{ handle: "standard" }, { handle: "Standard" }, false],
    [{ titlePattern: "postnord" }, { title: "PostNord MyPack Home" }, true],
    [{ titlePattern: "postnord*home" }, { title: "PostNord MyPack Home" }, true],
    [{ titlePattern: "postnord*home" }, { title: "PostNord MyPack Home Small" }, false],
    [{ titlePattern: "*express*" }, { title: "DHL Express Worldwide" }, true],
    [{ titlePattern: "dhl*" }, { title: "UPS via DHL" }, false],
    [{ titlePattern: "a*a" }, { title: "a" }, false],
    [{ titlePattern: "*" }, { title: "" }, true],
    [{ handle: "standard", titlePattern: "dhl" }, { handle: "other", title: "DHL Paket" }, true],
    [{ titlePattern: "dhl" }, { handle: "dhl" }, false],
  ])("%o accepts %o: %s", (method, shippingMethod, expected) => {
    expect(matchesMethod(lane("x", { country: "*" }, method), shippingMethod)).toBe(expected);
  });
});
