// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, vi } from "vitest";
import { orderPromiseCases, type OrderPromiseHarness } from "./order-promise-cases";

const extension = getExtension("purchase.thank-you.block.render");

beforeEach(() => {
  extension.setUp();
  vi.useFakeTimers({ toFake: ["Date", "setTimeout"] });
  vi.setSystemTime(new Date("2026-11-24T15:00:00Z"));
  // The thank-you page names the order by its OrderIdentity GID; the backend maps it.
  extension.shopify.orderConfirmation.value = { order: { id: "gid://shopify/OrderIdentity/8101" }, number: "K7XPQ2", isFirstOrder: true };
});

afterEach(() => {
  extension.tearDown();
  vi.useRealTimers();
});

describe("purchase.thank-you.block.render", () => {
  orderPromiseCases(() => extension as unknown as OrderPromiseHarness, "checkout", "gid://shopify/OrderIdentity/8101");
});
