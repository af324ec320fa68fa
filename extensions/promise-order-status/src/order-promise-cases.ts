import { expect, it, vi, type Mock } from "vitest";

/** What both targets share from the tester's harness (the shopify global differs per surface). */
export interface OrderPromiseHarness {
  render(): Promise<void>;
  fetch: typeof globalThis.fetch;
  shopify: { localization: { language: { value: { isoCode: string } }; timezone: { value: string } } };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const promised = (delivery: string, extra: Record<string, string> = {}) => ({ status: "promised", promisedDate: "2026-11-26", delivery, ...extra });

/**
 * Lets the retries' timers (fake) and the fetch answers and Preact's re-render (real event-loop turns) run:
 * 20 s of fake time in steps, with a real turn of the event loop after each step.
 */
async function settle() {
  for (let step = 0; step < 10; step++) {
    await vi.advanceTimersByTimeAsync(2_000);
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
  }
}

function answer(harness: OrderPromiseHarness, ...bodies: [unknown, number?][]): Mock {
  // A fresh Response per call: a body can be read once. The last answer repeats.
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const [body, status] of bodies) fetch.mockImplementationOnce(async () => json(body, status));
  const [lastBody, lastStatus] = bodies[bodies.length - 1];
  fetch.mockImplementation(async () => json(lastBody, lastStatus));
  harness.fetch = fetch;
  return fetch;
}

/**
 * The cases every order-promise target must pass. Today is Tue 24 Nov 2026 (fake clock, set by the
 * caller); the recorded promise is Thu 26 Nov.
 */
export function orderPromiseCases(harness: () => OrderPromiseHarness, surface: string, orderId: string) {
  const shown = () => document.body.textContent;

  it("asks Kept's backend for this order with the session token", async () => {
    const fetch = answer(harness(), [promised("unknown")]);
    await harness().render();
    await settle();
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toBe(`https://kept.example.com/api/order-promise?order=${encodeURIComponent(orderId)}&surface=${surface}`);
    expect(new Headers(init?.headers).get("Authorization")).toBe("Bearer mock-session-token");
    expect(shown()).toBe("Arrives by Thu, Nov 26");
  });

  it("waits while the order is not recorded yet, then shows its promise", async () => {
    const fetch = answer(harness(), [{ status: "pending" }], [{ status: "pending" }], [promised("unknown")]);
    await harness().render();
    expect(shown()).toBe("");
    await settle();
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(shown()).toBe("Arrives by Thu, Nov 26");
  });

  it.each([
    ["on its way (a carrier scan)", promised("in_transit"), "On its way · arrives by Thu, Nov 26"],
    ["delivered, on the shopper's calendar", promised("delivered", { deliveredAt: "2026-11-25T04:30:00Z" }), "Delivered on Tue, Nov 24"],
  ])("says %s only when Kept knows it", async (_name, body, text) => {
    answer(harness(), [body]);
    await harness().render();
    await settle();
    expect(shown()).toBe(text);
  });

  it("opened after the promised day without news: says what was promised, claims nothing", async () => {
    vi.setSystemTime(new Date("2026-11-30T12:00:00Z"));
    answer(harness(), [promised("unknown")]);
    await harness().render();
    await settle();
    expect(shown()).toBe("Delivery was promised by Thu, Nov 26");
  });

  it.each([
    ["no promise for the order", [[{ status: "none" }]]],
    ["an order Kept never sees (four asks)", [[{ status: "pending" }]]],
    ["a backend error", [[{ error: "boom" }, 500]]],
    ["an answer of the wrong shape", [[{ status: "promised", promisedDate: "soon", delivery: "unknown" }]]],
  ] as [string, [unknown, number?][]][])("shows nothing for %s", async (name, bodies) => {
    const fetch = answer(harness(), ...bodies);
    await harness().render();
    await settle();
    expect(shown()).toBe("");
    if (name.includes("four asks")) expect(fetch).toHaveBeenCalledTimes(4);
  });

  it("shows nothing when the backend cannot be reached", async () => {
    harness().fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError("Failed to fetch"));
    await harness().render();
    await settle();
    expect(shown()).toBe("");
  });

  it.each([
    ["de", "Lieferung bis Do., 26. Nov."],
    ["sv", "Levereras senast tors 26 nov."],
    ["ru-RU", "Доставка не позднее чт, 26 нояб."],
    ["fr", "Livraison d’ici le jeu. 26 nov."],
    ["es", "Llega a más tardar el jue, 26 nov"],
    ["en-GB", "Arrives by Thu 26 Nov"],
  ])("speaks the shopper's language: %s", async (isoCode, text) => {
    harness().shopify.localization.language.value = { isoCode };
    answer(harness(), [promised("unknown")]);
    await harness().render();
    await settle();
    expect(shown()).toBe(text);
  });
}
