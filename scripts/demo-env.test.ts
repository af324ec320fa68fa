import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEST_ENV } from "../test/support/test-env";
import { DEMO_ENV, demoSmtpUrl } from "./demo-env.mjs";

/** The `scopes` line of shopify.app.toml's [access_scopes]. */
function tomlScopes(): string {
  const match = /^\[access_scopes\][\s\S]*?^scopes\s*=\s*"([^"]*)"/m.exec(readFileSync("shopify.app.toml", "utf8"));
  if (!match) throw new Error("shopify.app.toml has no [access_scopes] scopes line");
  return match[1]!;
}

describe("access scopes", () => {
  it("are the same in shopify.app.toml, the demo, the tests and the README", () => {
    const scopes = tomlScopes();
    expect(scopes.split(",")).toContain("write_delivery_customizations");
    expect(DEMO_ENV.SCOPES).toBe(scopes);
    expect(TEST_ENV.SCOPES).toBe(scopes);
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(new RegExp(`^\\| access scopes \\| \`${scopes}\``, "m"));
    expect(readme).toMatch(new RegExp(`^\\| \`SCOPES\` \\| \`${scopes}\``, "m"));
  });
});

/** `text` as a regular expression matching exactly it. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the demo's email", () => {
  it("goes to the mail catcher on loopback, and the README's demo table says where, from whom and where it is kept", () => {
    expect(demoSmtpUrl(DEMO_ENV.DEMO_SMTP_PORT)).toBe("smtp://127.0.0.1:2525");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(
      new RegExp(`^\\| mail catcher \\(\`SMTP_URL\`\\) \\| \`${literal(demoSmtpUrl(DEMO_ENV.DEMO_SMTP_PORT))}\` \\(\`DEMO_SMTP_PORT\`\\) \\|$`, "m"),
    );
    expect(readme).toMatch(new RegExp(`^\\| caught email \\| \`${literal(DEMO_ENV.DEMO_MAILBOX_DIR)}\` \\(\`DEMO_MAILBOX_DIR\`\\)`, "m"));
    expect(readme).toMatch(new RegExp(`^\\| sender \\(\`MAIL_FROM\`\\) \\| \`${literal(DEMO_ENV.MAIL_FROM)}\` \\|$`, "m"));
  });
});
