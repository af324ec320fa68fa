import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScenario } from "../../scripts/simulator/scenarios";
import { sendDelivery } from "../../scripts/simulator/send";

const SECRET = "loopback-secret";
const SHOP = "kept-demo.myshopify.com";

type Received = { headers: IncomingHttpHeaders; body: Buffer; isSigned: boolean };

/** A stand-in app: verifies Shopify's HMAC over the raw bytes, records requests, answers 200 or 401. */
function startRecordingServer() {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = createHmac("sha256", SECRET).update(body).digest();
      const given = Buffer.from(String(request.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
      const isSigned = given.length === expected.length && timingSafeEqual(given, expected);
      received.push({ headers: request.headers, body, isSigned });
      response.writeHead(isSigned && request.url === "/webhooks" ? 200 : 401).end();
    });
  });
  return { server, received };
}

describe("sendDelivery over loopback HTTP", () => {
  const { server, received } = startRecordingServer();
  let baseUrl = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server as Server).close(() => resolve())));

  it("sends the duplicates scenario signed, with Shopify's headers and repeated webhook ids", async () => {
    // GIVEN the duplicates scenario
    const deliveries = buildScenario("duplicates", { seed: 3, start: new Date("2026-11-16T09:00:00Z"), shopDomain: SHOP, count: 0 }) ?? [];
    expect(deliveries.length).toBeGreaterThan(10);

    // WHEN every delivery is sent in order
    const statuses: number[] = [];
    for (const delivery of deliveries) statuses.push((await sendDelivery(baseUrl, delivery, { shopDomain: SHOP, secret: SECRET })).status);

    // THEN each arrived signed, with every header, and each webhook id exactly twice, back to back
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(received).toHaveLength(deliveries.length);
    received.forEach(({ headers, isSigned }, index) => {
      const delivery = deliveries[index]!;
      expect(isSigned).toBe(true);
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["x-shopify-topic"]).toBe(delivery.topic);
      expect(headers["x-shopify-shop-domain"]).toBe(SHOP);
      expect(headers["x-shopify-api-version"]).toBe("2026-01");
      expect(headers["x-shopify-webhook-id"]).toBe(delivery.webhookId);
      expect(headers["x-shopify-event-id"]).toBe(delivery.eventId);
      expect(headers["x-shopify-triggered-at"]).toBe(delivery.triggeredAt);
    });
    const ids = received.map(({ headers }) => String(headers["x-shopify-webhook-id"]));
    for (let index = 0; index < ids.length; index += 2) {
      expect(ids[index + 1]).toBe(ids[index]);
      expect(received[index + 1]!.body.equals(received[index]!.body)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length / 2);
  });

  it("gets 401 for the bad-signature delivery of bad-input, and sends invalid JSON byte for byte", async () => {
    const deliveries = buildScenario("bad-input", { seed: 3, start: new Date("2026-11-16T09:00:00Z"), shopDomain: SHOP, count: 0 }) ?? [];
    const results = [];
    for (const delivery of deliveries) results.push(await sendDelivery(baseUrl, delivery, { shopDomain: SHOP, secret: SECRET }));
    expect(results.map((result) => result.status)).toEqual(deliveries.map((delivery) => delivery.expectStatus ?? 200));
    const truncated = received.at(-deliveries.length)!;
    expect(truncated.body.toString("utf8")).toBe(deliveries[0]!.payload);
  });

  it("retries while the connection is refused, then gives up", async () => {
    // GIVEN a port nothing listens on
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const [delivery] = buildScenario("big", { seed: 1, start: new Date("2026-11-16T09:00:00Z"), shopDomain: SHOP, count: 0 }) ?? [];

    // WHEN the app starts listening there after a few refused attempts
    const late = startRecordingServer();
    setTimeout(() => late.server.listen(port, "127.0.0.1"), 150);
    const result = await sendDelivery(`http://127.0.0.1:${port}`, delivery!, { shopDomain: SHOP, secret: SECRET, retryDelayMs: 50, maxConnectRetries: 40 });
    await new Promise<void>((resolve) => late.server.close(() => resolve()));

    // THEN it got through, signed, after retrying; with no retries left it throws
    expect(result.status).toBe(200);
    expect(result.attempts).toBeGreaterThan(1);
    expect(late.received[0]?.isSigned).toBe(true);
    await expect(sendDelivery(`http://127.0.0.1:${port}`, delivery!, { shopDomain: SHOP, secret: SECRET, maxConnectRetries: 0 })).rejects.toThrow();
  });
});
