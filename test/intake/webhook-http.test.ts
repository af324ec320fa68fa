import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderPayload } from "../factories/payloads";
import { startApp, type AppProcess } from "../support/app-process";
import { postWebhook, webhookHeaders } from "../support/webhooks";
import { waitUntil } from "../support/wait-until";

// Real HTTP against the built app in production mode, with real HMAC signatures.
let app: AppProcess;
beforeAll(async () => {
  app = await startApp({ WEBHOOK_MAX_BYTES: String(256 * 1024) });
});
afterAll(() => app?.stop());

const waitForIdle = () =>
  waitUntil(async () => ((await (await fetch(`${app.url}/healthz`)).json()) as { pendingJobs: number }).pendingJobs === 0, "the worker to drain the queue");

describe("POST /webhooks over HTTP", () => {
  it("acknowledges a signed delivery with 200 and a replay with 200 'duplicate'", async () => {
    const first = await postWebhook(app.url, "orders/create", orderPayload(5001), { webhookId: "http-1" });
    const again = await postWebhook(app.url, "orders/create", orderPayload(5001), { webhookId: "http-1" });
    expect(first).toEqual({ status: 200, text: "ok" });
    expect(again).toEqual({ status: 200, text: "duplicate" });
    await waitForIdle();
  });

  it("answers 401 for a bad signature and 400 naming missing headers", async () => {
    const bad = await postWebhook(app.url, "orders/create", orderPayload(5002), { secret: "not-the-secret" });
    expect(bad.status).toBe(401);
    const body = JSON.stringify(orderPayload(5003));
    const headers = webhookHeaders("orders/create", body, { headers: { "X-Shopify-Hmac-Sha256": null } });
    const missing = await fetch(`${app.url}/webhooks`, { method: "POST", body, headers });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe("Missing headers: x-shopify-hmac-sha256");
  });

  it("answers 413 to an oversized body and keeps serving", async () => {
    const big = await postWebhook(app.url, "orders/create", orderPayload(5004, { note: "x".repeat(300 * 1024) }));
    expect(big.status).toBe(413);
    const after = await postWebhook(app.url, "orders/create", orderPayload(5005));
    expect(after.status).toBe(200);
  });

  it("answers 413 to a 50 MB body sent with its Content-Length, instead of resetting the connection", async () => {
    // node's own client writes the whole body and reports EPIPE/ECONNRESET if the server closes first.
    const body = Buffer.alloc(50 * 1024 * 1024, "x");
    const headers = { ...webhookHeaders("orders/create", "{}"), "Content-Length": String(body.byteLength) };
    const send = () =>
      new Promise<{ status?: number; text: string } | { error: string }>((resolve) => {
        const outgoing = request(`${app.url}/webhooks`, { method: "POST", headers }, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode, text }));
        });
        outgoing.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
        outgoing.end(body);
      });
    // Three in a row on node's keep-alive agent: closing before the body is read fails one of them.
    const answers = [await send(), await send(), await send()];
    expect(answers).toEqual(Array(3).fill({ status: 413, text: `Body larger than ${256 * 1024} bytes` }));
    expect((await postWebhook(app.url, "orders/create", orderPayload(5007))).status).toBe(200);
  });

  it("refuses, by default, a delivery triggered three days before it arrives", async () => {
    const triggeredAt = new Date(Date.now() - 72 * 3_600_000).toISOString();
    expect(await postWebhook(app.url, "orders/create", orderPayload(5008), { triggeredAt })).toEqual({ status: 200, text: "recorded as refused" });
  });

  it("answers 405 to GET", async () => {
    expect((await fetch(`${app.url}/webhooks`)).status).toBe(405);
  });

  it("survives garbage: invalid JSON and unknown topics are recorded, the process stays up", async () => {
    expect((await postWebhook(app.url, "orders/create", "{not json")).status).toBe(200);
    expect((await postWebhook(app.url, "carts/teleport", { id: 1 })).status).toBe(200);
    expect((await postWebhook(app.url, "orders/create", orderPayload(5006, { line_items: "nope" }))).status).toBe(200);
    await waitForIdle();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
  });
});
