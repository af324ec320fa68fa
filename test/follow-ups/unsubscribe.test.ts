import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/models/db/prisma.server";
import { action, loader } from "~/routes/unsubscribe.$token";
import { unsubscribeToken } from "~/services/follow-ups/unsubscribe-token.server";
import { resetDatabase } from "../support/database";
import { TEST_ENV, TEST_SHOP } from "../support/test-env";

// The public one-click unsubscribe route (RFC 8058): a GET only asks, a POST unsubscribes, with no session.

const token = (email: string, locale?: string, secret: string = TEST_ENV.SHOPIFY_API_SECRET) => unsubscribeToken({ shop: TEST_SHOP, email, locale }, secret);
const get = async (value: string) =>
  (await loader({ request: new Request(`https://kept.test/unsubscribe/${value}`), params: { token: value }, context: {} })) as Response;
const post = async (value: string) =>
  (await action({
    request: new Request(`https://kept.test/unsubscribe/${value}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
    params: { token: value },
    context: {},
  })) as Response;
const suppressed = () => prisma.emailSuppression.findMany({ select: { shop: true, email: true, reason: true } });

beforeEach(resetDatabase);

describe("the unsubscribe link", () => {
  it("asks on GET (mail scanners open links) and unsubscribes on the one-click POST, in the email's language", async () => {
    const value = token("Jonas@Example.de", "de");
    const page = await get(value);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const asked = await page.text();
    expect(asked).toContain('<html lang="de">');
    expect(asked).toContain("jonas@example.de");
    expect(asked).toContain('<form method="post">');
    expect(await suppressed()).toEqual([]);
    const done = await post(value);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Erledigt.");
    expect(await suppressed()).toEqual([{ shop: TEST_SHOP, email: "jonas@example.de", reason: "unsubscribed" }]);
  });

  it("changes nothing when clicked again", async () => {
    const value = token("anna@example.se", "sv");
    await post(value);
    const again = await post(value);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Klart.");
    expect(await suppressed()).toHaveLength(1);
  });

  it("refuses a token signed with another secret, a changed one and garbage, with a page that says what to do", async () => {
    const forged = token("anna@example.se", "en", "another-secret-0123456789");
    const good = token("anna@example.se", "en");
    const [body, signature] = good.split(".");
    const otherAddress = Buffer.from(JSON.stringify({ s: TEST_SHOP, e: "eve@example.se" })).toString("base64url");
    for (const value of [forged, `${otherAddress}.${signature}`, `${body}.`, "not-a-token", `${good}.extra`]) {
      const response = await post(value);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This unsubscribe link is not valid.");
    }
    expect(await suppressed()).toEqual([]);
  });
});
