import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// README.md's "Dependencies and why" table must name every installed package, and only those
// (docs/architecture.md#dependencies links to it instead of keeping a second list).
function readmeTableNames(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("### Dependencies and why"));
  const rows = section
    .slice(0, section.search(/\n#{2,3} /))
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| package"));
  return rows.flatMap((row) => [...row.split(" | ")[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

function installedPackages(): string[] {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, Record<string, string> | undefined>;
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
}

/** `@scope/*` in the table stands for every package of that scope. */
const covers = (name: string, pattern: string) => (pattern.endsWith("/*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

describe("dependencies", () => {
  it("each installed package has a row in the README, and each row names installed packages", () => {
    const names = readmeTableNames();
    const installed = installedPackages();
    expect(names.length).toBeGreaterThan(10);
    expect(
      installed.filter((name) => !names.some((pattern) => covers(name, pattern))),
      "packages without a README row",
    ).toEqual([]);
    expect(
      names.filter((pattern) => !installed.some((name) => covers(name, pattern))),
      "README rows without a package",
    ).toEqual([]);
  });
});
