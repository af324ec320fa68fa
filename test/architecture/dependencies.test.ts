import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// README.md's "Dependencies and why" table, package.json and what the code imports must agree
// (docs/architecture.md#dependencies links to the table instead of keeping a second list).
function readmeTableNames(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("### Dependencies and why"));
  const rows = section
    .slice(0, section.search(/\n#{2,3} /))
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| package"));
  return rows.flatMap((row) => [...row.split(" | ")[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const runtime = Object.keys(manifest.dependencies ?? {});
const installed = [...runtime, ...Object.keys(manifest.devDependencies ?? {})];

/** `@scope/*` in the table stands for every package of that scope. */
const covers = (name: string, pattern: string) => (pattern.endsWith("/*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

const SOURCE = /\.(ts|tsx|mjs|js)$/;
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "generated", "dist"].includes(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const BUILTINS = new Set(builtinModules);
/** The package a bare import names ("@shopify/polaris/locales/en.json" → "@shopify/polaris"), or null for a relative, alias or builtin one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("~/") || specifier.startsWith("node:") || specifier.startsWith("virtual:")) return null;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  return BUILTINS.has(name) ? null : name;
}

// An import statement starts a line (`import x from "p"`, `import "p"`, `export { x } from "p"`, over several
// lines too); a dynamic `import("p")` or `require("p")` may sit anywhere. Code inside strings (the bundle
// entries bench/support/cli-esbuild.ts writes) does not start a line with a quote after `from`.
const STATIC_IMPORT = /^(?:(?:import|export)\b[^;"'`]*?\bfrom\s*|import\s*)"([^"]+)";?$/gm;
const DYNAMIC_IMPORT = /\b(?:import|require)\(\s*"([^"]+)"\s*\)/g;

/** Every package a file imports, type-only imports included. */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, "");
  const specifiers = [...text.matchAll(STATIC_IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => packageOf(specifier) ?? []);
}

/** Packages that code imports, by file, for files under `roots` (and the top-level config and server files). */
function importsUnder(roots: string[], topLevel: string[] = []): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const file of [...roots.flatMap(sourceFiles), ...topLevel]) {
    for (const name of importedPackages(file)) byPackage.set(name, [...(byPackage.get(name) ?? []), file]);
  }
  return byPackage;
}

const TOP_LEVEL = readdirSync(".").filter((name) => SOURCE.test(name));
// Installed but not imported by our code, each for a reason: tools run by name from package.json's scripts,
// the runtime of the client Prisma generates into app/generated, vitest's DOM for the extension tests
// (`@vitest-environment jsdom`), a peer dependency `@shopify/ui-extensions` imports, and the follow-ups
// issue's email (knip.config.ts says the same).
const NOT_IMPORTED = new Set([
  "@preact/signals",
  "prisma",
  "tsx",
  "typescript",
  "eslint",
  "prettier",
  "knip",
  "@remix-run/dev",
  "@prisma/client",
  "jsdom",
  "nodemailer",
  "smtp-server",
]);

describe("dependencies", () => {
  it("each installed package has a row in the README, and each row names installed packages", () => {
    const names = readmeTableNames();
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

  it("every package the code imports is in package.json and has a README row", () => {
    const imported = importsUnder(["app", "scripts", "bench", "test", "extensions"], TOP_LEVEL);
    expect(imported.size).toBeGreaterThan(20);
    const names = readmeTableNames();
    const missing = [...imported.entries()].filter(([name]) => !installed.includes(name)).map(([name, files]) => `${name} (${files[0]})`);
    expect(missing, "imported but not in package.json").toEqual([]);
    expect(
      [...imported.keys()].filter((name) => !names.some((pattern) => covers(name, pattern))),
      "imported without a README row",
    ).toEqual([]);
  });

  it("the app's and the server's runtime imports are dependencies, not devDependencies", () => {
    const shipped = importsUnder(
      ["app"],
      ["server.mjs", "worker-thread.mjs"].filter((file) => TOP_LEVEL.includes(file)),
    );
    const onlyDev = [...shipped.entries()]
      .filter(([name, files]) => !runtime.includes(name) && !name.startsWith("@types/") && files.some((file) => !/\.test\.tsx?$/.test(file)))
      // `import type` is erased: a package named only in type imports is not needed at run time.
      .filter(([name, files]) =>
        files.some((file) => !/\.test\.tsx?$/.test(file) && new RegExp(`^import (?!type )[^;]*["']${name}[/"']`, "m").test(readFileSync(file, "utf8"))),
      )
      .map(([name]) => name);
    expect(onlyDev, "imported by shipped code but only a devDependency").toEqual([]);
  });

  it("every installed package is imported somewhere, or is a tool run by name", () => {
    const imported = importsUnder(["app", "scripts", "bench", "test", "extensions"], TOP_LEVEL);
    const unused = installed.filter((name) => !name.startsWith("@types/") && !imported.has(name) && !NOT_IMPORTED.has(name));
    expect(unused, "installed, never imported (knip checks this too)").toEqual([]);
  });
});
