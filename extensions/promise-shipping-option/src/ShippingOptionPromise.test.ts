// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.checkout.shipping-option-item.details.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createShippingOption } from "@shopify/ui-extensions-tester/checkout";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PromiseConfig } from "../../../app/domain/promise/promise-config";
import { promiseConfigEntry, provideShippingAddress, STOCKHOLM_CONFIG } from "../../../test/support/checkout-extension";

// A Plus store: the sync job put the line under the option in charge of dating shipping options.
const PLUS_CONFIG: PromiseConfig = { ...STOCKHOLM_CONFIG, checkoutSurface: "option" };
const extension = getExtension("purchase.checkout.shipping-option-item.details.render");
const DAY = 86_400;

beforeEach(() => {
  extension.setUp();
  // Tue 1 Dec 2026, 10:00 in Stockholm: before the 14:00 cut-off, so the parcel ships Tue..Wed.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T09:00:00Z"));
  extension.shopify.appMetafields.value = [promiseConfigEntry(PLUS_CONFIG)];
  extension.shopify.target.value = createShippingOption({ handle: "b7c1e0f2-standard", code: "standard", title: "Standard" });
  provideShippingAddress(extension.shopify, {});
});

afterEach(() => {
  extension.tearDown();
  vi.useRealTimers();
});

const shown = () => document.body.textContent;

describe("purchase.checkout.shipping-option-item.details.render", () => {
  it("shows the padded promise from the lane: transit 1–2 → Fri 4 Dec, +1 → Mon 7 Dec", async () => {
    await extension.render();
    expect(document.body.querySelector("s-text")?.textContent).toBe("Arrives by Mon, Dec 7");
  });

  it("uses Shopify's transit estimate for the option when there is one (3–5 days → Wed 9 Dec, +1 → Thu 10 Dec)", async () => {
    extension.shopify.target.value = createShippingOption({
      code: "standard",
      title: "Standard",
      deliveryEstimate: { timeInTransit: { lower: 3 * DAY, upper: 5 * DAY } },
    });
    await extension.render();
    expect(shown()).toBe("Arrives by Thu, Dec 10");
  });

  it("reads a config written before the packed form (plain version 1)", async () => {
    extension.shopify.appMetafields.value = [promiseConfigEntry(PLUS_CONFIG, false)];
    await extension.render();
    expect(shown()).toBe("Arrives by Mon, Dec 7");
  });

  it("shows the date while it falls within the config's horizon (validUntil), up to its last day", async () => {
    extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, validUntil: "2026-12-07" })];
    await extension.render();
    expect(shown()).toBe("Arrives by Mon, Dec 7");
  });

  it.each([
    ["no config metafield", () => (extension.shopify.appMetafields.value = [])],
    ["an invalid config", () => (extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, timeZone: "Mars/Olympus" }, false)])],
    [
      "the title in charge (not Plus, plan unknown, or the merchant's choice): the Function dates the option",
      () => (extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, checkoutSurface: "title" })]),
    ],
    [
      "a config published before the surface was (the title is in charge until the next sync)",
      () => (extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, checkoutSurface: undefined })]),
    ],
    [
      "a stale config whose closed dates end before the promise (synced 1 Aug: holidays known to 28 Nov)",
      () => (extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, validUntil: "2026-11-28" })]),
    ],
    ["a promise one day past the horizon", () => (extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, validUntil: "2026-12-06" })])],
    ["an option without a lane", () => (extension.shopify.target.value = createShippingOption({ code: "economy", title: "Economy" }))],
    ["local delivery", () => (extension.shopify.target.value = createShippingOption({ code: "standard", title: "Local", type: "local" }))],
    [
      "an option Shopify dates itself (delivery dates on: Shopify's date, or Shop Promise)",
      () => {
        extension.shopify.appMetafields.value = [promiseConfigEntry({ ...PLUS_CONFIG, shopifyDates: true })];
        extension.shopify.target.value = createShippingOption({ code: "standard", deliveryEstimate: { timeInTransit: { lower: DAY, upper: 2 * DAY } } });
      },
    ],
    ["no shipping address yet", () => provideShippingAddress(extension.shopify, undefined)],
  ])("shows nothing with %s", async (_name, arrange) => {
    arrange();
    await extension.render();
    expect(document.body.querySelector("s-text")).toBeNull();
    expect(shown()).toBe("");
  });

  it.each([
    ["de-DE", "Lieferung bis Mo., 7. Dez."],
    ["sv-SE", "Levereras senast mån 7 dec."],
    ["ru", "Доставка не позднее пн, 7 дек."],
    ["fr-FR", "Livraison d’ici le lun. 7 déc."],
    ["es-ES", "Llega a más tardar el lun, 7 dic"],
    ["en-GB", "Arrives by Mon 7 Dec"],
    ["fi", "Arrives by Mon, Dec 7"],
  ])("speaks the shopper's language with an Intl date: %s", async (isoCode, text) => {
    extension.shopify.localization.language.value = { isoCode };
    await extension.render();
    expect(shown()).toBe(text);
  });
});
