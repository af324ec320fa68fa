import { beforeEach, describe, expect, it } from "vitest";
import { listFlowTriggerUses } from "~/models/flow/flow-trigger-use.server";
import { action } from "~/routes/flow.lifecycle";
import { resetDatabase } from "../support/database";
import { lifecycleRequest, type LifecycleBody } from "../support/flow-lifecycle";
import { OTHER_SHOP, TEST_SHOP } from "../support/test-env";

// Flow's trigger lifecycle callback through the app's public route: signed like a webhook, stored per shop and
// trigger, the newest timestamp winning.

beforeEach(resetDatabase);

async function post(body: Partial<LifecycleBody> | string, options: Parameters<typeof lifecycleRequest>[1] = {}) {
  const response = await action({ request: lifecycleRequest(body, options), params: {}, context: {} });
  return { status: response.status, text: await response.text() };
}

const stored = (shop = TEST_SHOP) => listFlowTriggerUses(shop);

describe("the Flow lifecycle callback", () => {
  it("records that the shop's workflow uses the trigger, by its title or its handle", async () => {
    expect(await post({})).toEqual({ status: 200, text: "Recorded" });
    expect(await post({ flow_trigger_definition_id: "kept-order-arrived", shop_id: 690933842 })).toEqual({ status: 200, text: "Recorded" });
    expect(await stored()).toEqual([
      { trigger: "kept-order-arrived", enabled: true, enabledSince: new Date("2026-11-01T09:00:00Z"), changedAt: new Date("2026-11-01T09:00:00Z") },
      { trigger: "kept-promise-kept", enabled: true, enabledSince: new Date("2026-11-01T09:00:00Z"), changedAt: new Date("2026-11-01T09:00:00Z") },
    ]);
    expect(await stored(OTHER_SHOP)).toEqual([]);
  });

  it("refuses a bad or missing signature with 401 and records nothing", async () => {
    expect(await post({}, { secret: "someone-elses-secret" })).toMatchObject({ status: 401 });
    expect(await post({}, { hmac: null })).toMatchObject({ status: 401 });
    // A body changed after signing
    const signed = lifecycleRequest({ has_enabled_flow: false });
    const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: (await signed.text()).replace("false", "true") });
    expect((await action({ request: tampered, params: {}, context: {} })).status).toBe(401);
    expect(await stored()).toEqual([]);
  });

  it("answers 400 to a signed body that is not a lifecycle callback, naming the field", async () => {
    expect(await post("not json")).toEqual({ status: 400, text: "Body is not JSON" });
    expect(await post({ has_enabled_flow: "yes" as unknown as boolean })).toEqual({
      status: 400,
      text: "Invalid lifecycle callback: has_enabled_flow Expected boolean, received string",
    });
    expect(await post({ timestamp: "yesterday" })).toMatchObject({ status: 400, text: "Invalid lifecycle callback: timestamp must be an ISO 8601 date-time" });
    expect(await post({ shopify_domain: "evil.example.com" })).toEqual({ status: 400, text: "Invalid shopify_domain" });
    expect(await stored()).toEqual([]);
  });

  it("takes a replay of the same callback as a no-op", async () => {
    expect(await post({})).toMatchObject({ text: "Recorded" });
    expect(await post({})).toEqual({ status: 200, text: "Not newer than the state on record: nothing changed" });
    expect(await stored()).toHaveLength(1);
  });

  it("turns the trigger off with a newer callback, and ignores an older one arriving after it", async () => {
    await post({ timestamp: "2026-11-01T09:00:00.000Z" });
    await post({ has_enabled_flow: false, timestamp: "2026-11-05T09:00:00.000Z" });
    expect(await stored()).toEqual([{ trigger: "kept-promise-kept", enabled: false, enabledSince: null, changedAt: new Date("2026-11-05T09:00:00Z") }]);
    // A delayed "on" from before the "off"
    expect(await post({ has_enabled_flow: true, timestamp: "2026-11-03T09:00:00.000Z" })).toMatchObject({
      text: "Not newer than the state on record: nothing changed",
    });
    expect((await stored())[0]).toMatchObject({ enabled: false });
    // On again later: enabled from that callback on
    await post({ has_enabled_flow: true, timestamp: "2026-11-07T09:00:00.000Z" });
    expect((await stored())[0]).toMatchObject({ enabled: true, enabledSince: new Date("2026-11-07T09:00:00Z") });
  });

  it("keeps the first 'on' as the start when a second workflow is enabled", async () => {
    await post({ timestamp: "2026-11-01T09:00:00.000Z" });
    await post({ timestamp: "2026-11-04T09:00:00.000Z" });
    expect((await stored())[0]).toMatchObject({ enabled: true, enabledSince: new Date("2026-11-01T09:00:00Z"), changedAt: new Date("2026-11-04T09:00:00Z") });
  });

  it("acknowledges a trigger that is not Kept's without recording it, so the merchant is never blocked", async () => {
    expect(await post({ flow_trigger_definition_id: "Add row to spreadsheet" })).toEqual({ status: 200, text: "Not a Kept trigger: nothing recorded" });
    expect(await stored()).toEqual([]);
  });

  it("answers only POST", async () => {
    expect(await post({}, { method: "PUT" })).toMatchObject({ status: 405 });
  });
});
