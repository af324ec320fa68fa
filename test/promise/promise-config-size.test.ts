import { describe, expect, it } from "vitest";
import { packPromiseConfig, readPromiseConfig } from "~/domain/promise/promise-config-wire";
import { promiseSettingsSchema, toPromiseConfig } from "~/schemas/promise/promise-settings";
import { expandClosedDatesForSettings } from "~/services/promise/expand-closed-dates.server";
import { FUNCTION_METAFIELD_LIMIT_BYTES } from "~/services/promise/sync-promise-config.server";
import { largePromiseSettings } from "../../bench/support/large-promise-settings";

function sizes(extraLanes: number) {
  const settings = promiseSettingsSchema.parse(largePromiseSettings(extraLanes));
  const config = {
    ...toPromiseConfig(settings, expandClosedDatesForSettings(settings, "2026-11-23")),
    shopifyDates: false,
    shopifyTimeZone: "Europe/Stockholm",
    checkoutSurface: "option" as const,
  };
  const packed = JSON.stringify(packPromiseConfig(config));
  return { config, packed, plainBytes: Buffer.byteLength(JSON.stringify(config)), packedBytes: Buffer.byteLength(packed) };
}

describe("the config metafield stays readable by the Function (10,000 bytes)", () => {
  it("packs a 90-lane shop with 120 days of holidays and closures well under the limit (plain JSON would not fit)", () => {
    const { config, packed, plainBytes, packedBytes } = sizes(0);
    expect(config.lanes).toHaveLength(90);
    expect(config.closedDates).toEqual(expect.arrayContaining(["2026-12-24", "2026-12-28", "2027-01-06"]));
    expect(plainBytes).toBeGreaterThan(FUNCTION_METAFIELD_LIMIT_BYTES);
    expect(packedBytes).toBeLessThan(FUNCTION_METAFIELD_LIMIT_BYTES / 2);
    // and nothing the engine needs is lost (labels are not stored)
    const read = readPromiseConfig(packed);
    expect(read).toEqual({ ...config, lanes: config.lanes.map((lane) => ({ ...lane, label: lane.id })) });
  });

  it("fits about 200 lanes (postal-prefix lanes of a German shop) before the Function loses it", () => {
    expect(sizes(110).packedBytes).toBeLessThan(FUNCTION_METAFIELD_LIMIT_BYTES);
    expect(sizes(180).packedBytes).toBeGreaterThan(FUNCTION_METAFIELD_LIMIT_BYTES);
  });
});
