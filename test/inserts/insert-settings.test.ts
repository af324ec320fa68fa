import { beforeEach, describe, expect, it } from "vitest";
import { ensureInsertSettings, reshuffleHoldouts, updateInsertSettings } from "~/models/inserts/insert-settings.server";
import { resetDatabase } from "../support/database";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";

beforeEach(resetDatabase);

describe("insert settings", () => {
  it("are created once per shop with a stable, per-shop holdout salt", async () => {
    const first = await ensureInsertSettings(TEST_SHOP);
    expect(first).toMatchObject({ shop: TEST_SHOP, maxInsertsPerParcel: 3, fallbackLocale: "en", paperSize: "A6" });
    expect(first.holdoutSalt).toMatch(/^[\w-]{16}$/);
    expect((await ensureInsertSettings(TEST_SHOP)).holdoutSalt).toBe(first.holdoutSalt);
    expect((await ensureInsertSettings(OTHER_SHOP)).holdoutSalt).not.toBe(first.holdoutSalt);
  });

  it("change only the shop they belong to; the salt changes only on request", async () => {
    const before = await ensureInsertSettings(TEST_SHOP);
    await ensureInsertSettings(OTHER_SHOP);
    expect(await updateInsertSettings(TEST_SHOP, { maxInsertsPerParcel: 2, paperSize: "Letter" })).toMatchObject({
      maxInsertsPerParcel: 2,
      paperSize: "Letter",
      holdoutSalt: before.holdoutSalt,
    });
    expect(await ensureInsertSettings(OTHER_SHOP)).toMatchObject({ maxInsertsPerParcel: 3, paperSize: "A6" });
    await reshuffleHoldouts(TEST_SHOP);
    expect((await ensureInsertSettings(TEST_SHOP)).holdoutSalt).not.toBe(before.holdoutSalt);
  });
});
