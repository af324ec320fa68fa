import { spawnSync } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { TEST_ENV } from "../support/test-env";

// Demo mode opens the demo shop's admin (customer emails included) without a login: only for this machine.
let app: AppProcess;
beforeAll(async () => {
  app = await startApp({ KEPT_DEMO: "1", NODE_ENV: "development", DEMO_SHOP: "kept-demo.myshopify.com" });
});
afterAll(() => app?.stop());

/** A GET with headers fetch() may not set (Host). */
function get(path: string, headers: Record<string, string>): Promise<{ status?: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${app.url}${path}`, { headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode, text }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("demo mode", () => {
  it("serves the demo shop's admin to a browser on this machine", async () => {
    const page = await get("/app/orders", { Host: `localhost:${app.port}` });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Orders");
  });

  it("refuses a request that came through a proxy or a tunnel, saying why and what to do", async () => {
    const proxied = await get("/app/orders", { Host: `localhost:${app.port}`, "X-Forwarded-For": "203.0.113.9" });
    expect(proxied.status).toBe(403);
    expect(proxied.text).toContain(
      "It only answers requests from this machine, and this one was refused: it came through a proxy or tunnel (x-forwarded-for header).",
    );
    expect(proxied.text).toContain("start Kept without KEPT_DEMO");
    expect(proxied.text).not.toContain("@");
  });

  it("refuses a request addressed to a public host name, webhooks included", async () => {
    const renamed = await get("/app/orders", { Host: "kept.example.com" });
    expect(renamed.status).toBe(403);
    expect(renamed.text).toContain("it was addressed to kept.example.com, not to localhost");
    expect((await get("/healthz", { Host: "kept.example.com" })).status).toBe(403);
  });

  it("will not start listening on every interface", () => {
    const env = { PATH: process.env.PATH ?? "", ...TEST_ENV, NODE_ENV: "development" as const, KEPT_DEMO: "1", HOST: "0.0.0.0", DATABASE_URL: app.databaseUrl };
    const result = spawnSync(process.execPath, ["server.mjs"], { env, encoding: "utf8", timeout: 20_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("KEPT_DEMO: demo mode opens the admin without a login, so it only listens on this machine: HOST is 0.0.0.0");
  });
});
