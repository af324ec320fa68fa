// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { orderPromiseCases, type OrderPromiseHarness } from "./order-promise-cases";

const extension = getExtension("customer-account.order-status.block.render");

beforeEach(() => {
  extension.setUp();
  vi.useFakeTimers({ toFake: ["Date", "setTimeout"] });
  vi.setSystemTime(new Date("2026-11-24T15:00:00Z"));
  extension.shopify.order.value = { id: "gid://shopify/Order/8101", name: "#8101" } as typeof extension.shopify.order.value;
});

afterEach(() => {
  extension.tearDown();
  vi.useRealTimers();
});

describe("customer-account.order-status.block.render", () => {
  orderPromiseCases(() => extension as unknown as OrderPromiseHarness, "customer-account", "gid://shopify/Order/8101");

  it("asks nothing while the page has no order yet", async () => {
    extension.shopify.order.value = undefined;
    const fetch = vi.fn<typeof globalThis.fetch>();
    extension.fetch = fetch;
    await extension.render();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetch).not.toHaveBeenCalled();
    expect(document.body.textContent).toBe("");
  });
});
