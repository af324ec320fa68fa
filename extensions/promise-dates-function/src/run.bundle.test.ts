import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { functionOptions } from "../../../bench/support/cli-esbuild";
import { packPromiseConfig } from "../../../app/domain/promise/promise-config-wire";
import { STOCKHOLM_CONFIG } from "../../../test/support/checkout-extension";

// Javy (QuickJS) has no Intl. The bundle the CLI would hand to Javy must run without it.
describe("the Function's JavaScript bundle, as Shopify CLI builds it", () => {
  it("runs in a context without Intl and renames with the localized date", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kept-function-"));
    try {
      const outfile = path.join(dir, "function.js");
      const options = functionOptions(outfile, path.resolve("extensions/promise-dates-function/src/index.ts"));
      // Only the wrapper differs from the CLI's ESM output: an IIFE can run in a plain vm context.
      await build({ ...options, format: "iife", globalName: "kept" });
      const input = {
        cart: {
          deliveryGroups: [
            {
              deliveryAddress: { countryCode: "SE", provinceCode: null, zip: "114 55" },
              deliveryOptions: [{ handle: "c1a2b3-standard", code: "standard", title: "Standard", deliveryMethodType: "SHIPPING" }],
            },
          ],
        },
        localization: { language: { isoCode: "SV" } },
        shop: {
          localTime: { date: "2026-12-01", mon: true, tue: false, wed: false, thu: false, fri: false, sat: true, sun: true },
          metafield: { jsonValue: packPromiseConfig(STOCKHOLM_CONFIG) },
        },
      };
      const written: unknown[] = [];
      const context = { ShopifyFunction: { readInput: () => input, writeOutput: (output: unknown) => written.push(output) } };
      runInNewContext(`delete globalThis.Intl; ${readFileSync(outfile, "utf8")}; kept.run();`, context);
      expect(written).toEqual([
        { operations: [{ deliveryOptionRename: { deliveryOptionHandle: "c1a2b3-standard", title: "Standard · Levereras senast mån 7 dec." } }] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
