import { describe, expect, it } from "vitest";
import { createSandboxedLiquid } from "./sandboxed-liquid";

describe("createSandboxedLiquid", () => {
  const engine = createSandboxedLiquid();

  it.each(["/etc/passwd", "etc/passwd", "../../package.json", "package.json"])("cannot render the file %s", async (file) => {
    await expect(engine.renderFile(file)).rejects.toThrow(/Failed to lookup/);
  });

  it("cannot parse a file either, even synchronously", () => {
    expect(() => engine.parseFileSync("package.json")).toThrow(/Failed to lookup/);
  });

  it("still renders ordinary templates", async () => {
    expect(await engine.parseAndRender("{{ a | plus: 1 }}", { a: 1 })).toBe("2");
  });
});
