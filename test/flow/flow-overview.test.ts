import { beforeEach, describe, expect, it } from "vitest";
import { recordFlowTriggerUse } from "~/models/flow/flow-trigger-use.server";
import { loadFlowTriggers } from "~/services/flow/flow-overview.server";
import { resetDatabase } from "../support/database";
import { TEST_SHOP } from "../support/test-env";

// Settings' Shopify Flow card: every trigger of Kept, and whether a workflow of this shop uses it since when.

beforeEach(() => resetDatabase());

describe("the Flow triggers on Settings", () => {
  it("lists every trigger, the ones a workflow uses with the time in the shop's zone, and only this shop's", async () => {
    await recordFlowTriggerUse(TEST_SHOP, "kept-promise-late", true, new Date("2026-11-20T09:00:00Z"), new Date("2026-11-20T09:00:01Z"));
    await recordFlowTriggerUse(TEST_SHOP, "kept-order-arrived", true, new Date("2026-11-20T09:00:00Z"), new Date("2026-11-20T09:00:01Z"));
    await recordFlowTriggerUse(TEST_SHOP, "kept-order-arrived", false, new Date("2026-11-21T09:00:00Z"), new Date("2026-11-21T09:00:01Z"));
    await recordFlowTriggerUse("other.myshopify.com", "kept-promise-kept", true, new Date("2026-11-20T09:00:00Z"), new Date("2026-11-20T09:00:01Z"));
    const triggers = await loadFlowTriggers(TEST_SHOP, "Europe/Stockholm");
    expect(triggers.map((trigger) => [trigger.handle, trigger.usedSince])).toEqual([
      ["kept-promise-kept", null],
      ["kept-promise-late", "Fri 20 Nov 2026, 10:00"],
      ["kept-order-arrived", null],
      ["kept-order-shipped-early", null],
      ["kept-apology-code-issued", null],
    ]);
  });
});
