import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { PRODUCTION_ENV } from "../support/test-env";

const valid = PRODUCTION_ENV;

describe("configuration", () => {
  it("accepts a complete production configuration", () => {
    expect(parseEnv(valid)).toMatchObject({ NODE_ENV: "production", KEPT_DEMO: "0", WORKER_IN_PROCESS: "1" });
  });

  it("names every missing or invalid variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SHOPIFY_APP_URL: "not a url", DATABASE_URL: "postgres://x" })).toThrowError(
      /SHOPIFY_API_KEY: Required[\s\S]*SHOPIFY_API_SECRET: Required[\s\S]*SHOPIFY_APP_URL: must be the app's public URL[\s\S]*SCOPES: Required[\s\S]*DATABASE_URL: must be a SQLite file URL/,
    );
  });

  it("refuses demo mode and plain http in production", () => {
    expect(() => parseEnv({ ...valid, KEPT_DEMO: "1", SHOPIFY_APP_URL: "http://kept.example.com" })).toThrowError(
      /KEPT_DEMO: demo mode cannot be enabled in production[\s\S]*SHOPIFY_APP_URL: must use https in production/,
    );
  });

  it("allows demo mode only on a loopback address, whatever NODE_ENV says", () => {
    const demo = { ...valid, NODE_ENV: "development", KEPT_DEMO: "1" };
    expect(parseEnv(demo)).toMatchObject({ KEPT_DEMO: "1", HOST: "127.0.0.1" });
    expect(parseEnv({ ...demo, HOST: "::1" }).HOST).toBe("::1");
    for (const NODE_ENV of ["development", "test", undefined]) {
      expect(() => parseEnv({ ...demo, NODE_ENV, HOST: "0.0.0.0" })).toThrowError("HOST is 0.0.0.0; use 127.0.0.1 or unset HOST");
    }
    expect(parseEnv({ ...valid, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  });

  it("keeps the replay window long enough for Shopify's retries, or off", () => {
    expect(parseEnv(valid).WEBHOOK_REPLAY_WINDOW_HOURS).toBe(48);
    expect(parseEnv({ ...valid, WEBHOOK_REPLAY_WINDOW_HOURS: "0" }).WEBHOOK_REPLAY_WINDOW_HOURS).toBe(0);
    expect(() => parseEnv({ ...valid, WEBHOOK_REPLAY_WINDOW_HOURS: "2" })).toThrowError(
      "WEBHOOK_REPLAY_WINDOW_HOURS: must be 0 (off) or at least 5: Shopify retries for 4 hours",
    );
  });

  it("keeps webhook bodies 30 days by default, at least one day, in whole days", () => {
    expect(parseEnv(valid).WEBHOOK_BODY_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ ...valid, WEBHOOK_BODY_RETENTION_DAYS: "90" }).WEBHOOK_BODY_RETENTION_DAYS).toBe(90);
    expect(() => parseEnv({ ...valid, WEBHOOK_BODY_RETENTION_DAYS: "0" })).toThrowError(
      "WEBHOOK_BODY_RETENTION_DAYS: must be at least 1 day: a body is kept until its delivery is processed and a day beyond",
    );
    expect(() => parseEnv({ ...valid, WEBHOOK_BODY_RETENTION_DAYS: "1.5" })).toThrowError(
      "WEBHOOK_BODY_RETENTION_DAYS: must be a whole number of days, such as 30",
    );
    expect(() => parseEnv({ ...valid, WEBHOOK_BODY_RETENTION_DAYS: "a month" })).toThrowError(
      "WEBHOOK_BODY_RETENTION_DAYS: must be a whole number of days, such as 30",
    );
  });

  it("refuses the published demo secret in production, and only there", () => {
    expect(() => parseEnv({ ...valid, SHOPIFY_API_SECRET: "kept-demo-secret" })).toThrowError(
      'SHOPIFY_API_SECRET: is the published demo secret "kept-demo-secret"; use the app\'s client secret from the Partner Dashboard',
    );
    expect(parseEnv({ ...valid, NODE_ENV: "development", KEPT_DEMO: "1", SHOPIFY_API_SECRET: "kept-demo-secret" })).toMatchObject({
      SHOPIFY_API_SECRET: "kept-demo-secret",
    });
  });

  it("stops the production server at start-up with the list of problems", () => {
    const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production", SHOPIFY_API_KEY: "key" } as const;
    const result = spawnSync(process.execPath, ["server.mjs"], { env, encoding: "utf8", timeout: 20_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Invalid configuration, the app cannot start");
    expect(result.stderr).toContain("SHOPIFY_API_SECRET: Required");
    expect(result.stderr).toContain("DATABASE_URL: Required");
  });

  it("stops the production server started with the demo secret", () => {
    const env = {
      PATH: process.env.PATH ?? "",
      ...valid,
      NODE_ENV: "production",
      SHOPIFY_API_SECRET: "kept-demo-secret",
      DATABASE_URL: "file:/nonexistent/never-opened.sqlite",
    } as const;
    const result = spawnSync(process.execPath, ["server.mjs"], { env, encoding: "utf8", timeout: 20_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Invalid configuration, the app cannot start");
    expect(result.stderr).toContain('SHOPIFY_API_SECRET: is the published demo secret "kept-demo-secret"');
  });
});
