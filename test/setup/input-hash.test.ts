import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashInputs } from "./input-hash";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>) {
  root = mkdtempSync(path.join(tmpdir(), "kept-hash-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("the cache key of the build and the template database", () => {
  it("stays the same for the same files and changes with a file's content, a new file or a rename", () => {
    const dir = tree({ "app/a.ts": "a", "app/sub/b.ts": "b", "other.txt": "x" });
    const key = hashInputs(dir, ["app"]);
    expect(hashInputs(dir, ["app"])).toBe(key);
    writeFileSync(path.join(dir, "other.txt"), "changed outside the inputs");
    expect(hashInputs(dir, ["app"])).toBe(key);
    writeFileSync(path.join(dir, "app/sub/b.ts"), "b2");
    const changed = hashInputs(dir, ["app"]);
    expect(changed).not.toBe(key);
    writeFileSync(path.join(dir, "app/c.ts"), "");
    expect(hashInputs(dir, ["app"])).not.toBe(changed);
  });

  it("ignores node_modules and generated code, and missing inputs", () => {
    const dir = tree({ "app/a.ts": "a" });
    const key = hashInputs(dir, ["app", "missing.json"]);
    writeFileSync(path.join(dir, "app/a.ts"), "a");
    mkdirSync(path.join(dir, "app/generated"));
    writeFileSync(path.join(dir, "app/generated/client.ts"), "generated");
    expect(hashInputs(dir, ["app", "missing.json"])).toBe(key);
  });
});
