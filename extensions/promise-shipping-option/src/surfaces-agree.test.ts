// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.checkout.shipping-option-item.details.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createShippingOption } from "@shopify/ui-extensions-tester/checkout";
import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutSurfaceOf } from "../../../app/domain/promise/option-policy";
import { decideShippingOption } from "../../../app/domain/promise/shipping-options";
import { run } from "../../promise-dates-function/src/run";
import { promiseConfigEntry, provideShippingAddress } from "../../../test/support/checkout-extension";
import {
  adminOptionFor,
  checkoutTargetFor,
  CHECKOUT_INSTANT,
  FACT_ROWS,
  functionInputFor,
  publishedConfigFor,
  type FactRow,
} from "../../../test/support/surface-facts";

// "No double dates" for Kept's own surfaces, and a settings page that tells the truth: for the same facts
// (plan, Shopify's delivery dates, store zone, the merchant's choice, rate kind, lane), the page's verdict
// is what checkout does. A dated option is dated by exactly one surface, the one the page names; a
// skipped one by neither.
const extension = getExtension("purchase.checkout.shipping-option-item.details.render");

beforeEach(() => {
  extension.setUp();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(CHECKOUT_INSTANT));
  provideShippingAddress(extension.shopify, {});
});

afterEach(() => {
  // Unmount with the preact copy the extension rendered with (the tester's tearDown uses a require()d one).
  // Without this, hundreds of renders in one file left some rows rendering into a stale tree (empty body).
  render(null, document.body);
  extension.tearDown();
  vi.useRealTimers();
});

/** What the settings page says: "option: se-standard", "title: se-standard" or "skip: <reason>". */
function pageVerdict(row: FactRow): string {
  const config = publishedConfigFor(row);
  const [{ decision }] = decideShippingOption(config, adminOptionFor(row));
  return decision.kind === "promise" ? `${checkoutSurfaceOf(config)}: ${decision.match.lane.id}` : `skip: ${decision.reason}`;
}

/** The title the Function gives the option, or null when it renames nothing. */
function functionTitle(row: FactRow): string | null {
  const { operations } = run(functionInputFor(row));
  return operations[0]?.deliveryOptionRename.title ?? null;
}

/** The line the extension renders under the option, or null when it renders nothing. */
async function extensionLine(row: FactRow): Promise<string | null> {
  const target = checkoutTargetFor(row);
  // Checkout renders this target for shipping options only (its target is a ShippingOption); pickup
  // locations have targets of their own, which Kept does not use.
  if (target.type === "pickup") return null;
  extension.shopify.appMetafields.value = [promiseConfigEntry(publishedConfigFor(row))];
  extension.shopify.target.value = createShippingOption(target);
  await extension.render();
  return document.body.textContent || null;
}

describe("the settings page's verdict is what checkout does, for every combination of facts", () => {
  it("has rows that date under the option, in the title, and skip for each reason (the table is not vacuous)", () => {
    const outcomes = new Set(FACT_ROWS.map(pageVerdict));
    expect([...outcomes].sort()).toEqual([
      "option: se-standard",
      "skip: local-or-pickup",
      "skip: no-lane",
      "skip: shopify-delivery-date",
      "skip: store-time-zone",
      "title: se-standard",
    ]);
  });

  it.each(FACT_ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const verdict = pageVerdict(row);
    const title = functionTitle(row);
    const line = await extensionLine(row);
    // At most one Kept date per option.
    expect(title === null || line === null).toBe(true);
    if (verdict.startsWith("title:")) {
      expect(title).toMatch(/^Standard · Arrives by /);
      expect(line).toBeNull();
    } else if (verdict.startsWith("option:")) {
      expect(line).toMatch(/^Arrives by /);
      expect(title).toBeNull();
    } else {
      expect({ title, line }).toEqual({ title: null, line: null });
    }
  });
});
